#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Multi-CPU cells and Jailhouse's own inmates, unchanged (issue 12, "Reset
# state and the Jailhouse cell ABI"), in one boot: Jailhouse's tiny-demo in
# the 1-CPU cell jailhouse-tiny (CPU 1), then Jailhouse's smp-demo in the
# 3-CPU smp-cell (CPUs 1-3: every CPU starts at 0 at once, the others count
# themselves and halt, the first restarts them by INIT/SIPI), then the SDK's
# smp-demo in the same cell. All three print on COM4, one after the other:
# run-smp-cells-test checks com4.log section by section. Root cannot read
# COM4, so the inmates also write to the hypervisor console (hypercall 8,
# Jailhouse's and the SDK's con-virtual), and root waits for their lines
# there before it destroys a cell.
. /lib/warden/guest-lib.sh

TINY=/etc/warden/jailhouse-tiny.cell
SMP=/etc/warden/smp-cell.cell
JAILHOUSE=/lib/jailhouse

console_count() {	# console_count TEXT: lines of the hypervisor console with TEXT
	warden console | grep -cF "$1"
}

# wait_console NAME TEXT COUNT: until TEXT is on the hypervisor console COUNT times (30 s at most).
wait_console() {
	local i=0 seen
	while [ $i -lt 120 ] && [ "$(console_count "$2")" -lt "$3" ]; do
		sleep 0.25
		i=$((i + 1))
	done
	seen=$(console_count "$2")
	if [ "$seen" -ge "$3" ]; then pass "$1"
	else fail "$1" "'$2' $seen times on the hypervisor console, $3 expected"; fi
}

each_cpu_runs() {
	for cpu in 0 1 2 3; do
		taskset -c $cpu sh -c 'echo alive | md5sum >/dev/null' || return 1
	done
}

# refused NAME EXPECTED CMD...: CMD fails and says EXPECTED.
refused() {
	local name=$1 expected=$2 out
	shift 2
	if out=$("$@" 2>&1); then fail "$name" "accepted: $out"
	elif echo "$out" | grep -qF "$expected"; then pass "$name"
	else fail "$name" "$out"; fi
}

check insmod insmod /lib/modules/warden.ko
check enable warden enable /etc/warden/qemu-q35.cell

step jailhouse-tiny-demo
check tiny-create warden cell create $TINY
expect_eq tiny-root-cpus "0,2-3" "$(cat /sys/devices/system/cpu/online)"
refused cmdline-256-refused \
	"cell 'jailhouse-tiny': the command line has 256 characters, more than the 255" \
	warden cell load jailhouse-tiny $JAILHOUSE/tiny-demo.bin -s "$(printf '%0256d' 0)"
check tiny-load warden cell load jailhouse-tiny $JAILHOUSE/tiny-demo.bin -s con-virtual
check tiny-start warden cell start jailhouse-tiny
wait_console tiny-demo-hello "Hello from this tiny cell!" 1
wait_console tiny-demo-pm-timer "PM Timer:" 2
check tiny-running sh -c "warden cell list | grep -q '^[0-9]* *jailhouse-tiny *running'"
check apic-rate-measured sh -c "warden console | grep -q 'local APIC timer: [1-9][0-9]* kHz'"
check tiny-destroy warden cell destroy jailhouse-tiny

step jailhouse-smp-demo
check smp-create warden cell create $SMP
expect_eq smp-root-cpus "0" "$(cat /sys/devices/system/cpu/online)"
check smp-load warden cell load smp-cell $JAILHOUSE/smp-demo.bin -s con-virtual
check smp-start warden cell start smp-cell
wait_console smp-demo-found-2 "Found 2 other CPU(s)" 1
wait_console smp-demo-hellos "Hello from CPU" 2
wait_console smp-demo-ipis "Received IPI on" 2
warden cell list
# The demo's CPUs halt now, the others where smp-demo left them.
check smp-destroy warden cell destroy smp-cell
expect_eq root-cpus-back "0-3" "$(cat /sys/devices/system/cpu/online)"
check each-cpu-runs-after-jailhouse-smp each_cpu_runs

