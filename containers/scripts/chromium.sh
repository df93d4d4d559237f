#!/usr/bin/env bash
# Headless Chromium for the results pages: Debian's chromium, installed when missing (root needed then).
#   chromium.sh dump-dom URL                     print the DOM after load (inline scripts run)
#   chromium.sh screenshot URL OUT.png [W,H]     save a screenshot (default 1400,1800)
# Each call gets a fresh profile, removed afterwards; no network beside the page's own file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=containers/scripts/lib.sh
source "$here/lib.sh"

apt_ensure chromium fonts-dejavu-core
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# As root Chromium needs --no-sandbox; the rest keeps a headless run from phoning home or showing first-run UI.
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars "--user-data-dir=$profile")

case "${1:-}" in
  dump-dom) chromium "${flags[@]}" --dump-dom "$2" 2>/dev/null ;;
  screenshot) chromium "${flags[@]}" "--window-size=${4:-1400,1800}" "--screenshot=$3" "$2" 2>/dev/null ;;
  *) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
