#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Cells, the first part of issue 12, in one boot with the test image of the
# hypervisor: the irqlat cell takes CPU 3 from Linux and its 1 MiB at
# 0x31000000 from root's nested page tables; the SDK's hello inmate is loaded
# with a command line and started (run-cells-test checks what it prints on
# COM2); destroying the cell gives CPU and memory back, the memory cleared.
# Refusals leave everything as it was; create/destroy cycles keep the pool at
# its baseline.
. /lib/warden/guest-lib.sh

SYSFS=/sys/devices/warden
CELL=/etc/warden/irqlat.cell
CELL_RAM=0x31000000
PROBE=/sys/module/warden/parameters/test_probe
ONLINE3=/sys/devices/system/cpu/cpu3/online

root_mapping() {	# root_mapping ADDRESS: leaf bits in root's nested tables, or -2
	echo "4 $1" >$PROBE && cat $PROBE
}

cpu3_in_root() {
	[ "$(cat $ONLINE3)" = 1 ] && taskset -c 3 /bin/cpuid-leaf >/dev/null &&
		[ "$(root_mapping $CELL_RAM)" = 3 ]
}

check insmod insmod /lib/modules/warden.ko
check enable warden enable /etc/warden/qemu-q35.cell
check devmem command -v devmem
devmem $CELL_RAM 32 0x5eed5eed
POOL_BEFORE=$(cat $SYSFS/mem_pool_used)

step create
if warden cell create $CELL; then pass create; else fail create "exit $?"; fi
expect_eq cpu3-offline 0 "$(cat $ONLINE3)"
expect_eq cell-cpu3-parked 3 "$(cat $SYSFS/cpus/3/state)"
check cell-listed sh -c "warden cell list | grep -q '^1 *irqlat *shut down *3 *-\$'"
check cell-listed-json sh -c "warden cell list --json | tr -d ' \n' | grep -q '\"cells\":\[{\"id\":1,\"name\":\"irqlat\",\"state\":\"shutdown\",\"cpus\":\"3\",\"failed_cpus\":\"\",\"failure\":null}\]'"
expect_eq cell-ram-left-root -2 "$(root_mapping $CELL_RAM)"
expect_eq cell-ram-end-left-root -2 "$(root_mapping 0x310ff000)"
expect_eq root-ram-beside-stays 3 "$(root_mapping 0x31100000)"
check cpu3-stays-offline sh -c "! echo 1 >$ONLINE3 2>/dev/null && dmesg | grep -q 'CPU 3 belongs to a cell'"
check created-on-console sh -c "warden console | grep -q \"cell 'irqlat' created (id 1)\""

# Refusals that change nothing.
step refusals
out=$(warden cell create $CELL 2>&1)
echo "$out"
if echo "$out" | grep -q "CPU 3 belongs to another cell"; then pass refuse-second-cell-on-cpu3
else fail refuse-second-cell-on-cpu3 "$out"; fi
out=$(warden disable 2>&1)
echo "$out"
if echo "$out" | grep -q "cells exist: destroy them first" && [ "$(cat $SYSFS/enabled)" = 1 ]
then pass refuse-disable-with-cell; else fail refuse-disable-with-cell "$out"; fi
out=$(warden cell destroy nosuchcell 2>&1)
if echo "$out" | grep -q "no cell named or numbered 'nosuchcell'"; then pass refuse-unknown-cell
else fail refuse-unknown-cell "$out"; fi
check still-one-cell sh -c "warden cell list | grep -c irqlat | grep -qx 1"

