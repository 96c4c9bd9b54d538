#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Guest side of bench/compare's cell rows, all in one boot: root Linux enables the hypervisor and
# runs bench/irqlat (/lib/irqlat.bin, the image of the bare row) in the irqlat cell on CPU 3 (its
# console on COM2) three times, each in a freshly created cell:
#   idle    root Linux idle;
#   loaded  root loaded by /bin/warden-stress on each of its CPUs;
#   both    the user's situation: cyclictest on root CPU CYCLIC_CPU at the same time, root loaded
#           on its other CPUs; cyclictest's -h output goes to COM4 as in cyclictest.sh.
# Around each measurement the cell CPU's VM exits are read with `warden cell stats` (hypervisor
# counters read from a root CPU) and printed by reason; the host asserts that none happened. Then a
# tiny image checks that the cell may not make LINT0 an NMI (lvt_refusal).
# Settings (/etc/warden-bench.conf, from bench/compare): PERIOD_US COUNT WARMUP BIN_NS BINS
# HIST_US CYCLIC_CPU LOAD_ROUNDS RUNS (a subset of "idle loaded both"). The warm-up must cover the
# time from start to the first read of the counters (30 ms and more), or the run fails.
. /lib/warden/guest-lib.sh
. /etc/warden-bench.conf

CELL=/etc/warden/irqlat.cell
CELL_CPU=3
STOP=/tmp/stop-load
PERIOD_S=$(awk -v p="$PERIOD_US" 'BEGIN { printf "%.6f", p / 1000000 }')

# The kernel's monotonic clock in us (busybox date has no %N).
now_us() { head -n 3 /proc/timer_list | sed -n 's/^now at \([0-9]*\)[0-9][0-9][0-9] nsecs$/\1/p'; }

# exits: "reason=count ..." of the cell's CPU, from `warden cell stats` (one CPU: 2 columns).
exits() { warden cell stats irqlat | awk 'NR > 2 { printf "%s=%s ", $1, $2 }'; }
total() { echo "$1" | tr ' ' '\n' | sed -n 's/^total=//p'; }
difference() {	# difference AFTER BEFORE: reason=delta for every reason
	echo "$1 $2" | tr ' ' '\n' | awk -F= 'NF == 2 {
		if (!($1 in a)) { a[$1] = $2; order[n++] = $1 } else a[$1] -= $2 }
		END { for (i = 0; i < n; i++) printf "%s=%d ", order[i], a[order[i]] }'
}

start_load() {	# start_load EXCEPT_CPU...: one stress loop on every root CPU not listed
	rm -f "$STOP" "$STOP".rounds.*
	pids=
	for cpu in $(seq 0 $((CELL_CPU - 1))); do
		case " $* " in *" $cpu "*) continue ;; esac
		taskset -c "$cpu" /bin/warden-stress "$STOP" "$LOAD_ROUNDS" &
		pids="$pids $!"
	done
	echo "bench: stress loops on root CPUs:$pids"
}

stop_load() {
	touch "$STOP"
	for p in $pids; do wait "$p"; done
	[ -n "$pids" ] && echo "bench: stress rounds per loop: $(cat "$STOP".rounds.* | tr '\n' ' ')"
	pids=
}

# The cell's startup exits (CPUID, MTRR_DEF_TYPE, ...) end before its first timer interrupt:
# wait until the count stands still for two periods, at most half the warm-up after START_US.
settle() {
	local last=-1 cur limit=$(( START_US + WARMUP * PERIOD_US / 2 ))
	while [ "$(now_us)" -lt $limit ]; do
		cur=$(total "$(exits)")
		[ "$cur" = "$last" ] && return 0
		last=$cur
		sleep "$(awk -v p="$PERIOD_S" 'BEGIN { print 2 * p }')"
	done
	echo "bench: the cell's exit count did not settle during the warm-up"
}

# Until irqlat ends (its comm region says shut down) or a timeout. Root sleeps through the
# measurement first: under icount a busy root vCPU delays the cell's interrupts too (QEMU runs the
# vCPUs round-robin on one thread), so polling would load the "idle" run.
wait_shut_down() {
	local i=0 limit=$(( (WARMUP + COUNT) * PERIOD_US / 200000 * 20 + 300 ))
	sleep "$(awk -v n="$((COUNT + WARMUP))" -v p="$PERIOD_S" 'BEGIN { print n * p + 0.05 }')"
	while [ $i -lt $limit ]; do
		warden cell list | grep -q '^[0-9]* *irqlat *shut down' && return 0
		warden cell list | grep -q '^[0-9]* *irqlat *failed' && break
		sleep 0.2
		i=$((i + 1))
	done
	warden cell list
	return 1
}

