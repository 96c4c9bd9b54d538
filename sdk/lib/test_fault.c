// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * test_expect_fault() (inmate/test.h): the next exception is expected. The
 * arch's exception report calls test_fault_judge() after printing the
 * report as usual; an expected fault becomes a passed (or, with another
 * vector or address, a failed) check and the run ends with test_done().
 * What "vector" and "address" are is the arch's: x86 the exception vector
 * and CR2 (for #PF), ARM64 the exception class ESR_EL1.EC and FAR_EL1 (for
 * the aborts).
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

static struct {
	const char *name;
	unsigned int vector;
	uint64_t address_low, address_high;
} expected_fault;

void test_expect_fault_in(const char *name, unsigned int vector, uint64_t cr2_low,
			  uint64_t cr2_high)
{
	expected_fault.vector = vector;
	expected_fault.address_low = cr2_low;
	expected_fault.address_high = cr2_high;
	expected_fault.name = name;
}

void test_expect_fault(const char *name, unsigned int vector, uint64_t cr2)
{
	test_expect_fault_in(name, vector, cr2, cr2);
}

void test_fault_judge(unsigned int vector, bool has_address, uint64_t address)
{
	const char *name = expected_fault.name;

	if (!name)
		return;
	expected_fault.name = NULL;
	if (vector != expected_fault.vector)
		test_fail(name, "vector %u, expected %u", vector, expected_fault.vector);
	else if (has_address &&
		 (address < expected_fault.address_low || address > expected_fault.address_high))
		test_fail(name, "fault address 0x%llx, expected 0x%llx-0x%llx",
			  (unsigned long long)address,
			  (unsigned long long)expected_fault.address_low,
			  (unsigned long long)expected_fault.address_high);
	else
		test_pass(name);
	test_done();
}
