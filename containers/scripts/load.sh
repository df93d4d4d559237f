#!/usr/bin/env bash
# Runs a command while a steady CPU and I/O load of its own runs beside it, then stops the load.
#   containers/scripts/load.sh [-- ] command [args…]          e.g. load.sh -- dotnet test tests/ShipGate.Tests --filter Phase=4
# The load is Debian's stress-ng (installed when missing): SHIPGATE_LOAD_CPU workers (default 2) each busy
# SHIPGATE_LOAD_CPU_PCT % of the time (default 50), and SHIPGATE_LOAD_IO workers (default 1) writing, syncing and
# removing files in a temp directory. It runs in a process group of its own, bounded by SHIPGATE_LOAD_MAX_SECS
# (default 3600) and stopped when the command ends, whatever way it ends. Prints the load average before and
# after and stress-ng's own metrics; exits with the command's exit code.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=containers/scripts/lib.sh
source "$root/containers/scripts/lib.sh"

[[ "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

cpu=${SHIPGATE_LOAD_CPU:-2} pct=${SHIPGATE_LOAD_CPU_PCT:-50} io=${SHIPGATE_LOAD_IO:-1} bound=${SHIPGATE_LOAD_MAX_SECS:-3600}
for v in "$cpu" "$pct" "$io" "$bound"; do [[ "$v" =~ ^[0-9]+$ ]] || die "load: settings must be whole numbers (got '$v')"; done
((pct <= 100)) || die "load: SHIPGATE_LOAD_CPU_PCT is a percentage (got $pct)"
command -v stress-ng >/dev/null || apt_ensure stress-ng

scratch=$(mktemp -d -t shipgate-load.XXXXXX)
metrics="$scratch/metrics.txt"
load_pid=""
stop_load() {
  if [[ -n "$load_pid" ]] && kill -0 "$load_pid" 2>/dev/null; then
    kill -TERM -- "-$load_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$load_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$load_pid" 2>/dev/null || true
  fi
  wait "$load_pid" 2>/dev/null || true
  # stress-ng warns that its workers "finished prematurely" when stopped before their bound: that is the plan here.
  [[ -s "$metrics" ]] && grep -v 'finished prematurely' "$metrics" | sed 's/^/[load] /' >&2
  rm -rf "$scratch"
}
trap stop_load EXIT

log "load: before: load average $(cut -d' ' -f1-3 /proc/loadavg); starting stress-ng --cpu $cpu --cpu-load $pct --hdd $io (at most ${bound} s)"
# setsid: the load is a process group of its own, so stopping it reaches every worker and nothing else.
setsid stress-ng --cpu "$cpu" --cpu-load "$pct" --hdd "$io" --hdd-bytes 32M --temp-path "$scratch" \
  --timeout "${bound}s" --metrics-brief --log-file "$metrics" >/dev/null 2>&1 &
load_pid=$!
sleep 1 # let the workers reach their duty cycle before the command starts
kill -0 "$load_pid" 2>/dev/null || die "load: stress-ng did not start (see its log: $(cat "$metrics" 2>/dev/null))"

started=$EPOCHREALTIME
rc=0
"$@" || rc=$?
log "load: command exited $rc after $(since "$started") s; load average $(cut -d' ' -f1-3 /proc/loadavg); stopping the load"
exit "$rc"
