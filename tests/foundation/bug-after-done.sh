#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Harness self-test: a kernel BUG line right after WARDEN-DONE, at KERN_ALERT (1) as the page-fault handler prints it.
# The harness must fail the run and name the line, though every check passed.
. /lib/warden/guest-lib.sh
check passing-check true
done_all
echo '<1>BUG: kernel NULL pointer dereference, address: 0000000000000008' >/dev/kmsg
