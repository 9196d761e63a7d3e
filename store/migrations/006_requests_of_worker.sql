-- The rules across a worker's requests read every request of that worker that still counts, whatever
-- the PO: introduced (a ticket) and neither withdrawn, refused nor expired. The predicate is the one of
-- the query (store/requests.ts, listCountedRequestsOfWorker), so the planner can use this partial index.
CREATE INDEX requests_counted_of_worker_idx ON requests (worker_niss, leave_code)
  WHERE ticket IS NOT NULL AND status NOT IN ('withdrawn', 'refused', 'expired');
