#!/usr/bin/env bash
# Ensures a Postgres image Testcontainers.PostgreSql works with unchanged; prints its name on the last stdout line.
# SHIPGATE_POSTGRES_IMAGE (default pgvector/pgvector:pg16: ai-memory's migrate needs the `vector` extension) if
# present or pullable, else shipgate/pgvector:offline: shipgate/postgres:offline (built without network from the
# offline base and containers/images/postgres/) plus pgvector built from its vendored source (containers/scripts/
# pgvector.sh). SHIPGATE_POSTGRES_IMAGE=shipgate/postgres:offline names the offline image without pgvector.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

offline=shipgate/postgres:offline
offline_pgvector=shipgate/pgvector:offline
default=pgvector/pgvector:pg16
recipe="$here/../images/postgres"

build_offline() {
  local base stamp previous started=$EPOCHREALTIME
  base=$(bash "$here/base-image.sh" --offline | tail -n 1)
  # The recipe files and the base image's id: a changed entrypoint or a rebuilt base means a rebuild.
  stamp=$( { cat "$recipe"/*; docker image inspect -f '{{.Id}}' "$base"; } | sha256sum | cut -c1-16)
  if [[ $(docker image inspect -f '{{index .Config.Labels "shipgate.recipe"}}' "$offline" 2>/dev/null) == "$stamp" ]]; then
    return 0
  fi
  log "building $offline from $base"
  previous=$(docker image inspect -f '{{.Id}}' "$offline" 2>/dev/null || true)
  docker_build -q --build-arg BASE_IMAGE="$base" --label shipgate.recipe="$stamp" \
    -t "$offline" "$recipe" >/dev/null
  # The superseded build is left untagged; drop it unless a container still uses it.
  if [[ -n "$previous" ]]; then docker rmi "$previous" >/dev/null 2>&1 || true; fi
  log "built $offline in $(since "$started") s"
}

name=${SHIPGATE_POSTGRES_IMAGE:-$default}
if [[ "$name" == "$offline" ]]; then build_offline; echo "$offline"; exit 0; fi
if [[ "$name" == "$offline_pgvector" ]]; then bash "$here/pgvector.sh" image | tail -n 1; exit 0; fi
if have_image "$name"; then echo "$name"; exit 0; fi
if [[ -z "${SHIPGATE_POSTGRES_IMAGE:-}" ]] && have_image "$offline_pgvector"; then
  bash "$here/pgvector.sh" image | tail -n 1; exit 0
fi
if try_pull "$name"; then echo "$name"; exit 0; fi
[[ -z "${SHIPGATE_POSTGRES_IMAGE:-}" ]] || die "SHIPGATE_POSTGRES_IMAGE=$name is neither present nor pullable"
log "$name cannot be pulled; building the offline equivalent $offline_pgvector"
bash "$here/pgvector.sh" image | tail -n 1
