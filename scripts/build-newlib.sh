#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Builds newlib (libc.a, libm.a and headers) for inmates from Debian's newlib-source tarball, once, into
# BUILD_DIR/cache/newlib/{include,lib} (docs/libc.md). Quiet and quick when the cache is current; a stamp file
# records the tarball and the flags, so changing either rebuilds.
#
# Usage: scripts/build-newlib.sh [BUILD_DIR [ARCH]]   (default: ./build x86_64)
#   ARCH x86_64 (the host compiler) or aarch64 (Debian's aarch64-linux-gnu cross tools; BUILD_DIR is then the
#   ARM64 build tree, <build>/arm64).
# Environment:
#   NEWLIB_TARBALL   source tarball (default: the newest /usr/src/newlib/newlib-*.tar.*)
#   NEWLIB_JOBS      make -j (default: number of CPUs)
set -euo pipefail

BUILD_DIR=${1:-build}
ARCH=${2:-x86_64}
mkdir -p "$BUILD_DIR"
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
CACHE="$BUILD_DIR/cache/newlib"
WORK="$BUILD_DIR/cache/newlib-work"

say() { echo "newlib: $*"; }
die() { echo "newlib: error: $*" >&2; exit 1; }

TARBALL=${NEWLIB_TARBALL:-$(ls -1 /usr/src/newlib/newlib-*.tar.* 2>/dev/null | sort -V | tail -n 1)}
[ -n "$TARBALL" ] && [ -f "$TARBALL" ] ||
	die "no newlib source tarball in /usr/src/newlib: install Debian's newlib-source (scripts/setup.sh does)"

# The SDK's code model (sdk/cmake/WardenInmate.cmake): no red zone (interrupts push onto the running stack), no
# PIC/PIE (linked at 0), no stack protector (no TLS canary), SSE on (the x86-64 default, for float and libm).
# Sections per function so that --gc-sections keeps images small. __DYNAMIC_REENT__: every _REENT goes through
# __getreent(), which the SDK answers per CPU (sdk/lib/libc/reent.c).
TARGET_CFLAGS="-O2 -g -ffreestanding -fno-pic -fno-pie -mno-red-zone -fno-stack-protector -mcmodel=small"
TARGET_CFLAGS="$TARGET_CFLAGS -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables"
TARGET_CFLAGS="$TARGET_CFLAGS -D__DYNAMIC_REENT__"
CONFIGURE_OPTIONS=(--target=x86_64-elf --disable-multilib --disable-newlib-supplied-syscalls
	--enable-newlib-io-long-long --enable-newlib-io-c99-formats --enable-newlib-nano-malloc --disable-nls)
TOOL_PREFIX=
case $ARCH in
x86_64) ;;
aarch64)
	# ARM64 (sdk/cmake/WardenInmate.cmake): no PIC/PIE, atomics inline (no libgcc helpers in a freestanding link)
	TOOL_PREFIX=aarch64-linux-gnu-
	TARGET_CFLAGS="-O2 -g -ffreestanding -fno-pic -fno-pie -fno-stack-protector -mcmodel=small"
	TARGET_CFLAGS="$TARGET_CFLAGS -mno-outline-atomics -ffunction-sections -fdata-sections"
	TARGET_CFLAGS="$TARGET_CFLAGS -fno-asynchronous-unwind-tables -D__DYNAMIC_REENT__"
	# system calls by their plain names (write, sbrk, ...), as newlib's x86_64-elf configuration has them:
	# sdk/lib/libc defines those
	TARGET_CFLAGS="$TARGET_CFLAGS -DMISSING_SYSCALL_NAMES"
	CONFIGURE_OPTIONS[0]=--target=aarch64-elf ;;
*) die "ARCH must be x86_64 or aarch64, not '$ARCH'" ;;
esac
STAMP_TEXT="tarball=$(basename "$TARBALL") size=$(stat -c %s "$TARBALL") cc=$(${TOOL_PREFIX}gcc -dumpfullversion)
cflags=$TARGET_CFLAGS
options=${CONFIGURE_OPTIONS[*]}
layout=2"

