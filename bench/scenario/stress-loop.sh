#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Bounded stress loop for bench/compare's "root Linux loaded" runs (installed in the guest as
# /bin/warden-stress): fork/exec, pipe and /proc work in the kernel, until the file STOP exists or
# ROUNDS rounds are done. Usage: warden-stress STOP ROUNDS
stop=$1 rounds=$2 n=0
while [ ! -e "$stop" ] && [ "$n" -lt "$rounds" ]; do
	dd if=/dev/zero of=/dev/null bs=4096 count=64 2>/dev/null
	cat /proc/interrupts /proc/stat >/dev/null
	n=$((n + 1))
done
echo "$n" >"$stop.rounds.$$"
