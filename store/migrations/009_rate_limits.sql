-- Rate-limit counters shared by every API replica: one row per budget and caller, holding the calls of
-- the current window and of the one before it (a sliding-window estimate needs both). The caller is a
-- keyed hash of the token's subject or of the client address, never the NISS or the address itself.
-- Unlogged: a counter lost in a crash only gives callers a fresh minute, and no WAL is written per call.
-- Rows of callers quiet for two windows are deleted by the API (store/rate-limits.ts), so the table
-- holds only the callers of the last two minutes.
CREATE UNLOGGED TABLE rate_limits (
  bucket       text    NOT NULL,
  caller       text    NOT NULL,
  window_start bigint  NOT NULL,
  count        integer NOT NULL,
  previous     integer NOT NULL,
  PRIMARY KEY (bucket, caller)
);
