-- Audit trail, HTTP idempotency keys, and one-off data loads (demo data).

CREATE TABLE audit_log (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  subject text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject, id);

CREATE TABLE idempotency_keys (
  scope      text NOT NULL,
  key        text NOT NULL,
  response   jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

-- A row per data set loaded once (e.g. 'demo'), so a restart never re-adds what users removed.
CREATE TABLE data_loads (
  name      text PRIMARY KEY,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
