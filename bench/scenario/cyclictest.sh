#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Guest side of bench/compare: runs cyclictest in root Linux, pinned to one CPU, optionally with a
# bounded stress loop (/bin/warden-stress) on every other CPU, and writes its -h output on COM4
# (/dev/ttyS3), where nothing else writes, for the host to read back. Settings come from
# /etc/warden-bench.conf (written by bench/compare):
#   PERIOD_US  COUNT  HIST_US  RT_CPU  LOAD (0 or 1)  LOAD_ROUNDS (cap per stress loop)
. /lib/warden/guest-lib.sh
. /etc/warden-bench.conf

OUT=/tmp/cyclictest.out
STOP=/tmp/stop-load

step cyclictest-setup
cpus=$(grep -c ^processor /proc/cpuinfo)
if [ "$RT_CPU" -ge "$cpus" ]; then
	fail cyclictest-setup "RT_CPU $RT_CPU does not exist: the guest has $cpus CPUs"
	done_all
	exit 1
fi
check cyclictest-runs cyclictest --help
echo "bench: cyclictest on CPU $RT_CPU of $cpus, period ${PERIOD_US} us, $COUNT loops, load $LOAD"

pids=
if [ "$LOAD" = 1 ]; then
	rm -f "$STOP"
	cpu=0
	while [ "$cpu" -lt "$cpus" ]; do
		if [ "$cpu" != "$RT_CPU" ]; then
			taskset -c "$cpu" /bin/warden-stress "$STOP" "$LOAD_ROUNDS" &
			pids="$pids $!"
		fi
		cpu=$((cpu + 1))
	done
	echo "bench: stress loops on every CPU but $RT_CPU:$pids"
fi

step cyclictest
cyclictest -m -p 90 -a "$RT_CPU" -i "$PERIOD_US" -l "$COUNT" -h "$HIST_US" -q \
	>"$OUT" 2>/tmp/cyclictest.err
rc=$?
touch "$STOP"
for p in $pids; do wait "$p"; done
[ -n "$pids" ] && echo "bench: stress rounds per loop: $(cat "$STOP".rounds.* | tr '\n' ' ')"

if [ "$rc" -ne 0 ]; then
	fail cyclictest "exited $rc: $(tail -n 1 /tmp/cyclictest.err)"
elif ! grep -q '^# Histogram Overflows' "$OUT"; then
	fail cyclictest "no histogram in its output: $(head -n 3 "$OUT" | tr '\n' ' ')"
else
	stty -F /dev/ttyS3 raw -echo 2>/dev/null
	{ echo "BENCH-BEGIN cyclictest"; cat "$OUT"; echo "BENCH-END cyclictest"; } >/dev/ttyS3
	pass cyclictest
fi
done_all
