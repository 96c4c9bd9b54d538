#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# bench-report on recorded logs (tests/bench/data: real irqlat and cyclictest runs): the table and
# its ratio and spread, the plot data, and the refusals of inconsistent logs, each with a message
# naming the log and the problem. Usage: report-tool.sh BENCH_REPORT DATA_DIR WORK_DIR
set -uo pipefail
REPORT=$1 DATA=$2 WORK=$3
failures=0
fail() { echo "report-tool: FAIL: $*" >&2; failures=$((failures + 1)); }
rm -rf "$WORK" && mkdir -p "$WORK"

# expect STATUS MESSAGE_PART ARGS...: bench-report exits STATUS and says MESSAGE_PART (stdout or
# stderr; runs of blanks count as one, so that table rows can be written without the column
# padding).
expect() {
	local status=$1 part out rc
	part=$(tr -s ' ' <<<"$2")
	shift 2
	out=$("$REPORT" "$@" 2>&1 | tr -s ' ')
	rc=$?
	[ "$rc" -eq "$status" ] || fail "exit $rc, expected $status: bench-report $*: $out"
	grep -qF -- "$part" <<<"$out" || fail "no '$part' in the output of bench-report $*: $out"
}

ICOUNT=$DATA/irqlat-icount.log TCG=$DATA/irqlat-tcg.log CT=$DATA/cyclictest-icount.log

# The table: figures from the logs (irqlat: 2000 x 104 ns; cyclictest: min 4, avg 4, max 6 us).
expect 0 "irqlat bare 2000 0.104 0.104 0.104 0.104 0.104 0.104 0" \
	--period-us 1000 --expect-samples 2000 --data-dir "$WORK" --json "$WORK/t.json" \
	--row "irqlat bare" irqlat "$ICOUNT" --row "cyclictest root Linux" cyclictest "$CT"
expect 0 "ratio cyclictest root Linux / irqlat bare - 38.5x 38.5x 38.5x 48.1x 57.7x 57.7x -" \
	--row "irqlat bare" irqlat "$ICOUNT" --row "cyclictest root Linux" cyclictest "$CT"
# Plot data: the bins of each row sum to its samples (no overflows here).
for i in 0 1; do
	sum=$(awk '!/^#/ { s += $2 } END { print s }' "$WORK/row-$i.dat")
	[ "$sum" = 2000 ] || fail "row-$i.dat sums to $sum, not 2000"
done
MEDIAN='"label":"cyclictest root Linux".*"median":{"samples":2000,"min_ns":4000,"avg_ns":4000'
grep -q "$MEDIAN" "$WORK/t.json" ||
	fail "t.json lacks the cyclictest medians: $(cat "$WORK/t.json")"

# Medians and spread over repetitions: logs icount, tcg, tcg -> median min is the tcg run's.
expect 0 "min 0.104..15.964" --row "irqlat" irqlat "$ICOUNT,$TCG,$TCG"
expect 0 "irqlat 2000 15.964 55.721 34.000 275.000 1000.000 3903.552 11" \
	--row "irqlat" irqlat "$ICOUNT,$TCG,$TCG"

# An even number of runs: the median is the mean of the middle two ((104 + 15964) / 2 ns).
expect 0 "irqlat 2000 8.034" --row "irqlat" irqlat "$ICOUNT,$TCG"

# Refusals.
expect 1 "2000 samples, expected 1999" --expect-samples 1999 --row r irqlat "$ICOUNT"
expect 1 "bin width 1000 ns in $TCG" --data-dir "$WORK" --row r irqlat "$ICOUNT,$TCG"
expect 1 "cannot read" --row r cyclictest "$WORK/missing.log"
expect 1 "no {\"type\":\"summary\",\"source\":\"irqlat\"" --row r irqlat "$CT"
expect 1 "no \"# Histogram\" line" --row r cyclictest "$DATA/../CMakeLists.txt"
sed 's/"p50":104/"p50":105/' "$ICOUNT" >"$WORK/tampered.log"
expect 1 "summary says p50=105 but the histogram gives 104" --row r irqlat "$WORK/tampered.log"
sed 's/^000100 002000/000100 001999/' "$ICOUNT" >"$WORK/short.log"
expect 1 "the rows sum to 1999 but \"# Total:\" says 2000" --row r irqlat "$WORK/short.log"
expect 2 "kind \"perf\" is neither irqlat nor cyclictest" --row r perf "$CT"
expect 2 "\"-5\" is not an unsigned number" --period-us -5 --row r cyclictest "$CT"
expect 2 "no --row given" --period-us 5

[ "$failures" -eq 0 ] || exit 1
echo "report-tool: all checks passed"
