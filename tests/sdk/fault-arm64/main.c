// SPDX-License-Identifier: GPL-2.0-only
/*
 * fault-arm64: test_expect_fault() on ARM64, where its "vector" is the exception class ESR_EL1.EC
 * and its address FAR_EL1. fault=data reads 512 GiB, beyond the 39-bit identity map (a translation
 * fault: data abort, EC 0x25, FAR the address); fault=undefined executes UDF (EC 0x00);
 * fault=wrong-address expects the data abort at another address, so the check must fail;
 * fault=stack-overflow recurses until its stack runs into the guard page below it: the data abort
 * there is reported all the same (exceptions run on their own stack, SP_EL1).
 */
#include <inmate/inmate.h>

#define EC_UNKNOWN	0x00
#define EC_DATA_ABORT	0x25
#define BEYOND_MAP	(512ull << 30)

/* 512-byte frames, well below the guard page's 4 KiB: none can step over it */
static unsigned int recurse(unsigned int depth)
{
	volatile uint8_t frame[512];

	frame[0] = (uint8_t)depth;
	frame[sizeof(frame) - 1] = (uint8_t)depth;
	return recurse(depth + 1) + frame[0] + frame[sizeof(frame) - 1];
}

void inmate_main(void)
{
	char fault[24] = "data";

	cmdline_get_string("fault", fault, sizeof(fault));
	test_step(fault);
	if (strcmp(fault, "stack-overflow") == 0) {
		uintptr_t guard = smp_stack_guard_page(0);

		if (!TEST_CHECK("guard-page", guard != 0, "CPU 0 has no guard page"))
			test_done();
		printk("fault-arm64: overflowing the %zu-byte stack, guard page at 0x%llx\n",
		       smp_stack_size(0), (unsigned long long)guard);
		test_expect_fault_in("stack-overflow-reported", EC_DATA_ABORT, guard, guard + 4095);
		printk("%u\n", recurse(0));
	} else if (strcmp(fault, "undefined") == 0) {
		test_expect_fault("undefined-instruction", EC_UNKNOWN, 0);
		__asm__ volatile("udf #0");
	} else {
		if (strcmp(fault, "wrong-address") == 0)
			test_expect_fault("data-abort", EC_DATA_ABORT, BEYOND_MAP + 8);
		else
			test_expect_fault("data-abort", EC_DATA_ABORT, BEYOND_MAP);
		(void)*(volatile uint64_t *)(uintptr_t)BEYOND_MAP;
	}
	test_fail(fault, "no exception");
	test_done();
}
