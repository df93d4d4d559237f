#!/usr/bin/env bash
# Benchmarks one ai-memory executable: process start to a 200 from /api/v1/health (N starts, each on a fresh
# database), and the idle RSS of a started node. A benchmark, not a test: it prints numbers and asserts nothing.
#   bash containers/scripts/node-startup-bench.sh [executable] [starts]
# Defaults: artifacts/ai-memory-reference/ai-memory, 20 starts. Listens on 127.0.0.1 only.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin=$(realpath "${1:-$root/artifacts/ai-memory-reference/ai-memory}")
starts=${2:-20}
[[ -x "$bin" ]] || { echo "not an executable: $bin" >&2; exit 2; }
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
# A FIFO nobody writes to: `read -t` on it is a sleep without a fork, so polling neither spins nor forks.
mkfifo "$work/idle" && exec 4<>"$work/idle"
# Nodes run in a small scratch folder, as in their image (WORKDIR /data): what a node does with its working
# directory at start then costs what it costs there.
cd "$work"
nap() { read -r -t 0.002 -u 4 _ || true; }

# A random high loopback port that nothing answers on.
free_port() {
  local port
  while port=$((20000 + RANDOM % 40000)); { exec 5<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; do exec 5<&-; done
  echo "$port"
}

# One health probe through bash's /dev/tcp (no fork, so the poll itself costs well under a millisecond).
healthy() {
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  IFS= read -r -t 2 status <&3 || status=""
  exec 3<&-
  [[ "$status" == "HTTP/1.1 200"* ]]
}

# Starts the node on a fresh database and waits (30 s at most: a loaded machine) for health; sets pid and ms (exec to 200).
start_node() {
  local port db t0
  port=$(free_port)
  db="$work/$RANDOM$RANDOM.db"
  t0=$EPOCHREALTIME
  AI_MEMORY_DB="$db" "$bin" serve --host 127.0.0.1 --port "$port" >/dev/null 2>"$work/stderr" &
  pid=$!
  until healthy "$port"; do
    nap
    kill -0 "$pid" 2>/dev/null || { echo "node exited before healthy: $(cat "$work/stderr")" >&2; exit 1; }
    awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { exit !(b - a > 30) }' && { echo "not healthy in 30 s" >&2; exit 1; }
  done
  ms=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
  cpu_ms=$(cpu_ms "$pid")
}

# CPU the process has used so far (user + system, ms): unlike wall time, barely moved by other load on the machine.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) * 1000 / hz }' "/proc/$1/stat"; }

stop_node() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

echo "executable: $bin ($(du -h "$bin" | cut -f1))"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
times=() cpus=()
for ((i = 1; i <= starts; i++)); do
  start_node
  times+=("$ms") cpus+=("$cpu_ms")
  stop_node
done
# Median, min and max of the numbers given as arguments.
stats() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
    END { n = NR; med = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
          printf "median %.1f ms, min %.1f ms, max %.1f ms", med, v[1], v[n] }'
}
echo "start to healthy over $starts starts: $(stats "${times[@]}")"
echo "CPU used by then (user+sys): $(stats "${cpus[@]}")"
echo "all (ms, in order): ${times[*]}"

# Idle RSS: right after health answers, and again once the node has sat idle for 2 s (a settle, not a wait for state).
start_node
echo "idle RSS: $(( $(rss_kib "$pid") / 1024 )) MiB right after health, \
$(sleep 2; echo $(( $(rss_kib "$pid") / 1024 ))) MiB after 2 s idle"
stop_node
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
