# Shared helpers for containers/scripts/*.sh. Sourced, never run.
# shellcheck shell=bash

log() { printf '[platform] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Elapsed seconds since $1 (an EPOCHREALTIME value), one decimal.
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "root needed for: $*"
  fi
}

# Installs Debian packages that are missing. `apt-get update` runs only when something must be installed
# (and the lists are older than an hour).
# Waits for another apt/dpkg holding the lock rather than failing.
apt_ensure() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  log "installing ${missing[*]}"
  # Lists refreshed within the hour (e.g. by the previous step of this run) are fresh enough.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null \
    || [[ -z "$(find /var/lib/apt/lists -maxdepth 0 -mmin -60 2>/dev/null)" ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq update >&2
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq install -y \
    --no-install-recommends "${missing[@]}" </dev/null >&2
}

# True when an image is present locally.
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# Tries to pull an image within a short time; a machine without a registry fails fast here. Once one pull of a
# platform-up has failed (SHIPGATE_PULL_FAILED names a file it leaves), the others are not tried: no registry
# answered, and asking again only waits for the bound.
try_pull() {
  local seconds=${SHIPGATE_PULL_TIMEOUT:-20}
  if [[ -n "${SHIPGATE_PULL_FAILED:-}" && -e "$SHIPGATE_PULL_FAILED" ]]; then
    log "not pulling $1: an earlier pull of this run found no registry ($(cat "$SHIPGATE_PULL_FAILED"))"
    return 1
  fi
  log "pulling $1 (at most ${seconds} s)"
  timeout "$seconds" docker pull -q "$1" >/dev/null 2>&1 && return 0
  [[ -z "${SHIPGATE_PULL_FAILED:-}" ]] || echo "$1" > "$SHIPGATE_PULL_FAILED"
  return 1
}

# docker build, with BuildKit when the buildx plugin exists, else with the legacy builder (Debian's docker.io
# has no buildx; the legacy builder needs no plugin and uses local base images as they are).
docker_build() {
  if docker buildx version >/dev/null 2>&1; then
    docker build "$@"
  else
    DOCKER_BUILDKIT=0 docker build "$@" 2> >(grep -v -e 'legacy builder is deprecated' -e 'BuildKit is currently disabled' \
      -e 'environment-variable\.$' -e '^[[:space:]]*$' >&2)
  fi
}
