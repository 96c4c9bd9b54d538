#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The debug console of a cell that may use it never splits a line of the
# hypervisor's (issue 11, item 8: the putc hypercall takes the console
# lock). A cell on CPU 1 (jailhouse-tiny's config, which allows the debug
# console) loops on hypercall 8 with 'Z' from real mode (mov ax, 8;
# mov di, 'Z'; vmmcall; jmp back) while root makes the hypervisor print
# create and destroy lines of the irqlat cell on CPU 3; run-console-flood-test
# reads COM1: Zs next to those lines, never inside one. Without icount, so
# that the CPUs really run at once (docs/isolation.md).
. /lib/warden/guest-lib.sh

CELL=/etc/warden/irqlat.cell
check insmod insmod /lib/modules/warden.ko
check enable warden enable /etc/warden/qemu-q35.cell
step putc-flood
printf '\270\010\000\277\132\000\017\001\331\353\365' >/tmp/putc-flood.bin
if warden cell run /etc/warden/jailhouse-tiny.cell /tmp/putc-flood.bin; then
	echo "PUTC-FLOOD-BEGIN"
	i=0
	while [ $i -lt 24 ]; do
		warden cell create $CELL >/dev/null && warden cell destroy irqlat >/dev/null ||
			fail putc-flood-cycles "create/destroy #$i"
		i=$((i + 1))
	done
	echo "PUTC-FLOOD-END"
	check putc-flood-destroy warden cell destroy jailhouse-tiny
else
	fail putc-flood-run "exit $?"
fi
check disable warden disable
done_all
