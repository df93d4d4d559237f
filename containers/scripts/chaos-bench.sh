#!/usr/bin/env bash
# Benchmarks Phase 4 of given commits: `./shipgate gate --filter Phase=4` (default profile) N times per commit, the
# commits taking turns (A B A B …) so that each sees the same machine, each in a temporary worktree built once.
# Prints, per commit and fault class, the median of each step and sub-step of a cycle (phase4-cycles.jsonl) and
# of the phase's time, with the load average beside each run. A benchmark, not a test: it prints numbers and
# asserts nothing (a red run is reported, and its cycles still counted).
#   bash containers/scripts/chaos-bench.sh [-n RUNS] COMMIT… [NAME=VALUE…]
# NAME=VALUE: gate settings passed to every run. The node: SHIPGATE_NODE_EXECUTABLE or SHIPGATE_NODE_IMAGE when
# set, else this clone's artifacts/ai-memory-reference/ai-memory (./shipgate publish-reference). Results stay in
# artifacts/chaos-bench/<stamp>/ (one folder per run: its runs/ campaign and gate log).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3
commits=()
settings=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    *=*) settings+=("$1"); shift ;;
    *) commits+=("$(git -C "$root" rev-parse --short=12 "$1^{commit}")"); shift ;;
  esac
done
[[ ${#commits[@]} -gt 0 ]] || { echo "usage: chaos-bench.sh [-n RUNS] COMMIT… [NAME=VALUE…]" >&2; exit 2; }
if [[ -z "${SHIPGATE_NODE_IMAGE:-}" && -z "${SHIPGATE_NODE_EXECUTABLE:-}" ]]; then
  export SHIPGATE_NODE_EXECUTABLE="$root/artifacts/ai-memory-reference/ai-memory"
  [[ -x "$SHIPGATE_NODE_EXECUTABLE" ]] || { echo "no node: run ./shipgate publish-reference or set SHIPGATE_NODE_EXECUTABLE" >&2; exit 2; }
fi

out="$root/artifacts/chaos-bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
trees=()
cleanup() { for t in "${trees[@]}"; do git -C "$root" worktree remove --force "$t" >/dev/null 2>&1 || true; done; }
trap cleanup EXIT

for c in "${commits[@]}"; do
  tree="$out/tree-$c"
  git -C "$root" worktree add --detach "$tree" "$c" >/dev/null 2>&1
  trees+=("$tree")
  echo "[chaos-bench] building $c (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  (cd "$tree" && dotnet build ShipGate.TestProjects.slnf -m:1 --nologo -v quiet > "$out/build-$c.log" 2>&1) \
    || { echo "[chaos-bench] $c does not build: $out/build-$c.log" >&2; exit 1; }
done

for ((i = 1; i <= runs; i++)); do
  for c in "${commits[@]}"; do
    id="chaos-bench-$c-$i-$(date -u +%H%M%S)"
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "[chaos-bench] run $i/$runs of $c (load $load)" >&2
    rc=0
    (cd "$out/tree-$c" && SHIPGATE_CAMPAIGN_ID=$id ./shipgate gate --filter Phase=4 --no-build "${settings[@]}" > "$out/$id.log" 2>&1) || rc=$?
    echo "$c $i $id $rc $load $(cut -d' ' -f1 /proc/loadavg)" >> "$out/runs.txt"
    cp -r "$out/tree-$c/runs/$id" "$out/$id" 2>/dev/null || echo "[chaos-bench] $id left no runs folder (see $out/$id.log)" >&2
  done
done

python3 - "$out" <<'EOF'
import json, os, statistics, sys
out = sys.argv[1]
runs = [line.split() for line in open(os.path.join(out, "runs.txt"))]
med = lambda xs: f"{statistics.median(xs):8.1f}" if xs else "       -"
# Seconds to ms for the cycle's four steps; the sub-steps are recorded in ms (absent before they were recorded).
steps = [("start", 1000), ("writes", 1000), ("converge", 1000), ("reset", 1000), ("serves_ms", 1), ("ready_ms", 1), ("ready_writes", 1),
         ("ready_polls", 1), ("arm_ms", 1), ("disarm_ms", 1), ("stops_ms", 1), ("fault_ms", 1), ("longest_write_ms", 1)]
node = [("start", "ms", "launch"), ("start", "health_ms", "health"), ("start", "health_probes", "probes"), ("start", "key_check_ms", "key"),
        ("stop", "ms", "kill+wait")]
for commit in dict.fromkeys(r[0] for r in runs):
    mine = [r for r in runs if r[0] == commit]
    print(f"\n== {commit}: {len(mine)} runs; exit codes {' '.join(r[3] for r in mine)}; load at start/end {' '.join(r[4] + '/' + r[5] for r in mine)}")
    cycles, phase = {}, []
    for r in mine:
        folder = os.path.join(out, r[2])
        path = os.path.join(folder, "phase4-cycles.jsonl")
        if not os.path.exists(path): continue
        for line in open(path):
            c = json.loads(line)
            cycles.setdefault(c["fault"], []).append(c)
        summary = json.load(open(os.path.join(folder, "campaign-summary.json")))
        phase += [p["duration_ms"] / 1000 for p in summary.get("phase_results", []) if p.get("phase") == 4]
    print(f"phase 4 seconds: median {med(phase).strip()} of {' '.join(f'{p:.1f}' for p in phase)}")
    print(f"{'medians, ms':<28}" + "".join(f"{name[:12]:>13}" for name in ["wall"] + [s for s, _ in steps] + [f"{s}.{l}" for s, _, l in node]))
    for fault, cs in cycles.items():
        row = [med([c["wall_seconds"] * 1000 for c in cs])]
        for key, scale in steps:
            row.append(med([c["timings"][key] * scale for c in cs if (c.get("timings") or {}).get(key) is not None]))
        for step, key, _ in node:
            row.append(med([w[key] for c in cs for w in c.get("serve_waits", []) if w["step"] == step and w.get(key) is not None]))
        print(f"{fault[:22]:<22} n={len(cs):<4}" + "".join(f"{v:>13}" for v in row))
print(f"\n(results in {out})")
EOF
