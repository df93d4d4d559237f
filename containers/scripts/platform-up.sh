#!/usr/bin/env bash
# Brings up what the gate needs from the platform: a Docker engine, a Debian bookworm base image (the fault
# tools' base), a bookworm-slim base (what a published node image starts from) and a Postgres image (offline
# equivalents are built once when no registry answers). Idempotent; seconds when all is present.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

started=$EPOCHREALTIME
SHIPGATE_PULL_FAILED=$(mktemp -u /tmp/shipgate-pull-failed.XXXXXX)
export SHIPGATE_PULL_FAILED
trap 'rm -f "$SHIPGATE_PULL_FAILED"' EXIT
t=$EPOCHREALTIME
bash "$here/engine-up.sh"
log "engine ready in $(since "$t") s"

t=$EPOCHREALTIME
base=$(bash "$here/base-image.sh" | tail -n 1)
log "base image ready in $(since "$t") s"

t=$EPOCHREALTIME
slim=$(bash "$here/base-image.sh" --slim | tail -n 1)
log "slim base image ready in $(since "$t") s"

t=$EPOCHREALTIME
postgres=$(bash "$here/postgres-image.sh" | tail -n 1)
log "postgres image ready in $(since "$t") s"

log "base image:     $base"
log "slim base:      $slim"
log "postgres image: $postgres"
log "platform ready in $(since "$started") s"
