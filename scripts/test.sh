#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Runs every test: installs what is missing, configures, builds, then ctest (host unit tests and QEMU tests).
# usage: scripts/test.sh [ctest arguments...]     e.g. scripts/test.sh -L qemu   or   scripts/test.sh -R config
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

scripts/setup.sh "$BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$BUILD_DIR/configure.log" 2>&1 ||
	{ cat "$BUILD_DIR/configure.log"; echo "test: cmake configure failed" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j "$JOBS" >"$BUILD_DIR/build.log" 2>&1 ||
	{ tail -n 60 "$BUILD_DIR/build.log"; echo "test: build failed (full log: $BUILD_DIR/build.log)" >&2; exit 1; }
echo "test: built; running ctest (QEMU logs under $BUILD_DIR/test-logs)"
exec ctest --test-dir "$BUILD_DIR" -j "$JOBS" --output-on-failure "$@"
