#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The short comparison run of the suite: bench/compare with one repetition of few samples, idle and
# loaded, root Linux also under the hypervisor, irqlat in a cell, plots included. Asserts that
# every figure is present and sane (counts match, min <= p50 <= p99 <= p99.9 <= max, each histogram
# sums to its sample count), that the plots hold both distributions, and that the cell's CPU took
# 0 VM exits over each irqlat measurement in the cell (issue 12); not that anything is fast.
# Usage: compare-short.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
SRC=$1 BUILD=$2
OUT=$BUILD/tests/bench/compare-short
SAMPLES=500
failures=0
fail() { echo "compare-short: FAIL: $*" >&2; failures=$((failures + 1)); }

"$SRC/bench/compare" --build-dir "$BUILD" --out "$OUT" --reps 1 --samples "$SAMPLES" \
	--period-us 1000 \
	--warmup 100 --timeout 200 2>"$OUT.stderr" | tee "$OUT.stdout" ||
	{ cat "$OUT.stderr" >&2; exit 1; }
cat "$OUT.stderr" >&2

# Every table row: label, then samples min avg p50 p99 p99.9 max overruns.
check_row() {	# check_row TABLE LABEL
	local line
	line=$(grep -E "^$2 +[0-9]" "$OUT/$1.txt" | head -n 1 || true)	# the figures, then exits
	[ -n "$line" ] || { fail "$1: no row '$2'"; return; }
	# Notes in parentheses after the figures (lower bounds) are allowed.
	line=${line%%  (*}
	echo "${line#"$2"}" | awk -v t="$1" -v l="$2" -v n="$SAMPLES" '{
		if (NF != 8) { print t ": " l ": " NF " columns, expected 8"; exit 1 }
		for (i = 1; i <= 8; i++)
			if ($i !~ /^[0-9]+(\.[0-9]+)?$/) {
				print t ": " l ": bad figure " $i; exit 1
			}
		if ($1 != n) { print t ": " l ": " $1 " samples, expected " n; exit 1 }
		if (!($2 <= $4 && $4 <= $5 && $5 <= $6 && $6 <= $7)) {
			print t ": " l ": min/p50/p99/p99.9/max out of order"; exit 1
		}
		if (!($2 <= $3 && $3 <= $7)) { print t ": " l ": avg outside [min, max]"; exit 1 }
	}' >&2 || fail "$1: row '$2' insane: $line"
}

. "$(dirname "$0")/histogram-check.sh"	# check_histogram

check_plot() {	# check_plot TABLE: PNG and SVG exist, the SVG names both curves
	[ -s "$OUT/$1.png" ] || fail "no plot $OUT/$1.png"
	[ -s "$OUT/$1.svg" ] || { fail "no plot $OUT/$1.svg"; return; }
	grep -q 'irqlat bare' "$OUT/$1.svg" || fail "$1.svg lacks the irqlat curve"
	grep -q 'cyclictest root Linux' "$OUT/$1.svg" || fail "$1.svg lacks the cyclictest curve"
}

check_row idle "irqlat bare"
check_row idle "cyclictest root Linux"
check_row idle "cyclictest root Linux under Warden"
check_row loaded "cyclictest root Linux, loaded"
grep -qE '^ratio cyclictest root Linux / irqlat bare +- +[0-9.]+x' "$OUT/idle.txt" ||
	fail "idle: no ratio row"
grep -q '^clock: icount' "$OUT/idle.txt" || fail "idle: the clock mode is not reported"
for i in 0 1; do check_histogram idle $i "$SAMPLES"; check_histogram loaded $i "$SAMPLES"; done
check_histogram idle 2 "$SAMPLES"
grep -qE 'VM exits on CPU [0-9]+ during cyclictest: [0-9]+' "$OUT.stderr" ||
	fail "the under-Warden run did not report its VM exits"
check_plot idle
check_plot loaded

# irqlat in a cell: its rows, and 0 VM exits on its CPU over each measurement (the hypervisor's
# counters, read before and after by `warden cell stats`); the exits by reason otherwise.
check_row idle "irqlat in a Warden cell"
check_row loaded "irqlat in a Warden cell, root loaded"
check_row both "irqlat in a Warden cell, same run"
check_row both "cyclictest root Linux CPU 2, same run"
check_histogram idle 3 "$SAMPLES"
check_histogram both 0 "$SAMPLES"
check_histogram both 1 "$SAMPLES"
for run in idle loaded both; do
	line=$(grep -a "cell irqlat ($run): VM exits on CPU 3 over the measurement" \
		"$OUT/runs/cell-rep1/cell-exits.txt" || true)
	if [ -z "$line" ]; then
		fail "cell run $run: no VM exit count"
	elif ! echo "$line" | grep -q "measurement: 0 ($SAMPLES samples)"; then
		fail "cell run $run: VM exits on the cell's CPU during irqlat: ${line#*measurement: }"
	fi
done
grep -qE '^irqlat in a Warden cell +0\.0000 +0 +[0-9]+$' "$OUT/idle.txt" ||
	fail "idle: no 'VM exits per interrupt' figure of 0 for the cell row"
[ "$failures" -eq 0 ] || exit 1
echo "compare-short: all figures present and sane"