step load-and-start
check load warden cell load irqlat /lib/hello.bin -a 0 -s "greeting=hi-from-root"
check loadable-for-root sh -c "test \$(echo '4 $CELL_RAM' >$PROBE && cat $PROBE) = 3"
check start warden cell start irqlat
expect_eq loadable-gone-from-root -2 "$(root_mapping $CELL_RAM)"
check refuse-load-while-running sh -c "! warden cell load irqlat /lib/hello.bin 2>/tmp/err && grep -q 'it runs' /tmp/err"
step inmate-runs
# hello ends by writing its cell state: "shut down" when every check passed, "failed" otherwise.
i=0
while [ $i -lt 80 ] && [ "$(cat $SYSFS/cells/1/state)" = running ]; do sleep 0.25; i=$((i + 1)); done
exits=$(cat $SYSFS/cpus/3/vmexits_total)
echo "cpu 3 in the cell: $exits VM exits"
expect_eq inmate-ran-to-its-end "shut down" "$(cat $SYSFS/cells/1/state)"
if [ "$exits" -ge 10 ]; then pass inmate-ran-on-cpu3; else fail inmate-ran-on-cpu3 "$exits exits"; fi
sleep 2
warden cell list

step destroy
if warden cell destroy irqlat; then pass destroy; else fail destroy "exit $?"; fi
check cpu3-back-in-root cpu3_in_root
expect_eq cell-ram-cleared 0x00000000 "$(devmem $CELL_RAM 32)"
check no-cell-listed sh -c "! warden cell list | grep -q irqlat"
POOL_AFTER_FIRST=$(cat $SYSFS/mem_pool_used)
echo "pool: $POOL_BEFORE pages before the first cell, $POOL_AFTER_FIRST after it (split tables stay)"

# Faults end the cell, not root: three tiny real-mode images (written here,
# byte by byte). One writes at 0xffff:0x1010 = 0x101000, past the cell's
# RAM and comm region (the MOV at RIP 5); one sends the keyboard
# controller's reset command to port 0x64 (the OUT at RIP 2), a port the
# cell does not own; one loads an empty IDT and runs INT3 (a triple
# fault). Each: the cell fails with the reason on the hypervisor console
# and in its sysfs record, root Linux goes on, and the cell is destroyed
# and created again.
printf '\270\377\377\216\330\306\006\020\020\125\364\353\375' >/tmp/write-outside.bin
printf '\260\376\346\144\364\353\375' >/tmp/port-reset.bin
printf '\017\001\036\040\000\314\364\353\375' >/tmp/triple-fault.bin
dd if=/dev/zero bs=1 count=31 2>/dev/null >>/tmp/triple-fault.bin
fault_case() {	# fault_case NAME IMAGE CONSOLE-TEXT FAILURE-RECORD
	local name=$1 i=0 record
	step fault-$name
	warden cell create $CELL >/dev/null && warden cell load irqlat $2 >/dev/null &&
		warden cell start irqlat >/dev/null || { fail fault-$name "create/load/start"; return; }
	while [ $i -lt 40 ] && ! warden cell list | grep -q 'irqlat *failed'; do
		sleep 0.25; i=$((i + 1))
	done
	warden cell list
	record=$(cat $SYSFS/cells/1/failure)
	echo "failure record: $record"
	if ! warden cell list | grep -q 'irqlat *failed'; then fail fault-$name "cell not failed"
	elif ! warden cell list | grep -q 'irqlat *failed *3 *3$'; then
		fail fault-$name "CPU 3 not listed as failed"
	elif ! warden console | grep -q "cell 'irqlat' failed: $3"; then
		fail fault-$name "no '$3' on the hypervisor console"
	elif ! echo "$record" | grep -q "^$4"; then
		fail fault-$name "failure record '$record', expected '$4'"
	elif ! warden cell list | grep -q "^ *failure: $4"; then
		fail fault-$name "cell list does not show the failure '$4'"
	elif ! sh -c 'echo alive | md5sum >/dev/null'; then fail fault-$name "root does not answer"
	else pass fault-$name-fails-the-cell-only; fi
	check fault-$name-destroy warden cell destroy irqlat
	check fault-$name-cpu3-back cpu3_in_root
}
fault_case write-outside /tmp/write-outside.bin "access outside the cell's memory" \
	"access outside the cell's memory (address 101000) at RIP 5 on CPU 3"
fault_case port-reset /tmp/port-reset.bin "access to a port the cell does not own" \
	"access to a port the cell does not own (port 64) at RIP 2 on CPU 3"