if [ -f "$CACHE/stamp" ] && [ "$(cat "$CACHE/stamp")" = "$STAMP_TEXT" ] &&
	[ -f "$CACHE/lib/libc.a" ] && [ -f "$CACHE/lib/libm.a" ] && [ -f "$CACHE/include/stdio.h" ]; then
	exit 0
fi

for tool in gcc ar as ld ranlib nm objdump strip readelf; do
	command -v "$TOOL_PREFIX$tool" >/dev/null || die "'$TOOL_PREFIX$tool' not found: run scripts/setup.sh"
done
for tool in make tar; do
	command -v "$tool" >/dev/null || die "'$tool' not found: run scripts/setup.sh"
done

say "building $(basename "$TARBALL") for $ARCH inmates into $CACHE (about a minute)"
START=$(date +%s)
rm -rf "$WORK" "$CACHE"
mkdir -p "$WORK/obj" "$WORK/prefix"
tar -xf "$TARBALL" -C "$WORK"
SRC=$(find "$WORK" -mindepth 1 -maxdepth 1 -type d -name 'newlib-*' | head -n 1)
[ -n "$SRC" ] && [ -x "$SRC/configure" ] || die "$TARBALL: no newlib-*/configure inside"

LOG="$WORK/build.log"
run_logged() {
	if ! "$@" >>"$LOG" 2>&1; then
		tail -n 40 "$LOG" >&2
		die "'$1' failed (full log: $LOG)"
	fi
}
(
	cd "$WORK/obj"
	run_logged "$SRC/configure" --prefix="$WORK/prefix" "${CONFIGURE_OPTIONS[@]}" \
		CC_FOR_TARGET=${TOOL_PREFIX}gcc AR_FOR_TARGET=${TOOL_PREFIX}ar AS_FOR_TARGET=${TOOL_PREFIX}as \
		LD_FOR_TARGET=${TOOL_PREFIX}ld RANLIB_FOR_TARGET=${TOOL_PREFIX}ranlib NM_FOR_TARGET=${TOOL_PREFIX}nm \
		OBJDUMP_FOR_TARGET=${TOOL_PREFIX}objdump STRIP_FOR_TARGET=${TOOL_PREFIX}strip \
		READELF_FOR_TARGET=${TOOL_PREFIX}readelf \
		CFLAGS_FOR_TARGET="$TARGET_CFLAGS"
	run_logged make -j"${NEWLIB_JOBS:-$(nproc)}" all-target-newlib
	run_logged make install-target-newlib
)

INSTALLED="$WORK/prefix/${CONFIGURE_OPTIONS[0]#--target=}"
[ -f "$INSTALLED/lib/libc.a" ] && [ -f "$INSTALLED/lib/libm.a" ] || die "newlib built but libc.a/libm.a are missing"
mkdir -p "$CACHE"
cp -a "$INSTALLED/include" "$CACHE/include"
mkdir -p "$CACHE/lib"
cp "$INSTALLED/lib/libc.a" "$INSTALLED/lib/libm.a" "$CACHE/lib/"
if [ "$ARCH" = aarch64 ]; then
	# newlib's aarch64 configuration builds libc/syscalls even with --disable-newlib-supplied-syscalls: plain-name
	# stubs (write, sbrk, ...) over _write, _sbrk, ... that would shadow sdk/lib/libc's. x86_64-elf has none.
	# (lib_a-system.o is system(), from stdlib, and stays.)
	STUBS=$("${TOOL_PREFIX}ar" t "$CACHE/lib/libc.a" | grep '^lib_a-sys' | grep -vx 'lib_a-system.o' || true)
	[ -z "$STUBS" ] || "${TOOL_PREFIX}ar" d "$CACHE/lib/libc.a" $STUBS
fi
# Users' code must see the same _REENT as the library: newlib.h comes first through <_ansi.h> in every header.
cat >>"$CACHE/include/newlib.h" <<'EOF'

/* Warden SDK (scripts/build-newlib.sh): reentrancy data per CPU, through __getreent(). */
#ifndef __DYNAMIC_REENT__
#define __DYNAMIC_REENT__
#endif
EOF
rm -rf "$WORK"
printf '%s\n' "$STAMP_TEXT" >"$CACHE/stamp"
say "done in $(( $(date +%s) - START )) s: $CACHE/{include,lib}"
