-- The request lists page by key (store/requests.ts, keysetPage): each page walks an index in the lists'
-- order, newest first (created_at DESC, journey_id DESC), from the last row of the page before, and stops
-- after one page. The overview's index (004) serves the acting context without a status; with a status,
-- this one does (004's would read the context's rows of every status, and a rare status means most of them).
CREATE INDEX requests_overview_status_idx ON requests (acting_enterprise, acting_mode, status, created_at DESC, journey_id DESC);
-- The back-office searches by enterprise without the mode: the overview's index leads with both, so it
-- could not give the order without reading and sorting every request of the enterprise.
CREATE INDEX requests_backoffice_enterprise_idx ON requests (acting_enterprise, created_at DESC, journey_id DESC);
