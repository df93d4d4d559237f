#!/usr/bin/env bash
# Benchmarks `ai-memory mcp`'s time to answer initialize: from the exec to the first response line, N runs each on a
# fresh database and an empty HOME, per release mode of the reference node (AI_MEMORY_REFERENCE_VERSION 0.6.0 and
# 0.7.0) and per tier: `--tier keyword` (what the gate runs) and no --tier (the release default, semantic, which
# first tries to load a model). A benchmark, not a test: it prints numbers and asserts nothing.
#   bash containers/scripts/mcp-init-bench.sh [executable] [runs]
# Defaults: artifacts/ai-memory-reference/ai-memory, 10 runs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin=$(realpath "${1:-$root/artifacts/ai-memory-reference/ai-memory}")
runs=${2:-10}
[[ -x "$bin" ]] || { echo "not an executable: $bin" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}'

# One run: sets ms (exec to the initialize answer; 120 s at most) for release $1 and the mcp arguments after it.
one() {
  local version=$1 t0 line
  shift
  mkdir -p "$work/home" && rm -rf "${work:?}/home/"* "$work"/*.db
  t0=$EPOCHREALTIME
  coproc MCP { HOME="$work/home" AI_MEMORY_DB="$work/bench.db" AI_MEMORY_REFERENCE_VERSION="$version" "$bin" mcp "$@" 2>"$work/stderr"; }
  printf '%s\n' "$init" >&"${MCP[1]}"
  IFS= read -r -t 120 line <&"${MCP[0]}" || line=""
  ms=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
  [[ "$line" == *'"id":1'* ]] || ms="no-answer($(tr '\n' ' ' < "$work/stderr" | cut -c1-160))"
  eval "exec ${MCP[1]}>&-"
  wait "$MCP_PID" 2>/dev/null || true
}

# Median, min and max of the numbers given as arguments.
stats() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
    END { n = NR; med = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
          printf "median %.1f ms, min %.1f ms, max %.1f ms", med, v[1], v[n] }'
}

echo "executable: $bin; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for version in 0.6.0 0.7.0; do
  for tier in keyword default; do
    times=()
    for ((i = 1; i <= runs; i++)); do
      if [[ $tier == keyword ]]; then one "$version" --tier keyword; else one "$version"; fi
      times+=("$ms")
    done
    if printf '%s\n' "${times[@]}" | grep -q no-answer; then
      echo "v$version mcp ($tier tier): ${times[*]}"
    else
      echo "v$version mcp ($tier tier) over $runs runs: $(stats "${times[@]}"); all: ${times[*]}"
    fi
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
