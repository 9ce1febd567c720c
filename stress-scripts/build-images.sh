#!/usr/bin/env bash
# Builds the local Docker image the docker mode (--infra docker, --cluster docker) and its tests run on where
# no image registry is reachable: Debian bookworm (debootstrap, minbase) with Debian's OpenJDK 17 JRE (the
# broker and the Flink processes run the harness's own jar on it), redis-server (Redis 7, built with TLS) and
# iproute2 (tc netem, for network-delay). It stands in for the images a user with a registry pulls
# (--redis-image redis:7.4, --jre-image eclipse-temurin:17-jre).
#
#   stress-scripts/build-images.sh [--name NAME] [--mirror URL] [--force]
#
# Defaults: NAME streamstress/debian:bookworm, URL http://deb.debian.org/debian. An image that exists already
# is kept unless --force. Needs root (debootstrap), debootstrap and a running Docker engine.
# Exit codes: 0 built or already there; 1 a step failed; 2 usage error.
set -euo pipefail

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }
name="streamstress/debian:bookworm"
mirror="http://deb.debian.org/debian"
force=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) name="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --mirror) mirror="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --force) force=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-images.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ -n "$name" && -n "$mirror" ]] || { usage >&2; exit 2; }
command -v docker >/dev/null || { echo "build-images.sh: docker is not installed" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "build-images.sh: no Docker engine answers (start dockerd first)" >&2; exit 1; }
if ! $force && docker image inspect "$name" >/dev/null 2>&1; then
  echo "build-images.sh: $name is there already (--force builds it again)"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "build-images.sh: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || { echo "build-images.sh: debootstrap needs root" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
start=$(date +%s)
echo "build-images.sh: debootstrap bookworm into $root (a few minutes: it downloads about 100 MB of packages) …"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,redis-server,iproute2 \
  bookworm "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
# Smaller image: no package lists or caches, no docs.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
[[ -x "$root/usr/bin/java" && -x "$root/usr/bin/redis-server" && -x "$root/usr/sbin/tc" ]] \
  || { echo "build-images.sh: the root file system lacks java, redis-server or tc" >&2; exit 1; }
echo "build-images.sh: importing it as $name …"
tar -C "$root" -c . | docker import --change 'CMD ["/bin/sh"]' - "$name" >/dev/null
echo "build-images.sh: $name built in $(( $(date +%s) - start )) s ($(docker image inspect "$name" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'))"
