#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Root Linux may no longer reach a cell's CPUs (issue 12, "Interrupts from
# root"), in one boot: the irqlat cell runs irq-witness on CPU 3 (it counts
# every interrupt it receives, on COM2; run-root-irq-test reads that log).
# From root, through the driver's test hooks test_send_ipi and test_ioapic: a fixed IPI and an NMI to APIC 3, the shorthands "all
# excluding self" and "all including self" (fixed and NMI), the physical
# broadcast, a logical destination naming CPU 3, and IOAPIC redirection
# entries aimed at CPU 3 or at the cell's own pin. Each must be stopped:
# console lines, IOAPIC entries read back unchanged, no VM exit on CPU 3
# and nothing received by the cell. Root's own IPIs and entries still work.
. /lib/warden/guest-lib.sh

SYSFS=/sys/devices/warden
CELL=/etc/warden/irqlat.cell
IPI=/sys/module/warden/parameters/test_send_ipi
IOAPIC=/sys/module/warden/parameters/test_ioapic	# the IOAPIC at 0xfec00000
PIN7_LOW=0x1e		# redirection entry 7 (no device on q35): registers 0x10 + 2 * 7
PIN7_HIGH=0x1f
PIN3_LOW=0x16		# COM2's pin: the irqlat cell's (configs/x86/irqlat.dts)
# Vectors, one per attempt, so that the witness's report names the way in.
# Broadcasts use Linux's own IPI vectors (harmless on root's CPUs):
# reschedule 0xfd, call function 0xfc, call function single 0xfb.

ioapic_read() { echo $1 >$IOAPIC && cat $IOAPIC; }
ioapic_write() { echo "$1 $2" >$IOAPIC; }
ipi() { echo "$1 $2 $3" >$IPI; }	# ipi FROM-CPU ICR-LOW DESTINATION
exits3() { cat $SYSFS/cpus/3/vmexits_total; }
# Root's IOAPIC accesses so far (each one a VM exit).
ioapic_exits() {
	local n sum=0
	for n in 0 1 2 3; do sum=$((sum + $(cat $SYSFS/cpus/$n/vmexits_ioapic))); done
	echo $sum
}
# ipis_on CPU: reschedule and function-call interrupts CPU took so far.
ipis_on() { awk -v c=$(($1 + 2)) '$1 == "RES:" || $1 == "CAL:" { n += $c } END { print n }' /proc/interrupts; }
console_has() { warden console | grep -qF "$1"; }

dmesg | grep -iE "apic" | grep -v "Stale IRR" | head -n 8
check insmod insmod /lib/modules/warden.ko
check enable warden enable /etc/warden/qemu-q35.cell

# What the IOAPIC trap costs root: its accesses while idle and over a
# workload that moves CPUs (every one is a VM exit now).
step ioapic-cost
before=$(ioapic_exits)
sleep 5
idle=$(( $(ioapic_exits) - before ))
before=$(ioapic_exits)
for n in 1 2 3; do taskset -c $n sh -c 'echo x | md5sum' >/dev/null; done
echo 1 >/proc/sys/vm/drop_caches
work=$(( $(ioapic_exits) - before ))
echo "root's IOAPIC accesses (trapped): $idle in 5 s idle, $work over taskset on CPUs 1-3 and drop_caches"
PIN7_LOW_BEFORE=$(ioapic_read $PIN7_LOW)
PIN7_HIGH_BEFORE=$(ioapic_read $PIN7_HIGH)
expect_eq ioapic-read-forwarded 1 $(( (PIN7_LOW_BEFORE >> 16) & 1 ))	# Linux leaves it masked

step cell
before=$(ioapic_exits)
check create warden cell create $CELL
check load warden cell load irqlat /lib/irq-witness.bin -a 0
check start warden cell start irqlat
# The witness makes its few exits while it starts, then none: wait for that.
last=-1
i=0
while [ $i -lt 40 ] && [ "$(exits3)" != "$last" ]; do
	last=$(exits3); sleep 0.5; i=$((i + 1))
done
EXITS_BEFORE=$(exits3)
echo "cpu 3 in the cell: $EXITS_BEFORE VM exits once idle"
echo "root's IOAPIC accesses while the cell was created and started: $(( $(ioapic_exits) - before ))"