fault_case triple-fault /tmp/triple-fault.bin "the guest triple-faulted" "the guest triple-faulted at RIP"
# An MSR outside the cell's allow list is not a fault: the write gets #GP,
# as hardware gives for an MSR it lacks, and the cell goes on. The image sets
# its real-mode IVT entry 13 to a handler that prints "#GP" on COM2 (checked
# by run-cells-test), then writes SYSCFG (0xc0010010) at RIP 0x1c.
step msr-gp-in-cell
printf '\061\300\216\330\307\006\064\000\041\000\307\006\066\000\000\000' >/tmp/msr-gp.bin
printf '\146\271\020\000\001\300\146\061\300\146\061\322\017\060\364\353\375' >>/tmp/msr-gp.bin
printf '\272\370\002\260\043\356\260\107\356\260\120\356\260\012\356\364\353\375' >>/tmp/msr-gp.bin
if warden cell run $CELL /tmp/msr-gp.bin; then
	sleep 2
	expect_eq msr-gp-cell-still-running running "$(cat $SYSFS/cells/1/state)"
	check msr-gp-refusal-on-console sh -c "warden console | grep -q \"cell 'irqlat': write of MSR c0010010 (value 0) at RIP 1c refused\""
	check msr-gp-destroy warden cell destroy irqlat
else
	fail msr-gp-run "exit $?"
fi
# A cell may disable its local APIC (a legal IA32_APIC_BASE write: EN and
# EXTD cleared, then HLT); it must still be reachable for destroy, which
# reaches its CPU by NMI (a globally disabled APIC takes none: root hung here).
step apic-disabled-cell
printf '\146\271\033\000\000\000\017\062\146\045\377\363\377\377\017\060\364\353\375' >/tmp/apic-off.bin
if warden cell run $CELL /tmp/apic-off.bin; then
	sleep 1
	expect_eq apic-disabled-cell-running running "$(cat $SYSFS/cells/1/state)"
	check apic-disabled-cell-destroy warden cell destroy irqlat
	check apic-disabled-cpu3-back cpu3_in_root
else
	fail apic-disabled-run "exit $?"
fi
check create-after-faults warden cell create $CELL
check destroy-after-faults warden cell destroy irqlat

# The baseline is taken after the first cycle: tables split then may stay.
# Each cycle creates the cell, loads a one-instruction image (HLT in a
# loop), starts it, waits until its CPU runs it and destroys it.
step cycles
printf '\364\353\375' >/tmp/halt.bin
CYCLES=${WARDEN_CELL_CYCLES:-200}
bad=""
i=1
start=$(date +%s)
while [ $i -le $CYCLES ]; do
	warden cell create $CELL >/dev/null || { bad="$bad create#$i"; break; }
	[ "$(cat $ONLINE3)" = 0 ] || bad="$bad cpu3-online#$i"
	warden cell load irqlat /tmp/halt.bin >/dev/null && warden cell start irqlat >/dev/null ||
		bad="$bad load-start#$i"
	[ "$(cat $SYSFS/cells/1/state)" = running ] || bad="$bad not-running#$i"
	warden cell destroy irqlat >/dev/null || { bad="$bad destroy#$i"; break; }
	cpu3_in_root || bad="$bad cpu3-not-back#$i"
	used=$(cat $SYSFS/mem_pool_used)
	[ "$used" = "$POOL_AFTER_FIRST" ] || bad="$bad pool#$i=$used"
	i=$((i + 1))
done
echo "pool after $CYCLES create/load/start/destroy cycles in $(( $(date +%s) - start )) s:" \
	"$(cat $SYSFS/mem_pool_used) pages (baseline $POOL_AFTER_FIRST)"
if [ -z "$bad" ]; then pass "cycles-$CYCLES-pool-$POOL_AFTER_FIRST"; else fail cycles "$bad"; fi
# Linux checks the local APIC of each CPU it brings up: nothing the cell (or
# root, before the CPU left) had pending or in service may be left there.
check no-stale-apic-state-on-return sh -c '! dmesg | grep -E "Stale IRR|stale ISR|APIC: .*ISR"'

check disable warden disable
check cpu3-runs-after-disable taskset -c 3 sh -c 'echo alive | md5sum >/dev/null'
warden console | tail -n 8
done_all
