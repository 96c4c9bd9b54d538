#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Runs fuzz_config_check for a bounded time on a fresh corpus grown from the seeds.
# Passes when libFuzzer finds no crash, leak or sanitizer error (exit 0) and ran at least one input.
# Usage: fuzz-run.sh FUZZER SEED_DIR WORK_DIR SECONDS
set -uo pipefail
FUZZER=$1 SEEDS=$2 WORK=$3 SECONDS_MAX=$4
rm -rf "$WORK/corpus"
mkdir -p "$WORK/corpus" "$WORK/artifacts"
cp "$SEEDS"/* "$WORK/corpus/"
"$FUZZER" -max_total_time="$SECONDS_MAX" -print_final_stats=1 -artifact_prefix="$WORK/artifacts/" \
	"$WORK/corpus" >"$WORK/fuzz.log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORK/fuzz.log")
tail -n 15 "$WORK/fuzz.log"
if [ $rc -ne 0 ]; then
	echo "fuzz-run: the fuzzer exited $rc (artifacts in $WORK/artifacts)"
	exit 1
fi
[ "${runs:-0}" -gt 0 ] || { echo "fuzz-run: no inputs were executed"; exit 1; }
echo "fuzz-run: $runs inputs in ${SECONDS_MAX}s, no crash"