step sdk-smp-demo
check sdk-create warden cell create $SMP
# The SDK's image keeps a page for its command line: a long one fits.
LONG="pings=10 timer-ticks=20 con-virtual padding=$(printf '%0250d' 0)"
refused long-cmdline-refused "cell 'smp-cell': the command line has 294 characters" \
	warden cell load smp-cell /lib/smp-demo.bin -s "$LONG"
check sdk-load warden cell load smp-cell /lib/smp-demo.bin -s "$LONG" --long-cmdline
check sdk-start warden cell start smp-cell
wait_console sdk-smp-demo-done "WARDEN-DONE" 1
check sdk-smp-demo-no-failure sh -c "! warden console | grep -q 'WARDEN-FAIL'"
check sdk-destroy warden cell destroy smp-cell
expect_eq root-cpus-back-again "0-3" "$(cat /sys/devices/system/cpu/online)"
check each-cpu-runs-after-sdk-smp each_cpu_runs

# A destroy must reach every CPU of a cell, whatever it does. Two tiny
# real-mode images, written here byte by byte, run on all three CPUs at once.
# One: the CPU with APIC ID 2 halts; the others send it INIT (x2APIC ICR, MSR
# 0x830) and halt, so that it waits for a SIPI that never comes:
#   mov $0x802,%ecx; rdmsr; cmp $2,%eax; je 1f
#   mov $0x830,%ecx; mov $0x4500,%eax; mov $2,%edx; wrmsr
#   1: cli; 2: hlt; jmp 2b
# The other triple-faults on each CPU (an empty IDT, then INT3).
printf '\146\271\002\010\000\000\017\062\146\203\370\002\164\024' >/tmp/init-no-sipi.bin
printf '\146\271\060\010\000\000\146\270\000\105\000\000\146\272\002\000\000\000' \
	>>/tmp/init-no-sipi.bin
printf '\017\060\372\364\353\375' >>/tmp/init-no-sipi.bin
printf '\017\001\036\040\000\314\364\353\375' >/tmp/triple-fault.bin
dd if=/dev/zero bs=1 count=31 2>/dev/null >>/tmp/triple-fault.bin
step cpu-waiting-for-sipi
check init-create warden cell create $SMP
check init-load warden cell load smp-cell /tmp/init-no-sipi.bin
INITS=/sys/devices/warden/cpus/2/vmexits_init_sipi
inits_before=$(cat $INITS)
check init-start warden cell start smp-cell
i=0
while [ $i -lt 80 ] && [ "$(cat $INITS)" -le "$inits_before" ]; do sleep 0.25; i=$((i + 1)); done
check cpu2-took-init test "$(cat $INITS)" -gt "$inits_before"
check init-not-dropped sh -c "! warden console | grep -q 'INIT to APIC 2 dropped'"
check init-destroy warden cell destroy smp-cell
expect_eq root-cpus-back-after-init "0-3" "$(cat /sys/devices/system/cpu/online)"
check each-cpu-runs-after-init each_cpu_runs

step all-cpus-triple-fault
check fault-create warden cell create $SMP
check fault-load warden cell load smp-cell /tmp/triple-fault.bin
check fault-start warden cell start smp-cell
wait_console three-cpus-failed "cell 'smp-cell' failed: the guest triple-faulted" 3
check fault-listed-failed sh -c "warden cell list | grep -q 'smp-cell *failed'"
check fault-destroy warden cell destroy smp-cell
expect_eq root-cpus-back-after-fault "0-3" "$(cat /sys/devices/system/cpu/online)"
check each-cpu-runs-after-fault each_cpu_runs

check disable warden disable
# The hypervisor console, with the inmates' markers defused (the harness reads this log).
warden console | sed 's/WARDEN-/inmate-/' | tail -n 30
done_all
