#!/bin/bash
# The namespace job (temporalio/admin-tools, `temporal` CLI), run once the frontend answers: registers
# TEMPORAL_NAMESPACE when missing and adds the search attributes the journeys set (workflows/messages.ts,
# `searchAttributes`). The service does the same at start-up when its identity may; this job does it as an
# operator, so the service's own identity needs no operator rights. Bounded waits; any failure exits
# non-zero and the api and worker services (depends_on ... service_completed_successfully) do not start.
set -euo pipefail

: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is required}"   # read by the temporal CLI itself
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
RETENTION_DAYS="${TEMPORAL_NAMESPACE_RETENTION_DAYS:-30}"
# name:type, as `temporal operator search-attribute create --type` takes it.
SEARCH_ATTRIBUTES=(JourneyMachine:Keyword JourneyOwner:Keyword JourneyAttention:Keyword)

retry() { # retry <attempts> <command...>: one try a second
  local attempts=$1 i
  shift
  for ((i = 1; i <= attempts; i++)); do
    if "$@"; then return 0; fi
    sleep 1
  done
  echo "namespace job: gave up after $attempts tries: $*" >&2
  return 1
}

retry 60 temporal operator cluster health

if temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; then
  echo "namespace job: namespace $NAMESPACE exists"
else
  echo "namespace job: registering namespace $NAMESPACE (retention ${RETENTION_DAYS} days)"
  # A concurrent registration makes create fail with "already exists": describe decides.
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$((RETENTION_DAYS * 24))h" \
    --description "Break@Work journeys" ||
    temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null
fi

# A namespace just registered is served once the server's namespace registry refreshes (up to ~10 s).
retry 60 temporal operator search-attribute list --namespace "$NAMESPACE" >/dev/null

create_attribute() { # create_attribute <name> <type>: 0 done, 1 try again, exits on a type conflict
  local output
  if output=$(temporal operator search-attribute create --namespace "$NAMESPACE" --name "$1" --type "$2" 2>&1); then
    return 0
  fi
  echo "$output" >&2
  # The CLI refuses a same-named attribute of another type; a type cannot be changed in place.
  if grep -q 'different type' <<<"$output"; then
    echo "namespace job: search attribute $1 exists in $NAMESPACE with another type than $2;" \
      "remove it (temporal operator search-attribute remove) if nothing uses it, or use another namespace" >&2
    exit 1
  fi
  return 1
}

for entry in "${SEARCH_ATTRIBUTES[@]}"; do
  name=${entry%%:*}
  type=${entry#*:}
  echo "namespace job: search attribute $name ($type)"
  # One that exists with this type is accepted (the CLI checks the type, the server keeps the alias).
  retry 30 create_attribute "$name" "$type"
done

listed() {
  local listing
  listing=$(temporal operator search-attribute list --namespace "$NAMESPACE")
  for entry in "${SEARCH_ATTRIBUTES[@]}"; do
    grep -qw -- "${entry%%:*}" <<<"$listing" || return 1
  done
}
retry 30 listed
echo "namespace job: namespace $NAMESPACE ready"
