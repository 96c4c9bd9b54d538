#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Foundation scenario: root Linux boots on the test machine with the reserved memory and all CPUs.
. /lib/warden/guest-lib.sh

step reserved-memory
# memmap=128M$0x30000000 must appear as a "Reserved" range in /proc/iomem (docs/platform.md).
if grep -qi '^30000000-37ffffff : Reserved' /proc/iomem; then
	pass reserved-memory
else
	fail reserved-memory "no '30000000-37ffffff : Reserved' in /proc/iomem: $(grep -i 3[0-7]...... /proc/iomem | head -n 3 | tr '\n' ' ')"
fi

step cpus-online
expect_eq cpus-online "0-3" "$(cat /sys/devices/system/cpu/online)"

step memmap-on-cmdline
case "$(cat /proc/cmdline)" in
*'memmap=128M$0x30000000'*) pass memmap-on-cmdline ;;
*) fail memmap-on-cmdline "kernel command line: $(cat /proc/cmdline)" ;;
esac

done_all
