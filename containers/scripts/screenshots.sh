#!/usr/bin/env bash
# Screenshots of the results pages for the docs, taken with headless Chromium (chromium.sh):
#   screenshots.sh [RUNS_DIR]   RUNS_DIR/index.html, its newest campaign page, and a compare of its two newest campaigns
# Without RUNS_DIR, a demo runs folder is made from the recorded gate run (tests/ShipGate.Results.Tests/TestData):
# converted as three campaigns of three refs, the newest with one fact (Phase 2, node-c holds ≥ 95 %) turned red
# in a copy of the TRX, so the pages show a failure, a flip and a regression. Images land in docs/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cli=(dotnet run --project tools/ShipGate.Results.Cli -v quiet --)
runs=${1:-}
if [[ -z "$runs" ]]; then
  runs=$(mktemp -d)/runs
  trap 'rm -rf "$(dirname "$runs")"' EXIT
  trx=tests/ShipGate.Results.Tests/TestData/gate-all-phases.trx.xml
  red="$(dirname "$runs")/red.trx"
  # The fact's result: outcome Failed, and its evidence line a fail with the message the gate writes for it.
  perl -0pe 's{(<UnitTestResult[^>]*testName="Phase 2 · node-c · holds ≥ 95% of acknowledged writes"[^>]*outcome=")Passed(".*?</UnitTestResult>)}{
    my ($head, $rest) = ($1, $2);
    my $message = "node-c holds 183/200 acknowledged (&lt; 95%); missing 17";
    $rest =~ s{"verdict":"pass","measured":"200/200"(.*?)"message":"[^"]*"}{"verdict":"fail","measured":"183/200"$1"message":"$message"};
    "${head}Failed$rest" }se' "$trx" > "$red"
  "${cli[@]}" --trx "$trx" --out "$runs/20261120T0900Z" --campaign 20261120T0900Z --ref v0.6.0 || true
  "${cli[@]}" --trx "$trx" --out "$runs/20261127T0900Z" --campaign 20261127T0900Z --ref v0.6.2 || true
  "${cli[@]}" --trx "$red" --out "$runs/20261204T0900Z" --campaign 20261204T0900Z --ref v0.6.3-rc1 || true
fi

mapfile -t newest < <(find "$runs" -mindepth 2 -maxdepth 2 -name campaign-summary.json -printf '%T@ %h\n' | sort -rn | head -2 | cut -d' ' -f2-)
[[ ${#newest[@]} -gt 0 ]] || { echo "no campaign in $runs" >&2; exit 2; }
mkdir -p docs
shot() { bash containers/scripts/chromium.sh screenshot "file://$(realpath "$1")" "docs/$2" "$3"; echo "docs/$2" >&2; }
"${cli[@]}" index "$runs" >&2
shot "$runs/index.html" runs-index.png 1900,900
shot "${newest[0]}/index.html" campaign-page.png 1100,1500
if [[ ${#newest[@]} -eq 2 ]]; then
  "${cli[@]}" compare "${newest[1]}" "${newest[0]}" --out "$runs/compare.html" >&2 || true
  shot "$runs/compare.html" compare-page.png 1100,700
fi
