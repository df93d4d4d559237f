#!/usr/bin/env bash
# Makes sure a Docker engine answers. Uses the one DOCKER_HOST / the current docker context points at;
# when none answers and the default (local) socket is meant, installs Debian's docker.io if needed and
# starts dockerd in the background. Idempotent. Prints the engine's version and API version.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

dockerd_log=/var/log/shipgate-dockerd.log

answers() { timeout 10 docker info >/dev/null 2>&1; }

report() {
  local v
  # The v28 client negotiates down to an older engine's API; if this failed, DOCKER_API_VERSION would be needed.
  v=$(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}}, min {{.Server.MinAPIVersion}})') \
    || die "the docker client cannot talk to the engine; try DOCKER_API_VERSION=<engine API version>"
  log "engine $v"
}

# Waits until the engine answers, or fails when dockerd died or $1 seconds passed.
wait_for_engine() {
  local deadline=$((SECONDS + $1))
  until answers; do
    pgrep -x dockerd >/dev/null || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

start_dockerd() {
  log "starting dockerd --storage-driver=$1 (log: $dockerd_log)"
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  # setsid + nohup: the engine must outlive this shell and the CI step that started it. Every inherited
  # descriptor is closed first, so no caller's pipe stays open (and no CI log waits) for the engine's lifetime.
  (
    for fd in /proc/"$BASHPID"/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-"; fi
    done
    exec "${sudo[@]}" setsid nohup dockerd --storage-driver="$1"
  ) >>"$dockerd_log" 2>&1 </dev/null &
}

if answers; then report; exit 0; fi

command -v docker >/dev/null || apt_ensure docker.io
if [[ -n "${DOCKER_HOST:-}" && "${DOCKER_HOST}" != unix:///var/run/docker.sock ]]; then
  die "DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine in its place"
fi

command -v dockerd >/dev/null || apt_ensure docker.io
if pgrep -x dockerd >/dev/null; then
  log "dockerd is running but not answering yet; waiting"
elif [[ -d /run/systemd/system ]]; then
  as_root systemctl start docker
else
  start_dockerd overlay2
fi

if ! wait_for_engine 60; then
  # overlay2 cannot work on some roots (e.g. overlayfs on older kernels); vfs always works, only slower.
  if ! pgrep -x dockerd >/dev/null && grep -q 'overlay' <(tail -n 20 "$dockerd_log" 2>/dev/null); then
    start_dockerd vfs
    wait_for_engine 60 || die "dockerd did not answer within 60 s; see $dockerd_log"
  else
    tail -n 20 "$dockerd_log" >&2 2>/dev/null || true
    die "the engine did not answer within 60 s; see $dockerd_log"
  fi
fi
report
