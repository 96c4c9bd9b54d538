// SPDX-License-Identifier: GPL-2.0-only
/*
 * user-vmmcall: executes VMMCALL with the DISABLE code from user space.
 * The hypervisor must refuse it like the CPU does without a hypervisor:
 * with #UD (SIGILL). Exit 0 when SIGILL arrived, 1 when VMMCALL returned.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void on_sigill(int signal)
{
	(void)signal;
	static const char text[] = "user-vmmcall: #UD as expected\n";

	write(1, text, sizeof(text) - 1);
	_exit(0);
}

int main(void)
{
	long result = 0;	/* WARDEN_HC_DISABLE */

	signal(SIGILL, on_sigill);
	__asm__ volatile("vmmcall" : "+a"(result) : : "memory");
	printf("user-vmmcall: VMMCALL returned %ld: user space reached the hypervisor\n", result);
	return 1;
}
