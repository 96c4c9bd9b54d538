#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Guest side of bench/compare: runs cyclictest in root Linux, pinned to one CPU, optionally with a
# bounded stress loop (/bin/warden-stress) on every other CPU, and writes its -h output on COM4
# (/dev/ttyS3), where nothing else writes, for the host to read back. Settings come from
# /etc/warden-bench.conf (written by bench/compare):
#   PERIOD_US  COUNT  HIST_US  RT_CPU  LOAD (0 or 1)  LOAD_ROUNDS (cap per stress loop)
#   WARDEN (0 or 1: run under the hypervisor)
#   BENCH_TTY (optional): where the -h output goes instead of COM4; on arm64 (QEMU virt has one
#   UART) the console itself, the host cutting it out between BENCH-BEGIN and BENCH-END.
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

# WARDEN=1: root Linux runs under the hypervisor (driver + warden enable) while cyclictest measures, and the
# VM exits on the measuring CPU during the run are reported next to the figures.
SYSFS=/sys/devices/warden
exits_on_rt_cpu() {
	cat "$SYSFS/cpus/$RT_CPU/vmexits_total"
}
if [ "${WARDEN:-0}" = 1 ]; then
	check warden-insmod insmod /lib/modules/warden.ko || { done_all; exit 1; }
	check warden-enable warden enable /etc/warden/qemu-q35.cell || { done_all; exit 1; }
	exits_before=$(exits_on_rt_cpu)
fi

step cyclictest
cyclictest -m -p 90 -a "$RT_CPU" -i "$PERIOD_US" -l "$COUNT" -h "$HIST_US" -q \
	>"$OUT" 2>/tmp/cyclictest.err
rc=$?
touch "$STOP"
if [ "${WARDEN:-0}" = 1 ]; then
	exits=$(( $(exits_on_rt_cpu) - exits_before ))
	echo "bench: VM exits on CPU $RT_CPU during cyclictest: $exits ($COUNT samples)"
	check warden-disable warden disable
fi
for p in $pids; do wait "$p"; done
[ -n "$pids" ] && echo "bench: stress rounds per loop: $(cat "$STOP".rounds.* | tr '\n' ' ')"

if [ "$rc" -ne 0 ]; then
	fail cyclictest "exited $rc: $(tail -n 1 /tmp/cyclictest.err)"
elif ! grep -q '^# Histogram Overflows' "$OUT"; then
	fail cyclictest "no histogram in its output: $(head -n 3 "$OUT" | tr '\n' ' ')"
else
	if [ -n "${BENCH_TTY:-}" ]; then
		tty=$BENCH_TTY	# the console: left in its mode, the markers after this still need it
	else
		tty=/dev/ttyS3
		stty -F "$tty" raw -echo 2>/dev/null
	fi
	{ echo "BENCH-BEGIN cyclictest"; cat "$OUT"; echo "BENCH-END cyclictest"; } >"$tty"
	pass cyclictest
fi
done_all
