#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The main demo: installs what is missing, builds, and runs the latency comparison on the test machine
# (bench/compare; its arguments are passed on, see bench/compare --help).
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export BUILD_DIR=${BUILD_DIR:-build}

scripts/build.sh
exec bench/compare --build-dir "$BUILD_DIR" "$@"
