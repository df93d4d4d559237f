#!/usr/bin/env bash
# pgvector from source, for machines without a container registry (ai-memory's migrate runs
# `CREATE EXTENSION IF NOT EXISTS vector`, so its Postgres needs it).
#   pgvector.sh image   shipgate/pgvector:offline: shipgate/postgres:offline plus pgvector, built once per recipe,
#                       tarball and base; prints its name on the last stdout line
#   pgvector.sh host    the host's PostgreSQL 15 copied under /var/cache/shipgate/pgvector-host with pgvector installed
#                       into the copy (the system's own stays without it), for the reference node's contract tests;
#                       prints the copy's bin folder on the last stdout line
# The source is containers/images/pgvector/vendor/pgvector-0.8.1.tar.gz, checked against its sha256 before any build;
# SHIPGATE_PGVECTOR_TARBALL names another archive (SHIPGATE_PGVECTOR_SHA256, when set, is checked against it).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

recipe="$here/../images/pgvector"
image=shipgate/pgvector:offline
plain=shipgate/postgres:offline
vendored="$recipe/vendor/pgvector-0.8.1.tar.gz"
vendored_sha256=5254da7ab5ec6192ac5bc37569294f504ad82ae7a111513ab8a8da8479963bee
host_root=/var/cache/shipgate/pgvector-host

# The archive to build from, checked; sets tarball and tarball_sha256.
checked_tarball() {
  tarball=${SHIPGATE_PGVECTOR_TARBALL:-$vendored}
  [[ -f "$tarball" ]] || die "pgvector source archive $tarball does not exist"
  local expected=${SHIPGATE_PGVECTOR_SHA256:-}
  [[ -n "$expected" || -n "${SHIPGATE_PGVECTOR_TARBALL:-}" ]] || expected=$vendored_sha256
  tarball_sha256=$(sha256sum "$tarball" | cut -d' ' -f1)
  if [[ -n "$expected" && "$tarball_sha256" != "$expected" ]]; then
    die "$tarball has sha256 $tarball_sha256, expected $expected"
  fi
  [[ -n "$expected" ]] || log "SHIPGATE_PGVECTOR_TARBALL=$tarball: sha256 $tarball_sha256 (no SHIPGATE_PGVECTOR_SHA256 to check it against)"
}

build_image() {
  local base postgres stamp previous context started=$EPOCHREALTIME
  checked_tarball
  base=$(bash "$here/base-image.sh" --offline | tail -n 1)
  # The plain offline Postgres is used as it is when present (other runs on this engine may be using it); it is
  # built only when missing.
  if ! have_image "$plain"; then SHIPGATE_POSTGRES_IMAGE=$plain bash "$here/postgres-image.sh" >/dev/null; fi
  postgres=$plain
  stamp=$( { cat "$recipe/Dockerfile"; echo "$tarball_sha256"; docker image inspect -f '{{.Id}}' "$base" "$postgres"; } \
    | sha256sum | cut -c1-16)
  if [[ $(docker image inspect -f '{{index .Config.Labels "shipgate.recipe"}}' "$image" 2>/dev/null) == "$stamp" ]]; then
    return 0
  fi
  log "building $image from $postgres and $(basename "$tarball") (build stage on $base)"
  previous=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  context=$(mktemp -d)
  cp "$recipe/Dockerfile" "$context/Dockerfile"
  cp "$tarball" "$context/pgvector.tar.gz"
  docker_build -q --build-arg BASE_IMAGE="$base" --build-arg POSTGRES_IMAGE="$postgres" \
    --label shipgate.recipe="$stamp" -t "$image" "$context" >/dev/null || { rm -rf "$context"; die "building $image failed"; }
  rm -rf "$context"
  docker image prune -f --filter label=shipgate.image=pgvector-build >/dev/null 2>&1 || true
  # The superseded build is left untagged; drop it unless a container still uses it.
  if [[ -n "$previous" ]]; then docker rmi "$previous" >/dev/null 2>&1 || true; fi
  log "built $image in $(since "$started") s"
}

# A copy of /usr/lib/postgresql/15 and /usr/share/postgresql/15 under $host_root/<stamp>/usr: PostgreSQL finds its
# share and lib folders relative to its own executable when that is not where it was built for, so the copy's
# initdb and postgres use the copy's extension folder, which alone gets pgvector.
build_host() {
  local server stamp dest src started=$EPOCHREALTIME
  checked_tarball
  apt_ensure postgresql postgresql-server-dev-15 build-essential
  server=$(/usr/lib/postgresql/15/bin/postgres --version)
  stamp=$(printf '%s\n%s\n' "$server" "$tarball_sha256" | sha256sum | cut -c1-16)
  dest="$host_root/$stamp"
  if [[ -x "$dest/usr/lib/postgresql/15/bin/postgres" && -f "$dest/usr/share/postgresql/15/extension/vector.control" ]]; then
    echo "$dest/usr/lib/postgresql/15/bin"; return 0
  fi
  log "installing pgvector into a copy of the host's PostgreSQL ($server) at $dest"
  as_root rm -rf "$host_root"
  as_root mkdir -p "$dest/usr/lib/postgresql" "$dest/usr/share/postgresql"
  as_root cp -a /usr/lib/postgresql/15 "$dest/usr/lib/postgresql/"
  as_root cp -a /usr/share/postgresql/15 "$dest/usr/share/postgresql/"
  src=$(mktemp -d)
  tar xzf "$tarball" -C "$src" --strip-components=1
  make -s -C "$src" OPTFLAGS="" with_llvm=no PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >&2
  as_root make -s -C "$src" install OPTFLAGS="" with_llvm=no PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config DESTDIR="$dest" >&2
  rm -rf "$src"
  as_root chmod -R a+rX "$host_root"
  log "pgvector installed for the host's tests in $(since "$started") s"
  echo "$dest/usr/lib/postgresql/15/bin"
}

case "${1:-}" in
  image) build_image; echo "$image" ;;
  host) build_host ;;
  *) die "usage: pgvector.sh image|host" ;;
esac
