// SPDX-License-Identifier: GPL-2.0-only
/*
 * io-probe PORT: what a denied port looks like from the root cell's user
 * space (ioperm gives the CPU's permission; the hypervisor's I/O map
 * denies the port). Prints two lines and exits 0 when both are as on
 * hardware with nothing behind the port:
 *   in32: RAX after a 32-bit IN with the upper half of RAX set must be
 *         0x00000000ffffffff (a 32-bit register write clears the upper half);
 *   insb: REP INSB must not be skipped silently: it gets #GP (SIGSEGV),
 *         since the hypervisor does not emulate the string forms.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/io.h>

static sigjmp_buf escape;

static void on_sigsegv(int signal)
{
	(void)signal;
	siglongjmp(escape, 1);
}

int main(int argc, char **argv)
{
	uint16_t port = argc > 1 ? (uint16_t)strtoul(argv[1], NULL, 0) : 0xcfc;
	uint64_t rax = 0x1234567800000000ULL, rcx = 4;
	volatile uint8_t buffer[8] = { 0 };
	void *destination = (void *)buffer;
	int ok = 1;

	if (ioperm(port & ~3, 4, 1)) {
		perror("io-probe: ioperm");
		return 2;
	}
	__asm__ volatile("inl %%dx, %%eax" : "+a"(rax) : "d"(port));
	printf("in32: port %#x gave RAX %#018llx\n", port, (unsigned long long)rax);
	if (rax != 0xffffffffULL)
		ok = 0;
	signal(SIGSEGV, on_sigsegv);
	if (sigsetjmp(escape, 1)) {
		printf("insb: #GP (SIGSEGV) as expected\n");
	} else {
		__asm__ volatile("rep insb" : "+c"(rcx), "+D"(destination) : "d"(port) : "memory");
		printf("insb: returned with RCX %llu: skipped without #GP\n",
		       (unsigned long long)rcx);
		ok = 0;
	}
	return ok ? 0 : 1;
}
