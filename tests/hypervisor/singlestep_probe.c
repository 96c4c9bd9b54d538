// SPDX-License-Identifier: GPL-2.0-only
/*
 * singlestep-probe N: single-steps N loop iterations with RFLAGS.TF and
 * counts the SIGTRAPs. With #DB intercepted by the hypervisor and
 * reinjected, debugging must still work: exit 0 when at least N traps
 * arrived, 1 otherwise. Prints the count.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static volatile unsigned long traps;

static void on_sigtrap(int signal, siginfo_t *info, void *context)
{
	(void)signal;
	(void)info;
	(void)context;
	traps++;
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 1000, i = n;
	struct sigaction action = { .sa_sigaction = on_sigtrap, .sa_flags = SA_SIGINFO };

	sigaction(SIGTRAP, &action, NULL);
	/* Set TF, run the loop (one trap per instruction), clear TF. */
	__asm__ volatile("pushfq\n\torq $0x100, (%%rsp)\n\tpopfq\n"
			 "1:\tdec %0\n\tjnz 1b\n"
			 "\tpushfq\n\tandq $~0x100, (%%rsp)\n\tpopfq"
			 : "+r"(i) : : "cc", "memory");
	printf("singlestep-probe: %lu traps for %lu iterations\n", traps, n);
	return traps >= n ? 0 : 1;
}
