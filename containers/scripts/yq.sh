#!/usr/bin/env bash
# YAML as JSON for the workflow tests: Debian's yq (a jq front end over PyYAML), installed when missing.
#   containers/scripts/yq.sh FILTER [FILE…]   e.g. yq.sh . .github/workflows/ship-gate.yml
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
command -v yq >/dev/null || apt_ensure yq
exec yq "$@"