step ipis-to-the-cell
IPIS1=$(ipis_on 1) IPIS2=$(ipis_on 2)
ipi 0 0x4051 3 || fail send-ipi "test_send_ipi refused"	# fixed 0x51, physical APIC 3
ipi 0 0xc40fd 0						# fixed 0xfd, all excluding self
ipi 2 0x840fc 0						# fixed 0xfc, all including self
ipi 1 0x40fb 0xff					# fixed 0xfb, physical broadcast
ipi 0 0x4850 0x08					# fixed 0x50, logical 0x08 (flat: CPU 3)
sleep 0.5	# NMIs last: one that got through would end the witness
ipi 1 0x4400 3						# NMI, physical APIC 3
ipi 0 0xc4400 0						# NMI, all excluding self
sleep 1
check fixed-ipi-dropped-on-console console_has "IPI 4051 to APIC 3 dropped: CPU 3 belongs to cell 'irqlat'"
check nmi-dropped-on-console console_has "IPI 4400 to APIC 3 dropped: CPU 3 belongs to cell 'irqlat'"
# Root's own CPUs still get what was meant for them (the broadcasts, rewritten).
check cpu1-got-the-broadcasts test "$(ipis_on 1)" -ge $((IPIS1 + 3))
check cpu2-got-the-broadcasts test "$(ipis_on 2)" -ge $((IPIS2 + 3))
IPIS1=$(ipis_on 1)
ipi 0 0x40fd 1
sleep 0.2
check root-fixed-ipi-still-delivered test "$(ipis_on 1)" -gt "$IPIS1"

step ioapic-entries
# A masked entry may name CPU 3; unmasking it is what reaches the cell.
ioapic_write $PIN7_HIGH 0x03000000
ioapic_write $PIN7_LOW 0x000000ef
expect_eq ioapic-physical-to-cpu3-refused $PIN7_LOW_BEFORE "$(ioapic_read $PIN7_LOW)"
check ioapic-physical-refusal-on-console console_has "pin 7 entry 3000000000000ef refused: its destination reaches CPU 3 of cell 'irqlat'"
ioapic_write $PIN7_HIGH 0x08000000
ioapic_write $PIN7_LOW 0x000008ef
expect_eq ioapic-logical-to-cpu3-refused $PIN7_LOW_BEFORE "$(ioapic_read $PIN7_LOW)"
PIN3=$(ioapic_read $PIN3_LOW)
ioapic_write $PIN3_LOW $(( PIN3 ^ 0x1 ))
expect_eq ioapic-cell-pin-refused $PIN3 "$(ioapic_read $PIN3_LOW)"
check ioapic-cell-pin-refusal-on-console console_has "pin 3 entry"
# Root's own: physical CPU 0, unmasked (no device drives pin 7), then as it was.
ioapic_write $PIN7_HIGH 0x00000000
ioapic_write $PIN7_LOW 0x000000ef
expect_eq ioapic-root-entry-written 0x000000ef "$(ioapic_read $PIN7_LOW)"
ioapic_write $PIN7_LOW $PIN7_LOW_BEFORE
ioapic_write $PIN7_HIGH $PIN7_HIGH_BEFORE

step cell-untouched
sleep 1
expect_eq cpu3-exits-unchanged "$EXITS_BEFORE" "$(exits3)"
check cell-still-running sh -c "warden cell list | grep -q '^1 *irqlat *running'"
check root-works sh -c 'for n in 0 1 2; do taskset -c $n sh -c "echo x | md5sum" >/dev/null || exit 1; done; echo 1 >/proc/sys/vm/drop_caches'
warden cell list
warden cell stats irqlat 2>/dev/null | head -n 20

step after-destroy
before=$(ioapic_exits)
check destroy warden cell destroy irqlat
echo "root's IOAPIC accesses while the cell was destroyed and CPU 3 came back: $(( $(ioapic_exits) - before ))"
# No cells: root's entries and IPIs go out as written (the fast path).
ioapic_write $PIN7_HIGH 0x03000000
ioapic_write $PIN7_LOW 0x000000ef
expect_eq ioapic-cpu3-allowed-without-cells 0x000000ef "$(ioapic_read $PIN7_LOW)"
ioapic_write $PIN7_LOW $PIN7_LOW_BEFORE
ioapic_write $PIN7_HIGH $PIN7_HIGH_BEFORE
check cpu3-runs-again taskset -c 3 sh -c 'echo x | md5sum'
check disable warden disable
warden console | grep -E "dropped|refused" | head -n 20
done_all
