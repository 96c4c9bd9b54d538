#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Installs what is missing (scripts/setup.sh), configures and builds everything into BUILD_DIR.
# Shared by the README's two commands. Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

scripts/setup.sh "$BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$BUILD_DIR/configure.log" 2>&1 ||
	{ cat "$BUILD_DIR/configure.log"; echo "build: cmake configure failed" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j "$JOBS" >"$BUILD_DIR/build.log" 2>&1 ||
	{ tail -n 60 "$BUILD_DIR/build.log"; echo "build: failed (full log: $BUILD_DIR/build.log)" >&2; exit 1; }
echo "build: built into $BUILD_DIR"
