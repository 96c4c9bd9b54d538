#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Installs everything Warden needs to build and test on a Debian 12 machine, as root.
# Idempotent and quiet when all is there. Called by both README commands.
#
# Usage: scripts/setup.sh [BUILD_DIR]
#   BUILD_DIR (default: ./build) receives the cache of the root-Linux test kernel:
#   BUILD_DIR/cache/kernel/{vmlinuz,abi}.
# Environment:
#   WARDEN_KERNEL_ABI   use this Debian kernel ABI (e.g. 6.1.0-56) instead of the default choice.
set -euo pipefail

BUILD_DIR=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$BUILD_DIR"
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (apt-get is needed to install packages)"
command -v apt-get >/dev/null || die "this script needs a Debian-like system with apt-get"

. /etc/os-release
APT_UPDATED=0
apt_update_once() {
	if [ "$APT_UPDATED" = 0 ]; then
		say "apt-get update"
		apt-get update -qq >/dev/null
		APT_UPDATED=1
	fi
}

# Packages whose name is also their dpkg name; "pkg" is installed when dpkg says so.
missing_packages() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
	done
}

install_packages() {
	local missing
	missing=$(missing_packages "$@")
	[ -n "$missing" ] || return 0
	apt_update_once
	say "installing:" $missing
	apt_install $missing
}

# apt_install ARGS...: apt-get install, its chatter kept in a log that is shown only when it fails.
apt_install() {
	local log
	log=$(mktemp)
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		die "apt-get install $* failed"
	fi
	rm -f "$log"
}

BASE_PACKAGES=(
	# build tools
	build-essential gcc g++ binutils cmake make pkg-config git ca-certificates
	# kernel module build (kbuild) dependencies
	bc bison flex libelf-dev libssl-dev kmod
	# host fuzzing and sanitizers (libFuzzer's runtime: libclang-rt-N-dev, below)
	clang
	# configuration: device-tree compiler and libfdt (libfdt.a too: the static tool for QEMU guests)
	device-tree-compiler libfdt-dev
	# QEMU harness: initramfs and guest tools
	busybox-static cpio gzip xz-utils rt-tests
	# the NMI test talks to QEMU's QMP socket (tests/hypervisor/nmi-storm)
	python3
	# plots
	gnuplot-nox
	# newlib for inmates is built from this source tarball (sdk-libc)
	newlib-source
	# Debian packages (debian/, tests/packaging): build, man pages, lint, a throwaway root
	debhelper dh-dkms scdoc lintian debootstrap
)

install_packages "${BASE_PACKAGES[@]}"
# clang's libFuzzer runtime (config.fuzz-short) is a package of its own, named after clang's major version.
install_packages "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"

