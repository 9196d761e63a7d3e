-- Requests: the overview's read model (written by activities, keyed by journey), and tickets.

CREATE TABLE requests (
  journey_id        text PRIMARY KEY,
  ticket            text UNIQUE,
  acting_enterprise text NOT NULL CHECK (acting_enterprise ~ '^[01][0-9]{9}$'),
  acting_mode       text NOT NULL CHECK (acting_mode IN ('PO', 'OWN_COMPANY')),
  community_code    text CHECK (community_code IN ('FR', 'NL', 'DE')),
  school_number     text CHECK (school_number ~ '^[0-8][0-9]{9}$'),
  worker_niss       text NOT NULL CHECK (worker_niss ~ '^[0-9]{11}$'),
  worker_name       text NOT NULL,
  worker_status     text NOT NULL CHECK (worker_status IN ('STATUTORY', 'CONTRACTUAL', 'TEMPORARY')),
  leave_code        text,
  leave_form        text,
  start_date        date,
  end_date          date,
  status            text NOT NULL CHECK (status IN ('draft', 'submitted', 'awaiting_worker', 'in_processing',
                                                    'accepted', 'refused', 'withdrawn', 'expired')),
  introduced_by     text NOT NULL CHECK (introduced_by ~ '^[0-9]{11}$'),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           integer NOT NULL CHECK (version >= 0),
  -- As PO a request names a community and a school; for own staff it names neither.
  CHECK ((acting_mode = 'PO' AND community_code IS NOT NULL AND school_number IS NOT NULL)
      OR (acting_mode = 'OWN_COMPANY' AND community_code IS NULL AND school_number IS NULL)),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date > start_date)
);
-- The overview always filters by acting context and sorts newest first.
CREATE INDEX requests_overview_idx ON requests (acting_enterprise, acting_mode, created_at DESC, journey_id DESC);
CREATE INDEX requests_worker_idx ON requests (acting_enterprise, acting_mode, worker_niss);
CREATE INDEX requests_school_idx ON requests (acting_enterprise, acting_mode, school_number);

CREATE SEQUENCE ticket_sequence;

-- One ticket per journey, whatever the number of retries.
CREATE TABLE tickets (
  journey_id text PRIMARY KEY,
  ticket     text NOT NULL UNIQUE,
  issued_at  timestamptz NOT NULL DEFAULT now()
);
