#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# NMIs during enable, its undo and disable (issue 11, item 2): while the
# harness's nmi-storm injects an NMI into every CPU every few milliseconds,
# 20 enable/disable cycles and 5 enables the hypervisor refuses (every CPU
# takes the undo path). The driver's test parameter makes each CPU spin
# where it runs on the hypervisor's page tables with Linux's IDT loaded, the
# windows where an NMI used to triple-fault or halt the CPU. Nothing may
# hang, every CPU must come back, and Linux must have seen the NMIs. Then the
# test image's probes check the hypervisor's own page tables, and NMI floods
# between CPUs the NMI path while the hypervisor runs.
. /lib/warden/guest-lib.sh

CONFIG=/etc/warden/qemu-q35.cell
SYSFS=/sys/devices/warden
CPUS=$(grep -c ^processor /proc/cpuinfo)
SPIN=$(sed -n 's/.*wardentest_spin=\([0-9]*\).*/\1/p' /proc/cmdline)

# The NMI row of /proc/interrupts: one count per CPU.
nmi_counts() {
	sed -n 's/^ *NMI: *//p' /proc/interrupts | tr -s ' ' | cut -d' ' -f1-$CPUS
}

every_cpu_runs() {
	local cpu=0 state
	while [ $cpu -lt $CPUS ]; do
		read state <$SYSFS/cpus/$cpu/state || return 1
		[ "$state" = 0 ] || { echo "cpu$cpu state $state"; return 1; }
		taskset -c $cpu /bin/cpuid-leaf >/dev/null || { echo "cpu$cpu: no leaf"; return 1; }
		cpu=$((cpu + 1))
	done
}

check insmod insmod /lib/modules/warden.ko test_nmi_window_spin=${SPIN:-0} test_lint1_nmi=1
BEFORE=$(nmi_counts)
echo "NMIs before: $BEFORE (window spin ${SPIN:-0})"
echo "WARDEN-NMI-STORM: start"
sleep 1

step cycles-under-nmi-storm
i=1
bad=""
while [ $i -le 20 ]; do
	warden enable $CONFIG >/tmp/out 2>&1 || { bad="$bad enable#$i:$(cat /tmp/out)"; break; }
	every_cpu_runs >/tmp/why || bad="$bad cycle#$i:$(cat /tmp/why)"
	warden disable >/tmp/out 2>&1 || { bad="$bad disable#$i:$(cat /tmp/out)"; break; }
	if [ $((i % 4)) = 0 ]; then
		# Refused on every CPU after each has entered: all take the undo path.
		warden enable /etc/warden/missing-cpu.cell >/tmp/out 2>&1 &&
			bad="$bad refusal#$i:enabled"
		grep -q "not in the root cell" /tmp/out || bad="$bad refusal#$i:$(cat /tmp/out)"
	fi
	i=$((i + 1))
done
echo "WARDEN-NMI-STORM: stop"
if [ -z "$bad" ]; then pass cycles-20-under-nmi-storm; else fail cycles-under-nmi-storm "$bad"; fi

AFTER=$(nmi_counts)
echo "NMIs after: $AFTER"
step nmis-reached-linux
cpu=1
missed=""
while [ $cpu -le $CPUS ]; do
	b=$(echo "$BEFORE" | cut -d' ' -f$cpu)
	a=$(echo "$AFTER" | cut -d' ' -f$cpu)
	[ "$a" -gt "$b" ] || missed="$missed cpu$((cpu - 1)):$b->$a"
	cpu=$((cpu + 1))
done
if [ -z "$missed" ]; then pass nmis-reached-linux-on-every-cpu; else
	fail nmis-reached-linux "no NMI seen on$missed"; fi

check not-enabled test "$(cat $SYSFS/enabled)" = 0
cpu=0
while [ $cpu -lt $CPUS ]; do
	check cpu$cpu-runs-a-process taskset -c $cpu sh -c 'echo alive | md5sum >/dev/null'
	cpu=$((cpu + 1))
done
check enable-after-storm warden enable $CONFIG
check every-cpu-after-storm every_cpu_runs

# This boot runs the test image of the hypervisor: its probes show what no
# guest can see of the hypervisor's own page tables.
PROBE=/sys/module/warden/parameters/test_probe
probe() {	# probe CPU OPERATION ARGUMENT: the result, run on CPU
	taskset -c $1 sh -c "echo '$2 $3' >$PROBE && cat $PROBE"
}
expect_eq own-percpu-area-writable 0 "$(probe 0 1 0)"
expect_eq other-percpu-area-read-only -14 "$(probe 0 1 2)"
expect_eq other-percpu-area-read-only-from-cpu3 -14 "$(probe 3 1 1)"
expect_eq stack-guard-unmapped -14 "$(probe 1 2 0)"
# Leaf bits: present 1, writable 2, write-through 8, cache-disable 16.
expect_eq xapic-page-uncached 27 "$(probe 0 3 0xfee00000)"
expect_eq ram-write-back 3 "$(probe 0 3 0x1000000)"
expect_eq hpet-not-mapped -2 "$(probe 0 3 0xfed00000)"
expect_eq pci-window-not-mapped -2 "$(probe 0 3 0xc0000000)"
# #DB and #AC are intercepted on every CPU (issue 11, item 4): QEMU's TCG
# raises no #AC, so the intercept bits themselves are what can be checked.
for cpu in 0 1 2 3; do
	expect_eq db-ac-intercepted-cpu$cpu $(( (1 << 1) | (1 << 17) )) "$(probe $cpu 6 0)"
done

# NMIs into root Linux while the hypervisor runs (guest_nmi.c). A flood of
# NMI IPIs from CPU 0 to CPU 1, each sent once the one before was handled,
# so that most land while CPU 1 returns from its NMI handler: every one must
# be handled within 50 ms (one that waits goes in right after the handler's
# IRET, which the hypervisor single-steps, not at some later exit).
FLOOD=/sys/module/warden/parameters/test_nmi_flood
flood() {	# flood COUNT: "SENT HANDLED TIMEOUTS" of COUNT NMIs from CPU 0 to CPU 1
	taskset -c 0 sh -c "echo '1 $1' >$FLOOD" && cat $FLOOD
}
expect_eq nmi-flood-all-handled-in-time "20000 20000 0" "$(flood 20000)"
# Then the race of a CI run, made certain by the test image: an NMI sent to
# CPU 1 during each of its next 1000 IRET exits, taken at the VMRUN that
# resumes the IRET. Injected there, it hit Linux's NMI return path and
# corrupted its NMI stack (an Oops); it must wait until the IRET has run.
expect_eq nmi-at-iret-armed 0 "$(probe 1 7 1000)"
set -- $(flood 2000)
if [ "$1" = 2000 ] && [ "$3" = 0 ] && [ "$2" -gt 2000 ]; then
	pass nmi-during-iret-exit
else
	fail nmi-during-iret-exit "sent, handled, late: $*; want 2000, more (the IRET NMIs), 0"
fi
expect_eq nmi-at-iret-disarmed 0 "$(probe 1 7 0)"
check cpu1-after-nmi-floods taskset -c 1 sh -c 'echo alive | md5sum >/dev/null'
check disable-after-storm warden disable
check rmmod rmmod warden
done_all
