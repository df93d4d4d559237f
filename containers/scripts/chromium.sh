#!/usr/bin/env bash
# Headless Chromium for the results pages: a Chromium or Chrome already on the PATH, else Debian's chromium,
# installed (root needed then).
#   chromium.sh dump-dom URL                     print the DOM after load (inline scripts run)
#   chromium.sh screenshot URL OUT.png [W,H]     save a screenshot (default 1400,1800)
# Each call gets a fresh profile, removed afterwards; no network beside the page's own file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=containers/scripts/lib.sh
source "$here/lib.sh"

case "${1:-}" in
  dump-dom) args=(--dump-dom "$2") ;;
  screenshot) args=("--window-size=${4:-1400,1800}" "--screenshot=$3" "$2") ;;
  *) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

browser=""
for candidate in chromium google-chrome google-chrome-stable chromium-browser; do
  if command -v "$candidate" >/dev/null; then browser=$candidate; break; fi
done
if [[ -z "$browser" ]]; then
  apt_ensure chromium fonts-dejavu-core
  browser=chromium
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# As root Chromium needs --no-sandbox; the rest keeps a headless run from phoning home or showing first-run UI.
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars "--user-data-dir=$profile")

# Chromium logs harmless D-Bus complaints on every run: its stderr is shown only when it fails.
"$browser" "${flags[@]}" "${args[@]}" 2>"$profile/stderr" || { tail -20 "$profile/stderr" >&2; exit 1; }
