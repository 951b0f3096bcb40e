#!/usr/bin/env bash
# Installs Docker Compose v2 as a CLI plugin from Debian 13's docker-compose package, for Debian 12
# machines whose own docker-compose is v1: the compose tests run the file with both.
# The mirror is read from this machine's apt configuration; nothing about it is written anywhere.
set -euo pipefail

plugin=/usr/local/lib/docker/cli-plugins/docker-compose
/usr/bin/docker compose version >/dev/null 2>&1 && exit 0

find_mirror() { apt-cache policy 2>/dev/null | awk '$2 ~ /\/debian\/?$/ { print $2; exit }'; }
mirror="$(find_mirror)"
# apt-cache knows the archives only once the package lists exist.
[ -n "$mirror" ] || { apt-get update -qq && mirror="$(find_mirror)"; }
[ -n "$mirror" ] || { echo 'install-compose-v2: no Debian mirror in the apt sources' >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial"
echo "deb ${mirror%/} trixie main" >"$work/sources.list"
apt_opts=(-q -o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=/nonexistent
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::archives=$work/archives" -o APT::Sandbox::User=root)
apt-get "${apt_opts[@]}" update >/dev/null
(cd "$work" && apt-get "${apt_opts[@]}" download docker-compose/trixie >/dev/null)
dpkg-deb -x "$work"/docker-compose_*.deb "$work/root"
install -D -m 0755 "$work/root/usr/libexec/docker/cli-plugins/docker-compose" "$plugin"
/usr/bin/docker compose version
