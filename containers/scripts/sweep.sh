#!/usr/bin/env bash
# Escape hatch: removes every container, network and volume labelled shipgate.run (any value).
# The gate sweeps its own runs; this is for runs that were killed before they could.
set -euo pipefail

mapfile -t containers < <(docker ps -aq --filter label=shipgate.run)
mapfile -t networks < <(docker network ls -q --filter label=shipgate.run)
mapfile -t volumes < <(docker volume ls -q --filter label=shipgate.run)

# Containers first: a network or volume in use cannot be removed. -v also drops their anonymous volumes.
if [[ ${#containers[@]} -gt 0 ]]; then docker rm -f -v "${containers[@]}" >/dev/null; fi
if [[ ${#networks[@]} -gt 0 ]]; then docker network rm "${networks[@]}" >/dev/null; fi
if [[ ${#volumes[@]} -gt 0 ]]; then docker volume rm -f "${volumes[@]}" >/dev/null; fi
echo "[sweep] removed ${#containers[@]} containers, ${#networks[@]} networks, ${#volumes[@]} volumes labelled shipgate.run"
