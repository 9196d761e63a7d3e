#!/bin/bash
# The schema job (temporalio/admin-tools): creates Temporal's two databases and brings their schema to the
# version this release ships (/etc/temporal/schema in the image, the server module's schema/postgresql/v12).
# Safe to run again: `create` accepts an existing database, `setup-schema -v 0.0` leaves a newer version
# alone, `update-schema` applies only what is missing. Any failure exits non-zero, and the Temporal
# services (depends_on ... service_completed_successfully) do not start.
set -euo pipefail

: "${POSTGRES_SEEDS:?POSTGRES_SEEDS is required}"
: "${POSTGRES_USER:?POSTGRES_USER is required}"
: "${SQL_PASSWORD:?SQL_PASSWORD is required}"   # read by temporal-sql-tool itself
DB_PORT="${DB_PORT:-5432}"
DBNAME="${DBNAME:-temporal}"
VISIBILITY_DBNAME="${VISIBILITY_DBNAME:-temporal_visibility}"
SCHEMA_ROOT="${TEMPORAL_HOME:-/etc/temporal}/schema/postgresql/v12"

sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

setup() {
  local database=$1 versioned=$2
  if [[ ! -d "$versioned" ]]; then
    echo "schema job: $versioned is not in this image; is the admin-tools tag the server's release?" >&2
    exit 1
  fi
  echo "schema job: database $database (schema from $versioned)"
  sql_tool --db "$database" create
  sql_tool --db "$database" setup-schema -v 0.0
  sql_tool --db "$database" update-schema -d "$versioned"
}

setup "$DBNAME" "$SCHEMA_ROOT/temporal/versioned"
setup "$VISIBILITY_DBNAME" "$SCHEMA_ROOT/visibility/versioned"
echo "schema job: done"
