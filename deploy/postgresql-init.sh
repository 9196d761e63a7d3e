#!/bin/bash
# Runs once, when the PostgreSQL data volume is empty (the postgres image's /docker-entrypoint-initdb.d),
# as the superuser POSTGRES_USER. It creates the two roles that everything else uses; neither is a superuser:
#   temporal     LOGIN CREATEDB: the schema job creates the databases temporal and temporal_visibility with
#                it (so it owns them and their schema); the Temporal services connect with it.
#   breakatwork  LOGIN, nothing more: it owns the database breakatwork, where the service migrates its own
#                tables at start-up (the owner of a database owns its public schema on PostgreSQL 15+).
# The superuser's password stays with the database administrator; no application process holds it.
# The image executes this file when it is executable and sources it otherwise: the subshell keeps these
# shell options out of the image's own entrypoint either way, and a failure still stops the initialisation.
(
set -euo pipefail

: "${TEMPORAL_DB_PASSWORD:?TEMPORAL_DB_PASSWORD is required}"
: "${APP_DB_PASSWORD:?APP_DB_PASSWORD is required}"

# psql quotes the values of :'name' as literals: any character in a password is safe.
psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE temporal WITH LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'temporal_password';
CREATE ROLE breakatwork WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE breakatwork OWNER breakatwork;
REVOKE ALL ON DATABASE breakatwork FROM PUBLIC;
SQL
)
