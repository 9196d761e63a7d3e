-- Named random secrets the service generates once and every process shares (the payload codec's
-- default key, the owner search attribute's hash key): kept here so a restart, or a second
-- replica started beside the first, reads the same bytes. Only the development defaults live here;
-- production supplies its keys by configuration.
CREATE TABLE service_secrets (
  name       text PRIMARY KEY,
  value      bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
