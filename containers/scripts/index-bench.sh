#!/usr/bin/env bash
# Benchmarks the runs index: N generated campaigns (default 100), each the recorded gate run's full summary under
# its own id, date and one of four refs, every fifth one failing; then `shipgate-results index` three times
# (it prints its own time; the process wall and CPU time beside it), and the page's size. A benchmark to read, never a timed test.
#   index-bench.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
n=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build tools/ShipGate.Results.Cli -v quiet --nologo >/dev/null
cli=(dotnet tools/ShipGate.Results.Cli/bin/Debug/net10.0/shipgate-results.dll)
# The recorded run is a rehearsal (ci profile), so its campaign is judged failed (exit 1): still a full summary.
"${cli[@]}" --trx tests/ShipGate.Results.Tests/TestData/gate-all-phases.trx.xml --out "$work/template" --campaign template --ref v0.6.0 \
  >/dev/null 2>&1 || [[ $? -eq 1 ]]
refs=(v0.6.0 v0.6.1 v0.6.2 v0.6.3-rc1)
mkdir -p "$work/runs"
for ((i = 1; i <= n; i++)); do
  id=$(printf 'bench-%03d' "$i")
  mkdir -p "$work/runs/$id"
  pass=true; ((i % 5 == 0)) && pass=false
  sed -e "s/\"campaign_id\": \"template\"/\"campaign_id\": \"$id\"/" \
      -e "s/\"ai_memory_git_ref\": \"v0.6.0\"/\"ai_memory_git_ref\": \"${refs[i % 4]}\"/" \
      -e "s/\"completed_at\": \"[^\"]*\"/\"completed_at\": \"2026-$(printf '%02d-%02d' $((1 + i / 28)) $((1 + i % 28)))T10:00:00Z\"/" \
      -e "0,/\"overall_pass\": true/s//\"overall_pass\": $pass/" \
      "$work/template/campaign-summary.json" > "$work/runs/$id/campaign-summary.json"
done
echo "$n summaries of $(stat -c %s "$work/template/campaign-summary.json") bytes each" >&2
# Wall time depends on what else the machine runs; the process CPU time beside it does much less.
for _ in 1 2 3; do /usr/bin/time -f "  process: %e s wall, %U s user CPU" "${cli[@]}" index "$work/runs"; done
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)" >&2
echo "index.html: $(stat -c %s "$work/runs/index.html") bytes" >&2
