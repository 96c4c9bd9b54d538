#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The main demo: installs what is missing, builds, and runs the latency comparison on the test machine
# (bench/compare). By default a short run (2 repetitions x 3000 samples per row, the cell rows once;
# a few minutes); --thorough runs bench/compare's full defaults (5 x 10000, every row five times;
# a quarter of an hour on 2 cores before the cell rows, not measured since).
# Other arguments are passed on to bench/compare (see bench/compare --help) and win over both.
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export BUILD_DIR=${BUILD_DIR:-build}

RUN=(--reps 2 --samples 3000 --cell-reps 1)
ARGS=()
for arg in "$@"; do
	if [ "$arg" = --thorough ]; then RUN=(); else ARGS+=("$arg"); fi
done
scripts/build.sh
exec bench/compare --build-dir "$BUILD_DIR" "${RUN[@]}" "${ARGS[@]}"
