// SPDX-License-Identifier: GPL-2.0-only
/*
 * xcr0-probe: prints this CPU's XCR0 (XGETBV works in user mode once the
 * kernel set CR4.OSXSAVE). The isolation suite runs it on a CPU a cell gave
 * back, and on one that never left root, and compares.
 */
#include <stdio.h>
#include <stdint.h>

int main(void)
{
	uint32_t low, high;

	__asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
	printf("%llx\n", (unsigned long long)high << 32 | low);
	return 0;
}
