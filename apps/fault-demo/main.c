// SPDX-License-Identifier: GPL-2.0-only
/*
 * fault-demo: reads an address outside the identity map (everything above
 * 4 GiB is unmapped) and so provokes a page fault. The SDK's exception
 * handler reports vector, error code, RIP and CR2, sets the cell state to
 * "failed" and stops; test_expect_fault() makes the expected fault a
 * passed check.
 */
#include <inmate/inmate.h>

#define UNMAPPED_ADDRESS	0x123456789000ull
#define VECTOR_PAGE_FAULT	14

void inmate_main(void)
{
	volatile uint64_t *pointer = (volatile uint64_t *)UNMAPPED_ADDRESS;

	test_step("page-fault");
	printk("fault-demo: reading 0x%llx\n", UNMAPPED_ADDRESS);
	test_expect_fault("page-fault-reported", VECTOR_PAGE_FAULT, UNMAPPED_ADDRESS);
	(void)*pointer;
	test_fail("page-fault-reported", "the read of 0x%llx did not fault", UNMAPPED_ADDRESS);
	test_done();
}
