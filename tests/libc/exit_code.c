// SPDX-License-Identifier: GPL-2.0-only
/*
 * libc-exit: ends with _exit(3). run-exit checks that the inmate stopped
 * with cell state "failed" and that the harness saw exit code 3 (QEMU's
 * isa-debug-exit status (3 << 1) | 1 = 7).
 */
#include <stdio.h>
#include <unistd.h>
#include <inmate/inmate.h>

void inmate_main(void)
{
	printf("libc-exit: calling _exit(3)\n");
	_exit(3);
}
