#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Harness self-test: a kernel WARN splat after WARDEN-DONE, at KERN_WARNING (4) as the kernel's own __warn() prints
# it. The harness must show it on the console (loglevel) and fail the run, naming the line, though every check passed.
. /lib/warden/guest-lib.sh
check passing-check true
done_all
step warn-after-done
echo '<4>------------[ cut here ]------------' >/dev/kmsg
echo '<4>WARNING: CPU: 0 PID: 1 at drivers/warden/selftest.c:42 selftest_warn+0x1a/0x30' >/dev/kmsg
