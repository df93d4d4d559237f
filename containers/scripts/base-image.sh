#!/usr/bin/env bash
# Ensures a Debian bookworm base image exists and prints its name on the last stdout line.
#   base-image.sh            SHIPGATE_BASE_IMAGE (default debian:bookworm-slim) if present or pullable,
#                            else the offline image shipgate/bookworm:offline (built once with debootstrap)
#   base-image.sh --offline  the offline image only (the Postgres and fault-tools images are built from it)
#   base-image.sh --slim     debian:bookworm-slim if present or pullable, else shipgate/bookworm-slim:offline:
#                            minbase + ca-certificates only, the base ai-memory's own published image starts from
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"

offline=shipgate/bookworm:offline
# What the offline image holds beyond minbase: what the gate's fault tools need (faketime, iptables, iproute2,
# procps, tini), ca-certificates, libicu72, sqlite3, and Postgres for the Postgres image.
packages=ca-certificates,tini,faketime,iptables,iproute2,procps,postgresql-15,libicu72,sqlite3
slim=shipgate/bookworm-slim:offline
# A published node image's base: debian:bookworm-slim plus ca-certificates, nothing else.
slim_packages=ca-certificates
# Downloaded .debs are kept here: the second debootstrap (either image) validates and reuses them instead of
# downloading again, so a fresh machine fetches each package once.
deb_cache=/var/cache/shipgate/debs

# The machine's own Debian mirror, read from its apt sources (one-line and deb822 formats): the URI of a
# bookworm entry, else (on another Debian release) of its first plain release entry, e.g. trixie.
debian_mirror() {
  if [[ -n "${SHIPGATE_DEBIAN_MIRROR:-}" ]]; then echo "$SHIPGATE_DEBIAN_MIRROR"; return; fi
  local files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources) existing=() f
  for f in "${files[@]}"; do [[ -f $f ]] && existing+=("$f"); done
  [[ ${#existing[@]} -gt 0 ]] || return 1
  local debian=0
  grep -qx 'ID=debian' /etc/os-release 2>/dev/null && debian=1
  # Portable awk (Debian's default is mawk): state is flushed at each file's start, blank lines and the end.
  awk -v debian="$debian" '
    function consider(uri, suites,   n, s, k) {
      n = split(suites, s, " ")
      for (k = 1; k <= n; k++) {
        if (s[k] == "bookworm" && bookworm == "") bookworm = uri
        if (debian && s[k] !~ /-/ && uri !~ /security/ && other == "") other = uri
      }
    }
    function flush(   u) { if (types ~ /(^| )deb( |$)/) { split(uris, u, " "); consider(u[1], suites) } types = uris = suites = "" }
    FNR == 1 { flush() }
    /^[[:space:]]*#/ { next }
    /^deb[[:space:]]/ { i = 2; if ($i ~ /^\[/) while ($i !~ /\]$/) i++; if ($i ~ /^\[|\]$/) i++; consider($i, $(i + 1)); next }
    /^Types:/  { sub(/^Types:[[:space:]]*/, "");  types = $0; next }
    /^URIs:/   { sub(/^URIs:[[:space:]]*/, "");   uris = $0; next }
    /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0; next }
    /^[[:space:]]*$/ { flush() }
    END { flush(); m = (bookworm != "" ? bookworm : other); if (m == "") exit 1; print m }' "${existing[@]}"
}

# --one-file-system: never follow a proc/sys mount a failed debootstrap may have left behind.
remove_rootfs() {
  [[ -n "${dir:-}" ]] || return 0
  umount -R "$dir/proc" "$dir/sys" 2>/dev/null || true
  as_root rm -rf --one-file-system "$dir" "$dir.log"
}

# build_offline IMAGE PACKAGES
build_offline() {
  local image=$1 include=$2
  # One build at a time; a second caller waits, then finds the image.
  exec 9>/tmp/shipgate-base-image.lock
  flock 9
  have_image "$image" && return 0
  apt_ensure debootstrap
  local mirror started=$EPOCHREALTIME
  mirror=$(debian_mirror) || die "no Debian bookworm mirror in /etc/apt/sources*; set SHIPGATE_DEBIAN_MIRROR"
  dir=$(mktemp -d /var/tmp/shipgate-rootfs.XXXXXX)  # global: the EXIT trap needs it after we return
  trap remove_rootfs EXIT
  log "debootstrap bookworm ($include) from $mirror into $dir"
  as_root mkdir -p "$deb_cache" "$dir/var/cache/apt/archives"
  as_root find "$deb_cache" -name '*.deb' -exec cp -t "$dir/var/cache/apt/archives" {} +
  as_root debootstrap --variant=minbase --include="$include" bookworm "$dir" "$mirror" >"$dir.log" 2>&1 \
    || { tail -n 30 "$dir.log" >&2; die "debootstrap failed (log: $dir.log)"; }
  rm -f "$dir.log"
  as_root find "$dir/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec mv -f -t "$deb_cache" {} +
  # The image needs neither the .debs, the package lists, the docs nor the cluster Debian's postinst created.
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* "$dir"/usr/share/man/* \
    "$dir"/var/lib/postgresql/15/main "$dir"/etc/postgresql/15/main
  log "debootstrap done in $(since "$started") s; importing"
  # An imported image has no config: give it the PATH, locale and command a pulled Debian image has.
  tar --numeric-owner -C "$dir" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'LABEL shipgate.image=base' \
    --change 'CMD ["bash"]' - "$image" >/dev/null
  log "built $image in $(since "$started") s"
}

if [[ "${1:-}" == --offline ]]; then
  have_image "$offline" || build_offline "$offline" "$packages"
  echo "$offline"; exit 0
fi

if [[ "${1:-}" == --slim ]]; then
  name=debian:bookworm-slim
  if have_image "$name"; then echo "$name"; exit 0; fi
  if have_image "$slim"; then echo "$slim"; exit 0; fi
  if try_pull "$name"; then echo "$name"; exit 0; fi
  log "$name cannot be pulled; building the offline equivalent $slim (once)"
  build_offline "$slim" "$slim_packages"
  echo "$slim"; exit 0
fi

name=${SHIPGATE_BASE_IMAGE:-debian:bookworm-slim}
if have_image "$name"; then echo "$name"; exit 0; fi
if [[ "$name" == "$offline" ]]; then build_offline "$offline" "$packages"; echo "$offline"; exit 0; fi
# Without a registry the default is never present: don't wait for a pull again once the offline image exists.
if [[ -z "${SHIPGATE_BASE_IMAGE:-}" ]] && have_image "$offline"; then echo "$offline"; exit 0; fi
if try_pull "$name"; then echo "$name"; exit 0; fi
[[ -z "${SHIPGATE_BASE_IMAGE:-}" ]] || die "SHIPGATE_BASE_IMAGE=$name is neither present nor pullable"
log "$name cannot be pulled; building the offline equivalent $offline (once)"
build_offline "$offline" "$packages"
echo "$offline"
