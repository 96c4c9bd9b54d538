#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Runs every test: installs what is missing, builds, then ctest (host unit tests and QEMU tests).
# usage: scripts/test.sh [ctest arguments...]     e.g. scripts/test.sh -L qemu   or   scripts/test.sh -R config
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

scripts/build.sh
echo "test: running ctest (QEMU logs under $BUILD_DIR/test-logs)"
exec ctest --test-dir "$BUILD_DIR" -j "$JOBS" --output-on-failure "$@"
