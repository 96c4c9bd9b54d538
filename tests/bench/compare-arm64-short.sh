#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The short ARM64 comparison run of the suite: bench/compare --arch arm64 with two repetitions of
# few samples, idle and loaded, plots included. Asserts, from the JSON bench-report writes, that the
# tables hold exactly the rows irqlat bare and cyclictest root Linux (idle) and cyclictest root
# Linux, loaded (no hypervisor rows: there is no ARM64 hypervisor yet), that every run of every row
# has the samples asked for and sane figures (0 < min <= p50 <= p99 <= p99.9 <= max, avg within
# [min, max], no overrun when idle), that each histogram sums to its samples, that the runs really were arm64
# (the SDK's and the kernel's banners) under icount, and that the ratio row and plots are there; not
# that anything is fast.
# Usage: compare-arm64-short.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
SRC=$1 BUILD=$2
OUT=$BUILD/tests/bench/compare-arm64-short
SAMPLES=1000
REPS=2
failures=0
fail() { echo "compare-arm64-short: FAIL: $*" >&2; failures=$((failures + 1)); }

mkdir -p "$OUT"
"$SRC/bench/compare" --arch arm64 --build-dir "$BUILD" --out "$OUT" --reps "$REPS" \
	--samples "$SAMPLES" --period-us 1000 --warmup 100 --timeout 200 \
	2>"$OUT.stderr" | tee "$OUT.stdout" || { cat "$OUT.stderr" >&2; exit 1; }
cat "$OUT.stderr" >&2

# check_json TABLE OVERRUNS LABEL...: TABLE.json holds exactly these rows, each with REPS sane runs;
# OVERRUNS "none" or "some": loaded, QEMU's round-robin under icount can delay cyclictest past its
# period (docs/benchmarks.md: 0..2 per 10000 samples here).
check_json() {
	local table=$1 overruns=$2
	shift 2
	python3 - "$OUT/$table.json" "$SAMPLES" "$REPS" "$overruns" "$@" >&2 <<'PY' || fail "$table"
import json, sys
path, samples, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
overruns, labels = sys.argv[4], sys.argv[5:]
bad = []
try:
    rows = [json.loads(l) for l in open(path) if l.strip()]
except (OSError, ValueError) as e:
    print(f"{path}: unreadable: {e}")
    sys.exit(1)
got = [r.get("label") for r in rows]
if got != labels:
    bad.append(f"rows {got}, expected {labels}")
for r in rows:
    runs = r.get("each", [])
    if len(runs) != reps:
        bad.append(f"{r['label']}: {len(runs)} runs, expected {reps}")
    for run in runs:
        f, where = run["figures"], f"{r['label']} ({run['log']})"
        if f["samples"] != samples:
            bad.append(f"{where}: {f['samples']} samples, expected {samples}")
        order = [f[k] for k in ("min_ns", "p50_ns", "p99_ns", "p999_ns", "max_ns")]
        if not (0 < order[0] and order == sorted(order)):
            bad.append(f"{where}: min/p50/p99/p99.9/max out of order or zero: {order}")
        if not (f["min_ns"] <= f["avg_ns"] <= f["max_ns"]):
            bad.append(f"{where}: avg {f['avg_ns']} outside [min, max]")
        if overruns == "none" and f["overruns"] != 0:
            bad.append(f"{where}: {f['overruns']} overruns")
for b in bad:
    print(f"{path}: {b}")
sys.exit(1 if bad else 0)
PY
}

. "$(dirname "$0")/histogram-check.sh"	# check_histogram

check_json idle none "irqlat bare" "cyclictest root Linux"
check_json loaded some "irqlat bare" "cyclictest root Linux, loaded"
check_histogram idle 0 $((SAMPLES * REPS))
check_histogram idle 1 $((SAMPLES * REPS))
check_histogram loaded 1 $((SAMPLES * REPS))
grep -qE '^ratio cyclictest root Linux / irqlat bare +- +[0-9.]+x' "$OUT/idle.txt" ||
	fail "$OUT/idle.txt: no ratio row"
grep -q '^clock: icount' "$OUT/idle.txt" || fail "$OUT/idle.txt: the clock is not icount"
grep -q 'ARM64 hypervisor does not exist yet' "$OUT.stdout" ||
	fail "bench/compare did not say why there are no hypervisor rows"
# Really arm64: the SDK's banner in every irqlat run, Debian's arm64 kernel in every Linux run.
for log in "$OUT"/runs/row0-rep*/com1.log; do
	grep -aq 'bare boot (arm64)' "$log" || fail "$log: no 'bare boot (arm64)' banner"
done
for log in "$OUT"/runs/row[12]-rep*/com1.log; do
	grep -aqE 'WARDEN-GUEST: up, kernel [0-9.]+-[0-9]+-arm64' "$log" ||
		fail "$log: not Debian's arm64 kernel"
done
if command -v gnuplot >/dev/null; then
	for t in idle loaded; do
		[ -s "$OUT/$t.png" ] || fail "no plot $OUT/$t.png"
		grep -q 'irqlat bare' "$OUT/$t.svg" 2>/dev/null || fail "$OUT/$t.svg lacks the irqlat curve"
		grep -q 'cyclictest root Linux' "$OUT/$t.svg" 2>/dev/null ||
			fail "$OUT/$t.svg lacks the cyclictest curve"
	done
fi
[ "$failures" -eq 0 ] || exit 1
echo "compare-arm64-short: all figures present and sane"
