#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Writes a fake /proc and /sys tree for `warden config create/check --sysroot`: a q35-like machine
# with 4 CPUs, 1 GiB, memmap=128M$0x30000000, one IOAPIC, MMCONFIG, a PM timer, one VT-d unit, and
# two PCI functions (00:00.0 host bridge, 00:1f.2 AHCI with MSI). ACPI layouts: ACPI 6.5 5.2.6
# (header), 5.2.9 (FADT), 5.2.12 (MADT); PCI Firmware 3.3 (MCFG); Intel VT-d 4.1 ch. 8 (DMAR).
# Usage: fake-machine.sh DIR
set -euo pipefail
R=$1
rm -rf "$R"
mkdir -p "$R/proc" "$R/sys/devices/system/cpu" "$R/sys/class/tty/ttyS2" "$R/sys/firmware/acpi/tables"

le() { # VALUE BYTES: little-endian bytes as printf escapes
	local v=$1 n=$2 i out=
	for ((i = 0; i < n; i++)); do out+=$(printf '\\x%02x' $(((v >> (8 * i)) & 255))); done
	printf '%s' "$out"
}
emit() { printf "$@"; }
acpi_header() { # SIGNATURE LENGTH
	emit "$1"; emit "$(le "$2" 4)"; emit '\x01\x00'; emit 'WARDEN'; emit 'FAKETABL'
	emit "$(le 1 4)"; emit 'WRDN'; emit "$(le 1 4)"
}

cat >"$R/proc/iomem" <<'IOMEM'
00000000-00000fff : Reserved
00001000-0009fbff : System RAM
0009fc00-0009ffff : Reserved
000f0000-000fffff : Reserved
  000f0000-000fffff : System ROM
00100000-2fffffff : System RAM
  01000000-01ffffff : Kernel code
30000000-37ffffff : Reserved
38000000-3ffdffff : System RAM
3ffe0000-3fffffff : Reserved
b0000000-bfffffff : Reserved
  b0000000-bfffffff : PCI MMCONFIG 0000 [bus 00-ff]
c0000000-febfffff : PCI Bus 0000:00
  febff000-febfffff : 0000:00:1f.2
    febff000-febfffff : ahci
fec00000-fec003ff : IOAPIC 0
fed00000-fed003ff : HPET 0
fed90000-fed90fff : dmar0
fee00000-fee00fff : Local APIC
fffc0000-ffffffff : Reserved
IOMEM
cat >"$R/proc/ioports" <<'IOPORTS'
0000-0cf7 : PCI Bus 0000:00
  02f8-02ff : serial
  03e8-03ef : serial
  03f8-03ff : serial
  0600-067f : 0000:00:1f.0
    0608-060b : ACPI PM_TMR
0cf8-0cff : PCI conf1
IOPORTS
echo 'console=ttyS2,115200 memmap=128M$0x30000000 quiet' >"$R/proc/cmdline"
echo 'ttyS2                -W- (EC p a)    4:66' >"$R/proc/consoles"
printf 'processor\t: 0\nflags\t\t: fpu apic x2apic hypervisor\n' >"$R/proc/cpuinfo"
echo 0-3 >"$R/sys/devices/system/cpu/present"
echo 0-3 >"$R/sys/devices/system/cpu/online"
echo 0x3E8 >"$R/sys/class/tty/ttyS2/port"

T=$R/sys/firmware/acpi/tables
{ # MADT: local APIC address, flags, 4 local APICs, IOAPIC id 0 at 0xfec00000, GSI 0
	acpi_header APIC $((44 + 4 * 8 + 12)); emit "$(le 0xfee00000 4)$(le 1 4)"
	for cpu in 0 1 2 3; do emit "\\x00\\x08$(le $cpu 1)$(le $cpu 1)$(le 1 4)"; done
	emit "\\x01\\x0c\\x00\\x00$(le 0xfec00000 4)$(le 0 4)"
} >"$T/APIC"
{ # MCFG: one entry, segment 0, buses 0-255 at 0xb0000000
	acpi_header MCFG 60; emit "$(le 0 8)$(le 0xb0000000 8)$(le 0 2)\\x00\\xff$(le 0 4)"
} >"$T/MCFG"
{ # FADT: PM_TMR_BLK (offset 76) 0x608, flags (offset 112) without TMR_VAL_EXT
	acpi_header FACP 116; emit "$(le 0 40)"; emit "$(le 0x608 4)"; emit "$(le 0 32)"
	emit "$(le 0 4)"
} >"$T/FACP"
{ # DMAR: one DRHD at 0xfed90000 with an IOAPIC scope (id 0, 0xf0:1f.0)
	acpi_header DMAR $((48 + 16 + 8)); emit "\\x26\\x01$(le 0 10)"
	emit "$(le 0 2)$(le 24 2)\\x01\\x00$(le 0 2)$(le 0xfed90000 8)"
	emit "\\x03\\x08\\x00\\x00\\x00\\xf0\\x1f\\x00"
} >"$T/DMAR"

pci() { # NAME CLASS CONFIG-SPACE-BYTES RESOURCE-LINES
	local d=$R/sys/bus/pci/devices/$1
	mkdir -p "$d"
	echo 0x8086 >"$d/vendor"
	echo "$2" >"$d/class"
	printf "$3" >"$d/config"
	printf '%s\n' "${@:4}" >"$d/resource"
}
zero_bar='0x0000000000000000 0x0000000000000000 0x0000000000000000'
pci 0000:00:00.0 0x060000 "$(le 0x8086 2)$(le 0x29c0 2)$(le 0 252)" \
	"$zero_bar" "$zero_bar" "$zero_bar" "$zero_bar" "$zero_bar" "$zero_bar"
# AHCI: status has a capability list; 0x80 MSI (64-bit, next 0xa8), 0xa8 SATA (id 0x12).
ahci="$(le 0x8086 2)$(le 0x2922 2)$(le 0 2)$(le 0x10 2)$(le 0 44)$(le 0x80 1)$(le 0 75)"
ahci+="\\x05\\xa8$(le 0x80 2)$(le 0 36)\\x12\\x00$(le 0 86)"
pci 0000:00:1f.2 0x010601 "$ahci" \
	"$zero_bar" "$zero_bar" "$zero_bar" "$zero_bar" \
	'0x000000000000c040 0x000000000000c05f 0x0000000000040101' \
	'0x00000000febff000 0x00000000febfffff 0x0000000000040200'