run_cell() {	# run_cell NAME
	local name=$1 t0 t1 t2 t3 t4 before after startup d read_at cyclic_pid=
	step "cell-$name"
	t0=$(now_us)
	warden cell create $CELL >/dev/null || { fail "cell-$name" "create"; return; }
	t1=$(now_us)
	warden cell load irqlat /lib/irqlat.bin -a 0 -s "period-us=$PERIOD_US samples=$COUNT \
warmup=$WARMUP bin-ns=$BIN_NS bins=$BINS" >/dev/null || { fail "cell-$name" "load"; return; }
	t2=$(now_us)
	startup=$(exits)
	warden cell start irqlat >/dev/null || { fail "cell-$name" "start"; return; }
	t3=$(now_us)
	START_US=$t3
	# The SDK measures the APIC timer against the TSC at start (10 ms): with root busy meanwhile,
	# QEMU's round-robin would skew that and every one-shot delay after it. Then the startup
	# exits are left behind and the counters read, root still idle (under load a read could take
	# longer than the warm-up), and only then does the load start.
	sleep 0.03
	settle
	before=$(exits)
	read_at=$(( $(now_us) - t3 ))
	case $name in
	loaded) start_load ;;
	both) start_load "$CYCLIC_CPU" ;;
	esac
	if [ "$name" = both ]; then
		cyclictest -m -p 90 -a "$CYCLIC_CPU" -i "$PERIOD_US" -l "$COUNT" -h "$HIST_US" -q \
			>/tmp/cyclictest.out 2>/tmp/cyclictest.err &
		cyclic_pid=$!
	fi
	# A read after the warm-up would miss part of the measurement: that is a failure, not a 0.
	[ $read_at -lt $((WARMUP * PERIOD_US)) ] || fail "cell-$name" "exits read $read_at us" \
		"after start, after the warm-up of $((WARMUP * PERIOD_US)) us: the window misses samples"
	wait_shut_down || fail "cell-$name" "irqlat did not finish"
	after=$(exits)
	[ -n "$cyclic_pid" ] && { wait "$cyclic_pid" || fail "cell-$name" "cyclictest failed"; }
	stop_load
	echo "bench: cell irqlat ($name): startup exits on CPU $CELL_CPU:" \
		"$(difference "$before" "$startup")"
	d=$(difference "$after" "$before")
	echo "bench: cell irqlat ($name): VM exits on CPU $CELL_CPU over the measurement:" \
		"$(total "$d") ($COUNT samples); by reason: $d (first read $read_at us after start)"
	[ "$name" = "${RUNS##* }" ] && check cell-stats-json sh -c "warden cell stats irqlat --json |
		tr -d ' \n' | grep -q '\"cpus\":\[{\"cpu\":3,\"vmexits\":{\"total\":'"
	t4=$(now_us)
	warden cell destroy irqlat >/dev/null || fail "cell-$name" "destroy"
	echo "bench: cell irqlat ($name): create $((t1 - t0)) us, load $((t2 - t1)) us," \
		"start $((t3 - t2)) us, destroy $(( $(now_us) - t4 )) us (guest clock, with the tool)"
	if [ "$name" = both ]; then
		stty -F /dev/ttyS3 raw -echo 2>/dev/null
		{ echo "BENCH-BEGIN cyclictest"; cat /tmp/cyclictest.out; echo "BENCH-END cyclictest"; } \
			>/dev/ttyS3
	fi
	pass "cell-$name"
}

# A cell may program LINT0 masked, not as NMI: a real-mode image (reset address 0) jumps over the
# IVT to 0x400, points the #GP vector (13) at a HLT loop, writes MSR 0x835 = 0x10400 (NMI, masked:
# taken) and then 0x400 (NMI: refused, #GP at RIP 0x427). The cell keeps running in its handler.
lvt_refusal() {
	local i=0
	step cell-lvt-nmi-refused
	{ printf '\351\375\003'; dd if=/dev/zero bs=1 count=1021 2>/dev/null
	  printf '\061\300\216\330\307\006\064\000\054\004\307\006\066\000\000\000'
	  printf '\146\271\065\010\000\000\146\270\000\004\001\000\146\061\322\017\060'
	  printf '\146\270\000\004\000\000\017\060\364\353\375\364\353\375'
	} >/tmp/lvt-nmi.bin
	warden cell create $CELL >/dev/null && warden cell load irqlat /tmp/lvt-nmi.bin >/dev/null &&
		warden cell start irqlat >/dev/null || { fail cell-lvt-nmi-refused "create/load/start"; return; }
	while [ $i -lt 40 ] && ! warden console | grep -q "MSR 835 (value 400) at RIP 427 refused"; do
		sleep 0.1
		i=$((i + 1))
	done
	warden console | grep "MSR 835"
	if ! warden console | grep -q "cell 'irqlat': write of MSR 835 (value 400) at RIP 427 refused: an LVT"
	then fail cell-lvt-nmi-refused "no refusal of LINT0 = NMI on the hypervisor console"
	elif warden console | grep -q "MSR 835 (value 10400)"; then
		fail cell-lvt-nmi-refused "LINT0 masked was refused"
	elif ! warden cell list | grep -q '^[0-9]* *irqlat *running'; then
		fail cell-lvt-nmi-refused "the cell did not take its #GP: $(warden cell list | tail -n 1)"
	else pass cell-lvt-nmi-refused; fi
	check cell-lvt-destroy warden cell destroy irqlat
}

check warden-insmod insmod /lib/modules/warden.ko || { done_all; exit 1; }
check warden-enable warden enable /etc/warden/qemu-q35.cell || { done_all; exit 1; }
for run in $RUNS; do
	run_cell "$run"
done
lvt_refusal
check warden-disable warden disable
done_all
