-- The back-office searches every PO's requests (store/requests.ts, searchRequestsAnyTenant), newest
-- first: by worker or status alone (the overview's indexes lead with the acting enterprise, which the
-- back-office need not give), or by nothing but a creation window. Ticket and enterprise have theirs.
CREATE INDEX requests_backoffice_worker_idx ON requests (worker_niss, created_at DESC, journey_id DESC);
CREATE INDEX requests_backoffice_status_idx ON requests (status, created_at DESC, journey_id DESC);
CREATE INDEX requests_created_idx ON requests (created_at DESC, journey_id DESC);
