#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The main demo: installs what is missing, builds, boots the test machine and runs the comparison.
# Until cells exist the comparison has two rows (irqlat bare on QEMU, cyclictest on root Linux); see README.
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores). Arguments go to bench/compare.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

scripts/setup.sh "$BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$BUILD_DIR/configure.log" 2>&1 ||
	{ cat "$BUILD_DIR/configure.log"; echo "demo: cmake configure failed" >&2; exit 1; }
cmake --build "$BUILD_DIR" -j "$JOBS" >"$BUILD_DIR/build.log" 2>&1 ||
	{ tail -n 60 "$BUILD_DIR/build.log"; echo "demo: build failed (full log: $BUILD_DIR/build.log)" >&2; exit 1; }

if [ -x bench/compare ]; then
	exec bench/compare --build-dir "$BUILD_DIR" "$@"
fi
echo "demo: bench/compare is not built yet; booting root Linux on the test machine instead"
exec tests/harness/qemu-run --mode linux --build-dir "$BUILD_DIR" --scenario tests/foundation/boot.sh \
	--out "$BUILD_DIR/demo-logs" --timeout 180
