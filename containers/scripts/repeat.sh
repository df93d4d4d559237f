#!/usr/bin/env bash
# Runs the gate N times and names the flaky facts: those red in some runs but not all.
#   containers/scripts/repeat.sh N [profile] [dotnet test args…]     e.g. repeat.sh 5 ci --filter Phase=2
# profile: profiles/<profile>.json (default: default), passed as the command-line setting profile=<profile>. The system under test is what ./shipgate gate
# would use: SHIPGATE_NODE_IMAGE / SHIPGATE_NODE_EXECUTABLE, else the published reference node.
# Expects the engine up (containers/scripts/platform-up.sh); builds once, then runs with --no-build.
# Writes artifacts/repeat/<UTC timestamp>/run-K.trx (+ run-K.log, campaign results under runs/) and ends with
#   repeat: P/N runs passed
# then one line per flaky fact: failed-runs/runs, name, first failure message. Exit 0 only when every run passed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[[ $# -ge 1 && "$1" =~ ^[1-9][0-9]*$ ]] || usage
runs=$1; shift
profile=default
if [[ $# -gt 0 && "$1" != -* ]]; then profile=$1; shift; fi
settings="runsettings/default.runsettings"
[[ -f "profiles/$profile.json" ]] || { echo "repeat: no profile profiles/$profile.json" >&2; exit 2; }
export SHIPGATE_ARGS="profile=$profile"

# shellcheck source=containers/scripts/docker-env.sh
source containers/scripts/docker-env.sh
if [[ -z "${SHIPGATE_NODE_IMAGE:-}" && -z "${SHIPGATE_NODE_EXECUTABLE:-}" && ! -x artifacts/ai-memory-reference/ai-memory ]]; then
  echo "repeat: no reference node at artifacts/ai-memory-reference/ai-memory: run ./shipgate publish-reference" >&2
  exit 2
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/artifacts/repeat/$stamp"
mkdir -p "$out"
export SHIPGATE_RESULTS_DIR="${SHIPGATE_RESULTS_DIR:-$out/runs}"

dotnet build tests/ShipGate.Tests --nologo -v quiet >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }

# One TSV line per fact of a TRX: outcome, test name, first line of its failure message (entities decoded).
facts() {
  awk '
    function attr(line, name,   m) { return match(line, " " name "=\"[^\"]*\"") ? substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4) : "" }
    /<UnitTestResult / { if (name != "") print outcome "\t" name "\t" msg; name = attr($0, "testName"); outcome = attr($0, "outcome"); msg = "" }
    /<Message>/ && msg == "" { msg = $0; sub(/.*<Message>/, "", msg); sub(/<\/Message>.*/, "", msg) }
    END { if (name != "") print outcome "\t" name "\t" msg }
  ' "$1" | sed -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&#xD;//g; s/&amp;/\&/g'
}

passed=0
for ((k = 1; k <= runs; k++)); do
  trx="$out/run-$k.trx"
  started=$SECONDS
  code=0
  SHIPGATE_CAMPAIGN_ID="repeat-$stamp-run-$k" dotnet test tests/ShipGate.Tests --no-build --nologo --settings "$settings" \
    --logger "trx;LogFileName=$trx" "$@" >"$out/run-$k.log" 2>&1 || code=$?
  if [[ -s "$trx" ]]; then facts "$trx" >"$out/run-$k.tsv"; else : >"$out/run-$k.tsv"; fi
  p=$(awk -F'\t' '$1 == "Passed"' "$out/run-$k.tsv" | wc -l)
  f=$(awk -F'\t' '$1 != "Passed" && $1 != "NotExecuted"' "$out/run-$k.tsv" | wc -l)
  verdict=failed
  if [[ $code -eq 0 && $f -eq 0 && $p -gt 0 ]]; then verdict=passed; passed=$((passed + 1)); fi
  printf 'repeat: run %d/%d %s: %d passed, %d failed in %d s (exit %d) → %s\n' \
    "$k" "$runs" "$verdict" "$p" "$f" "$((SECONDS - started))" "$code" "$trx" >&2
done

printf 'repeat: %d/%d runs passed\n' "$passed" "$runs"
# Per fact over all runs: runs seen, runs red, first red message. Flaky = red in some runs but not in every one.
report=$(for ((k = 1; k <= runs; k++)); do cat "$out/run-$k.tsv"; done | awk -F'\t' '
  { seen[$2]++ }
  $1 != "Passed" && $1 != "NotExecuted" { red[$2]++; if (!($2 in first)) first[$2] = $3 }
  END { for (n in red) printf "%s\t%d/%d runs red · %s · first: %s\n", (red[n] < seen[n] ? "flaky" : "always"), red[n], seen[n], n, first[n] }
' | sort)
flaky=$(grep -c '^flaky' <<<"$report" || true)
always=$(grep -c '^always' <<<"$report" || true)
grep '^flaky' <<<"$report" | sed 's/^flaky\t/flaky: /' || true
printf 'repeat: %d flaky fact(s), %d red in every run\n' "$flaky" "$always"
[[ $passed -eq $runs ]]
