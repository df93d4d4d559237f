#!/usr/bin/env bash
# Removes ShipGate's labelled containers, networks and volumes.
#   sweep.sh           every one labelled shipgate.run (any value): the escape hatch for runs killed hard
#   sweep.sh --stale   only those whose owning test process on this host is gone (an interrupted run); what
#                      ./shipgate runs after dotnet test returns, so Ctrl-C leaves nothing behind. Resources of
#                      live runs and of other hosts (remote engines) are kept, as the gate's own sweep does.
set -euo pipefail

stale=false
[[ ${1:-} == --stale ]] && stale=true
host=$(uname -n)

# Reads "ID HOST PID" lines; prints the ids to remove.
pick() {
  local id owner_host pid
  while read -r id owner_host pid; do
    [[ -n $id ]] || continue
    if ! $stale; then echo "$id"; continue; fi
    [[ $owner_host == "$host" ]] || continue              # another host's run: never judged dead from here
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && continue   # owner still running
    echo "$id"
  done
}

format='{{.ID}} {{.Label "shipgate.host"}} {{.Label "shipgate.pid"}}'
mapfile -t containers < <(docker ps -a --filter label=shipgate.run --format "$format" | pick)
mapfile -t networks < <(docker network ls --filter label=shipgate.run --format "$format" | pick)
if $stale; then volumes=(); else mapfile -t volumes < <(docker volume ls -q --filter label=shipgate.run); fi

# Containers first: a network or volume in use cannot be removed. -v also drops their anonymous volumes.
if [[ ${#containers[@]} -gt 0 ]]; then docker rm -f -v "${containers[@]}" >/dev/null; fi
if [[ ${#networks[@]} -gt 0 ]]; then docker network rm "${networks[@]}" >/dev/null; fi
if [[ ${#volumes[@]} -gt 0 ]]; then docker volume rm -f "${volumes[@]}" >/dev/null; fi
what=""
if $stale; then what="of finished runs "; fi
echo "[sweep] removed ${#containers[@]} containers, ${#networks[@]} networks, ${#volumes[@]} volumes ${what}labelled shipgate.run"
