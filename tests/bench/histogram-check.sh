# SPDX-License-Identifier: GPL-2.0-only
# Sourced by the short comparison tests (compare-short.sh, compare-arm64-short.sh), which define
# fail() and OUT (bench/compare's --out).
#
# check_histogram TABLE INDEX TOTAL: the plot data of a row (OUT/TABLE/row-INDEX.dat): the counts of its
# bins plus the overflows in its header give TOTAL, the samples of all runs of the row.
check_histogram() {
	local f=$OUT/$1/row-$2.dat sum overflows
	[ -f "$f" ] || { fail "$1: no histogram data $f"; return; }
	sum=$(awk '!/^#/ { s += $2 } END { print s + 0 }' "$f")
	overflows=$(sed -n '1s/.* \([0-9]*\) overflows.*/\1/p' "$f")
	[ -n "$overflows" ] || { fail "$f: no overflow count in its header"; return; }
	[ $((sum + overflows)) -eq "$3" ] ||
		fail "$f: bins sum to $sum + $overflows overflows, not $3"
}