# --- QEMU >= 8.1 (x2APIC under TCG). Debian 12 ships 7.2: take bookworm-backports. ---
qemu_version_ok() {
	command -v qemu-system-x86_64 >/dev/null || return 1
	local v
	v=$(qemu-system-x86_64 --version | sed -n 's/^QEMU emulator version \([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
	set -- $v
	[ "${1:-0}" -gt 8 ] || { [ "${1:-0}" -eq 8 ] && [ "${2:-0}" -ge 1 ]; }
}

if ! qemu_version_ok; then
	if [ "${VERSION_CODENAME:-}" = bookworm ]; then
		if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
			say "adding bookworm-backports to apt's sources"
			cat >/etc/apt/sources.list.d/warden-backports.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
			APT_UPDATED=0
		fi
		apt_update_once
		say "installing QEMU from bookworm-backports"
		apt_install -t bookworm-backports qemu-system-x86 qemu-system-arm qemu-utils
	else
		install_packages qemu-system-x86 qemu-system-arm qemu-utils
	fi
	qemu_version_ok || die "QEMU >= 8.1 is needed (x2APIC under TCG); found: $(qemu-system-x86_64 --version | head -1)"
fi

# --- ARM64 inmates (sdk/lib/arch/arm64): Debian's cross gcc and binutils, QEMU's ARM system emulator ---
install_packages gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
if ! command -v qemu-system-aarch64 >/dev/null; then
	apt_update_once
	if [ "${VERSION_CODENAME:-}" = bookworm ]; then
		say "installing qemu-system-arm from bookworm-backports (the same QEMU as x86's)"
		apt_install -t bookworm-backports qemu-system-arm
	else
		install_packages qemu-system-arm
	fi
fi

# --- The root-Linux test kernel ---
# Debian's unmodified kernel: linux-image-<abi>-amd64-unsigned unpacked into the build tree (never installed into
# /boot), plus the matching headers package installed so that driver/ builds against it.
# Default ABI: the one Debian 12's linux-image-amd64 metapackage names (the distribution's own kernel, on which the
# facts in ../shared/facts were measured); if its image or headers are not in the archive, the newest ABI of the same
# series for which both exist.
both_exist() {
	apt-cache show "linux-image-$1-amd64-unsigned" >/dev/null 2>&1 &&
		apt-cache show "linux-headers-$1-amd64" >/dev/null 2>&1
}

choose_kernel_abi() {
	local abi series
	if [ -n "${WARDEN_KERNEL_ABI:-}" ]; then
		echo "$WARDEN_KERNEL_ABI"; return
	fi
	abi=$(apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/.*Depends: linux-image-\(.*\)-amd64$/\1/p' | head -1)
	if [ -n "$abi" ] && both_exist "$abi"; then
		echo "$abi"; return
	fi
	series=${abi%%-*}
	apt-cache search --names-only "^linux-image-${series:-6}.*-amd64-unsigned\$" |
		sed -n 's/^linux-image-\(.*\)-amd64-unsigned .*/\1/p' | sort -rV |
		while read -r abi; do both_exist "$abi" && { echo "$abi"; break; }; done
}

KCACHE="$BUILD_DIR/cache/kernel"
if [ -f "$KCACHE/abi" ] && [ -f "$KCACHE/vmlinuz" ] &&
	{ [ -z "${WARDEN_KERNEL_ABI:-}" ] || [ "$(cat "$KCACHE/abi")" = "$WARDEN_KERNEL_ABI" ]; }; then
	ABI=$(cat "$KCACHE/abi")
else
	apt-cache show linux-image-amd64 >/dev/null 2>&1 || apt_update_once
	ABI=$(choose_kernel_abi)
	[ -n "$ABI" ] || die "no Debian kernel ABI found with both linux-image-*-amd64-unsigned and linux-headers-*-amd64"
	say "root-Linux test kernel: linux-image-$ABI-amd64-unsigned"
	rm -rf "$KCACHE"
	mkdir -p "$KCACHE/download"
	(cd "$KCACHE/download" && apt-get download -qq -o APT::Sandbox::User=root "linux-image-$ABI-amd64-unsigned" >/dev/null) ||
		{ apt_update_once; (cd "$KCACHE/download" && apt-get download -qq -o APT::Sandbox::User=root "linux-image-$ABI-amd64-unsigned"); }
	dpkg -x "$KCACHE"/download/linux-image-*.deb "$KCACHE/root"
	cp "$KCACHE/root/boot/vmlinuz-$ABI-amd64" "$KCACHE/vmlinuz"
	# Keep the module tree: the harness may need in-tree modules of this kernel in the initramfs.
	mv "$KCACHE/root/lib/modules/$ABI-amd64" "$KCACHE/modules"
	cp "$KCACHE/root/boot/config-$ABI-amd64" "$KCACHE/config"
	rm -rf "$KCACHE/root" "$KCACHE/download"
	echo "$ABI" >"$KCACHE/abi.tmp" && mv "$KCACHE/abi.tmp" "$KCACHE/abi"
fi
install_packages "linux-headers-$ABI-amd64"
[ -d "/usr/src/linux-headers-$ABI-amd64" ] || die "headers for $ABI missing in /usr/src after install"
# --- ARM64 root Linux (tests/harness/qemu-run --arch arm64 --mode linux, bench/compare --arch arm64) ---
# Debian's arm64 kernel of the same ABI, busybox-static, cyclictest and its libraries, fetched through a private APT
# configuration and unpacked into BUILD_DIR/cache/arm64-linux; the host's dpkg stays amd64 only.
install_packages debian-archive-keyring
"$ROOT/scripts/fetch-arm64-linux.sh" "$BUILD_DIR" "$ABI"
"$ROOT/scripts/build-newlib.sh" "$BUILD_DIR"	# newlib for inmates, once per build tree (docs/libc.md)
"$ROOT/scripts/build-newlib.sh" "$BUILD_DIR/arm64" aarch64	# the same for the ARM64 build tree
exit 0
