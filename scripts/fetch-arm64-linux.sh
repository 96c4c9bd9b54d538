#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Fetches Debian's arm64 Linux for the harness's ARM64 root-Linux mode (tests/harness/qemu-run --arch arm64
# --mode linux) and unpacks it into BUILD_DIR/cache/arm64-linux:
#   Image   the raw arm64 kernel Image of linux-image-<ABI>-arm64-unsigned (goes straight to QEMU's -kernel)
#   root/   the packages busybox-static, rt-tests, libnuma1, libc6 (and the kernel package) unpacked with dpkg -x:
#           the guest's busybox, cyclictest and the shared libraries it needs
#   abi     the kernel ABI, the same as the x86 test kernel's (BUILD_DIR/cache/kernel/abi)
#   apt/    the private APT configuration, state and cache used to download them
# The host's dpkg is never touched: no dpkg --add-architecture, nothing arm64 is installed. APT reads a
# configuration of its own (APT::Architecture "arm64", its own state, cache and source list naming the host's
# Debian mirror), so that the host's package lists and locks stay as they are.
# Idempotent: does nothing when the cache already holds this ABI.
#
# Usage: scripts/fetch-arm64-linux.sh BUILD_DIR [ABI]
#   ABI defaults to BUILD_DIR/cache/kernel/abi (written by scripts/setup.sh).
set -euo pipefail

say() { echo "fetch-arm64-linux: $*"; }
die() { echo "fetch-arm64-linux: error: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: $0 BUILD_DIR [ABI]"
BUILD_DIR=$(cd "$1" && pwd) || die "no build directory '$1'"
ABI=${2:-} ABI_FROM="the command line"
if [ -z "$ABI" ]; then
	ABI_FROM=$BUILD_DIR/cache/kernel/abi
	[ -f "$ABI_FROM" ] || die "no $ABI_FROM: run scripts/setup.sh first, or name the ABI"
	ABI=$(cat "$ABI_FROM")
fi
[[ $ABI =~ ^[0-9]+\.[0-9]+\.[0-9]+-[0-9]+$ ]] ||
	die "'$ABI' (from $ABI_FROM) is not a Debian kernel ABI (like 6.1.0-56)"

CACHE=$BUILD_DIR/cache/arm64-linux
PACKAGES=("linux-image-$ABI-arm64-unsigned" busybox-static rt-tests libnuma1 libc6)
# What the harness uses from the cache: present means done.
complete() {
	[ -f "$CACHE/abi" ] && [ "$(cat "$CACHE/abi")" = "$ABI" ] && [ -f "$CACHE/Image" ] &&
		[ -x "$CACHE/root/bin/busybox" ] && [ -x "$CACHE/root/usr/bin/cyclictest" ] &&
		[ -e "$CACHE/root/lib/ld-linux-aarch64.so.1" ]
}
complete && exit 0

[ "$(id -u)" = 0 ] || die "run as root (apt-get download and update need it for the private state)"
command -v apt-get >/dev/null && command -v dpkg >/dev/null || die "apt-get and dpkg are needed"

# The host's Debian mirror (main archive and security archive), from its source lists in either format;
# deb.debian.org when none is named.
host_uri() {	# host_uri SUITE-REGEX
	local f
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -n 's/^deb \(\[[^]]*\] \)\?\([a-z]*:[^ ]*\) \([^ ]*\) .*/\2 \3/p' "$f"
	done | awk -v re="$1" '$2 ~ re { print $1; exit }'
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822 stanzas: URIs and Suites of each, one line per stanza
		awk 'BEGIN { RS = ""; FS = "\n" }
			{ u = ""; s = ""
			  for (i = 1; i <= NF; i++) {
				if ($i ~ /^URIs:/) { u = $i; sub(/^URIs: */, "", u); sub(/ .*/, "", u) }
				if ($i ~ /^Suites:/) { s = $i; sub(/^Suites: */, "", s) }
			  }
			  if (u != "") print u, s }' "$f"
	done | awk -v re="$1" '{ for (i = 2; i <= NF; i++) if ($i ~ re) { print $1; exit } }'
}
MIRROR=$(host_uri '^bookworm$' | head -n 1)
SECURITY=$(host_uri '^bookworm-security$' | head -n 1)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY=${SECURITY:-http://deb.debian.org/debian-security}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$KEYRING" ] || die "no $KEYRING: install debian-archive-keyring"

APT_DIR=$CACHE/apt
mkdir -p "$APT_DIR"/{state/lists/partial,cache/archives/partial,etc/sources.list.d,etc/preferences.d,download}
: >"$APT_DIR/state/status"	# no installed packages: the host's dpkg database is amd64 and not ours
cat >"$APT_DIR/etc/sources.list" <<SOURCES
deb [arch=arm64 signed-by=$KEYRING] $MIRROR bookworm main
deb [arch=arm64 signed-by=$KEYRING] $MIRROR bookworm-updates main
deb [arch=arm64 signed-by=$KEYRING] $SECURITY bookworm-security main
SOURCES
cat >"$APT_DIR/apt.conf" <<CONF
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
Dir::State "$APT_DIR/state";
Dir::State::status "$APT_DIR/state/status";
Dir::Cache "$APT_DIR/cache";
Dir::Etc::SourceList "$APT_DIR/etc/sources.list";
Dir::Etc::SourceParts "$APT_DIR/etc/sources.list.d";
Dir::Etc::Preferences "$APT_DIR/etc/preferences";
Dir::Etc::PreferencesParts "$APT_DIR/etc/preferences.d";
APT::Sandbox::User "root";
CONF
export APT_CONFIG=$APT_DIR/apt.conf

apt_log=$APT_DIR/apt.log
# A fresh package list only when the one there does not know the kernel (new ABI, first run).
if ! apt-cache show "${PACKAGES[0]}" >/dev/null 2>&1; then
	say "apt-get update (arm64, $MIRROR, $SECURITY)"
	apt-get update -q >"$apt_log" 2>&1 || { cat "$apt_log" >&2; die "apt-get update for arm64 failed"; }
fi
apt-cache show "${PACKAGES[0]}" >/dev/null 2>&1 ||
	die "${PACKAGES[0]} is not in the arm64 archive at $MIRROR (ABI $ABI from $ABI_FROM)"

say "downloading ${PACKAGES[*]}"
rm -f "$APT_DIR"/download/*.deb
(cd "$APT_DIR/download" && apt-get download -q "${PACKAGES[@]}") >"$apt_log" 2>&1 ||
	{ cat "$apt_log" >&2; die "apt-get download ${PACKAGES[*]} failed"; }

rm -rf "$CACHE/root" "$CACHE/Image" "$CACHE/abi"
for deb in "$APT_DIR"/download/*.deb; do
	dpkg -x "$deb" "$CACHE/root" || die "dpkg -x $deb failed"
done
IMAGE=$CACHE/root/boot/vmlinuz-$ABI-arm64
[ -f "$IMAGE" ] || die "${PACKAGES[0]} has no $IMAGE"
cp "$IMAGE" "$CACHE/Image"
rm -rf "$CACHE/root/lib/modules" "$CACHE/root/boot"	# 300 MB of modules the initramfs does not use
rm -f "$APT_DIR"/download/*.deb
for f in bin/busybox usr/bin/cyclictest lib/ld-linux-aarch64.so.1; do
	[ -e "$CACHE/root/$f" ] || die "the unpacked packages lack $f ($CACHE/root)"
done
echo "$ABI" >"$CACHE/abi.tmp" && mv "$CACHE/abi.tmp" "$CACHE/abi"
say "arm64 Linux $ABI in $CACHE"
