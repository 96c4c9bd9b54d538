#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# config.host-create: `warden config create` and `config check --live` on a fake machine tree
# (fake-machine.sh): what create finds (memmap, ACPI tables, PCI), that its output builds and
# passes --live, and that --live and create refuse a machine that does not fit.
# Usage: host-create.sh WARDEN WORK_DIR
set -uo pipefail
W=$1 WORK=$2
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$WORK"
failures=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect_text NAME TEXT FILE: FILE contains TEXT
expect_text() { if grep -qF -- "$2" "$3"; then ok "$1"; else bad "$1: no '$2' in $3:"; cat "$3"; fi; }
# refused NAME TEXT CMD...: CMD exits 1 and says TEXT
refused() {
	local name=$1 text=$2 rc
	shift 2
	"$@" >"$WORK/out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -qF -- "$text" "$WORK/out"; then
		ok "$name: $(grep -F -- "$text" "$WORK/out" | head -n 1)"
	else
		bad "$name: exit $rc, want 1 with '$text':"; cat "$WORK/out"
	fi
}

M=$WORK/machine
"$HERE/fake-machine.sh" "$M"
if "$W" config create --sysroot "$M" -o "$WORK/created.dts" --output-binary "$WORK/created.cell" \
	2>"$WORK/create.err"; then
	ok "create"
else
	bad "create failed:"; cat "$WORK/create.err"
fi
D=$WORK/created.dts
expect_text "hypervisor memory from memmap=" "phys-start = <0x30000000>;" "$D"
expect_text "cells' area in the root cell" "phys-start = <0x31000000>;" "$D"
expect_text "IOAPIC from the MADT" "address = <0xfec00000>;" "$D"
expect_text "IOAPIC source ID from the DMAR" "source-id = <0xf0f8>;" "$D"
expect_text "VT-d unit from the DMAR" "base = <0xfed90000>;" "$D"
expect_text "MMCONFIG from the MCFG" "mmconfig-base = <0xb0000000>;" "$D"
expect_text "PM timer from the FADT" "pm-timer-port = <0x608>;" "$D"
expect_text "x2APIC from cpuinfo" 'apic-mode = "x2apic";' "$D"
expect_text "AHCI MSI capability" "msi-vectors = <0x1>;" "$D"
expect_text "AHCI BAR masks" "bar-mask = <0x00000000 0x00000000 0x00000000 0x00000000 0xffffffe0 0xfffff000>;" "$D"
expect_text "AHCI BAR as an I/O region" "phys-start = <0xfebff000>;" "$D"
if grep -qE 'phys-start = <0x(fee00000|fec00000|b0000000|30000000)>;' \
	<(sed -n '/root-cell/,$p' "$D"); then
	bad "a root region starts at a window or the hypervisor memory"
else
	ok "windows and hypervisor memory cut out of the root cell"
fi
"$W" config build "$D" -o "$WORK/rebuilt.cell" && cmp "$WORK/rebuilt.cell" "$WORK/created.cell" &&
	ok "the DTS builds into the binary create wrote" || bad "DTS and binary differ"
"$W" config check "$WORK/created.cell" --live --sysroot "$M" >"$WORK/out" 2>&1 &&
	ok "check --live passes" || { bad "check --live:"; cat "$WORK/out"; }

# Derived cells: one that fits, one that wants CPU 0.
if "$W" config cell "$WORK/created.cell" --name probe --cpus 3 --mem 1M --pio 0x2f8:8 --pin 3 \
	-o "$WORK/probe.dts" --output-binary "$WORK/probe.cell" 2>"$WORK/out" &&
	"$W" config check "$WORK/created.cell" "$WORK/probe.cell" --live --sysroot "$M" >>"$WORK/out" 2>&1; then
	ok "derived cell passes check --live"
else
	bad "derived cell:"; cat "$WORK/out"
fi
expect_text "derived cell RAM from the cells' area" "phys-start = <0x31000000>;" "$WORK/probe.dts"
refused "derived cell with CPU 0" "cpus: CPU 0 cannot be given away" \
	"$W" config cell "$WORK/created.cell" --name greedy --cpus 0-1 --mem 1M -o "$WORK/greedy.dts"

# A machine that does not fit the config: each must be refused by --live.
cp -r "$M" "$WORK/ram"
sed -i 's/^30000000-37ffffff : Reserved/30000000-37ffffff : System RAM/' "$WORK/ram/proc/iomem"
refused "hypervisor memory used by Linux" "overlaps Linux's System RAM 0x30000000-0x37ffffff" \
	"$W" config check "$WORK/created.cell" --live --sysroot "$WORK/ram"
cp -r "$M" "$WORK/cpus"
echo 0-4 >"$WORK/cpus/sys/devices/system/cpu/online"
refused "online CPU not the root cell's" "CPU 4 is online in Linux but not in the root cell" \
	"$W" config check "$WORK/created.cell" --live --sysroot "$WORK/cpus"
cp -r "$M" "$WORK/pci"
cp -r "$WORK/pci/sys/bus/pci/devices/0000:00:00.0" "$WORK/pci/sys/bus/pci/devices/0000:00:02.0"
refused "PCI device not in the root cell" "PCI device 0000:00:02.0 is in sysfs but not in the root cell" \
	"$W" config check "$WORK/created.cell" --live --sysroot "$WORK/pci"
cp -r "$M" "$WORK/newram"
echo "40000000-4fffffff : System RAM" >>"$WORK/newram/proc/iomem"
refused "RAM the root cell lacks" "System RAM 0x40000000-0x4fffffff in /proc/iomem is not all in its memory regions" \
	"$W" config check "$WORK/created.cell" --live --sysroot "$WORK/newram"
"$W" config cell "$WORK/created.cell" --name thief --cpus 2 --mem 1M --pio 0x3e8:8 \
	--output-binary "$WORK/thief.cell" >/dev/null
refused "cell taking the console's port" "takes port 0x3e8 of Linux's console ttyS2" \
	"$W" config check "$WORK/created.cell" "$WORK/thief.cell" --live --sysroot "$M"
cp -r "$M" "$WORK/nomemmap"
echo "console=ttyS2" >"$WORK/nomemmap/proc/cmdline"
refused "create without memmap=" "no memmap=SIZE\$ADDRESS on the kernel command line" \
	"$W" config create --sysroot "$WORK/nomemmap" -o "$WORK/nomemmap.dts"

[ $failures -eq 0 ] && echo "all checks passed" || echo "$failures check(s) failed"
[ $failures -eq 0 ]
