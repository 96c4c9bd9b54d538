// SPDX-License-Identifier: GPL-2.0-only
/*
 * fault-arm64: test_expect_fault() on ARM64, where its "vector" is the exception class ESR_EL1.EC
 * and its address FAR_EL1. fault=data reads 512 GiB, beyond the 39-bit identity map (a translation
 * fault: data abort, EC 0x25, FAR the address); fault=undefined executes UDF (EC 0x00);
 * fault=wrong-address expects the data abort at another address, so the check must fail.
 */
#include <inmate/inmate.h>

#define EC_UNKNOWN	0x00
#define EC_DATA_ABORT	0x25
#define BEYOND_MAP	(512ull << 30)

void inmate_main(void)
{
	char fault[24] = "data";

	cmdline_get_string("fault", fault, sizeof(fault));
	test_step(fault);
	if (strcmp(fault, "undefined") == 0) {
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
