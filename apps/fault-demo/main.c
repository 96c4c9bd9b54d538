// SPDX-License-Identifier: GPL-2.0-only
/*
 * fault-demo: reads an address outside the identity map (everything above
 * 4 GiB is unmapped) and so provokes a page fault. The SDK's exception
 * handler reports vector, error code, RIP and CR2, sets the cell state to
 * "failed" and stops; test_expect_fault() makes the expected fault a
 * passed check. With fault=stack it overflows its stack instead: the
 * guard page below it faults, and the report still comes (it runs on a
 * stack of its own).
 */
#include <inmate/inmate.h>

#define UNMAPPED_ADDRESS	0x123456789000ull
#define VECTOR_PAGE_FAULT	14

/* Half a KiB per frame, for ever (not a tail call: the sum uses the frame).
 * Frames well below the guard page's 4 KiB: a bigger one could step over it
 * (GCC's -fstack-clash-protection probes such frames page by page). */
static __attribute__((noinline)) unsigned int recurse(unsigned int depth)
{
	volatile uint8_t frame[512];

	frame[0] = (uint8_t)depth;
	frame[sizeof(frame) - 1] = (uint8_t)depth;
	return recurse(depth + 1) + frame[0];
}

static void overflow_stack(void)
{
	uintptr_t guard = smp_stack_guard_page(0);

	test_step("stack-overflow");
	printk("fault-demo: overflowing the %zu-byte stack, guard page at 0x%llx\n",
	       smp_stack_size(0), (unsigned long long)guard);
	test_expect_fault_in("stack-overflow-reported", VECTOR_PAGE_FAULT, guard, guard + 4095);
	recurse(0);
	test_fail("stack-overflow-reported", "the recursion ended");
	test_done();
}

void inmate_main(void)
{
	volatile uint64_t *pointer = (volatile uint64_t *)UNMAPPED_ADDRESS;
	char mode[16] = "";

	if (cmdline_get_string("fault", mode, sizeof(mode)) && strcmp(mode, "stack") == 0)
		overflow_stack();

	test_step("page-fault");
	printk("fault-demo: reading 0x%llx\n", UNMAPPED_ADDRESS);
	test_expect_fault("page-fault-reported", VECTOR_PAGE_FAULT, UNMAPPED_ADDRESS);
	(void)*pointer;
	test_fail("page-fault-reported", "the read of 0x%llx did not fault", UNMAPPED_ADDRESS);
	test_done();
}
