# Source me (don't run me): exports what Testcontainers needs to talk to the engine that answers now.
#   DOCKER_API_VERSION             the engine's own API version. Testcontainers 4.16 asks for 1.44 by default,
#                                  which an older engine (20.10 = 1.41) refuses; an engine always accepts its own.
#   TESTCONTAINERS_RYUK_DISABLED   true unless already set: Ryuk is an image that may not be pullable.
#   TESTCONTAINERS_HOST_OVERRIDE   127.0.0.1, only inside a container (/.dockerenv) whose own dockerd is the
#                                  engine: Testcontainers would otherwise address published ports through the
#                                  bridge gateway. Kept if already set.
# No `set -euo pipefail`: this file runs in the caller's shell and must not change its options; every command
# here is safe under `set -eu`.
# shellcheck shell=bash

shipgate_api=$(env -u DOCKER_API_VERSION docker version --format '{{.Server.APIVersion}}' 2>/dev/null || true)
if [[ -n "$shipgate_api" ]]; then
  export DOCKER_API_VERSION="$shipgate_api"
else
  echo "docker-env.sh: no Docker engine answers; run containers/scripts/engine-up.sh" >&2
fi
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"

# The engine is "ours" when its daemon runs here: same host name, or a dockerd process in this namespace.
if [[ -z "${TESTCONTAINERS_HOST_OVERRIDE:-}" && -e /.dockerenv && -n "$shipgate_api" ]]; then
  if [[ "$(docker info --format '{{.Name}}' 2>/dev/null || true)" == "$(hostname 2>/dev/null || cat /etc/hostname)" ]] \
    || pgrep -x dockerd >/dev/null 2>&1; then
    export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  fi
fi
unset shipgate_api
