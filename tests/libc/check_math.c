// SPDX-License-Identifier: GPL-2.0-only
/*
 * libm against the host's libm: every case within 1 ulp (units in the last
 * place, counted on the ordered bit patterns); the worst case is printed.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inmate/inmate.h>
#include "checks.h"
#include "expected.h"
#include "math_cases.h"

#define MAX_ULPS 1

/* IEEE 754 bit patterns as integers that order like the values. */
static int64_t ordered64(uint64_t bits)
{
	return (bits >> 63) ? -(int64_t)(bits & ~(1ull << 63)) : (int64_t)bits;
}

static int64_t ordered32(uint32_t bits)
{
	return (bits >> 31) ? -(int64_t)(bits & ~(1u << 31)) : (int64_t)bits;
}

static uint64_t ulps_double(double got, uint64_t expected)
{
	uint64_t bits;

	memcpy(&bits, &got, sizeof(bits));
	return (uint64_t)llabs(ordered64(bits) - ordered64(expected));
}

static uint64_t ulps_float(float got, uint32_t expected)
{
	uint32_t bits;

	memcpy(&bits, &got, sizeof(bits));
	return (uint64_t)llabs(ordered32(bits) - ordered32(expected));
}

struct worst {
	uint64_t ulps;
	unsigned int index;
	double got;
};

static void report(const char *kind, const struct worst *worst, unsigned int count,
		   unsigned int inexact)
{
	char name[128];

	math_case(worst->index, name, sizeof(name));
	printf("libm %s: %u cases, %u not bit-exact; worst %llu ulp: %s = %.17g (newlib)\n",
	       kind, count, inexact, (unsigned long long)worst->ulps, name, worst->got);
}

void check_math(void)
{
	unsigned int doubles = math_case_count(false), floats = math_case_count(true), i;
	unsigned int inexact = 0, inexact_float = 0;
	struct worst worst = { 0 }, worst_float = { 0 };
	char name[128];

	test_step("math");
	if (!TEST_CHECK("math-table", doubles == math_expected_count &&
			floats == mathf_expected_count, "case counts differ from the expected table"))
		return;
	for (i = 0; i < doubles; i++) {
		double got = math_case(i, name, sizeof(name));
		uint64_t ulps = ulps_double(got, math_expected[i]);

		inexact += ulps != 0;
		if (ulps >= worst.ulps)
			worst = (struct worst){ ulps, i, got };
	}
	for (i = 0; i < floats; i++) {
		float got = (float)math_case(doubles + i, name, sizeof(name));
		uint64_t ulps = ulps_float(got, mathf_expected[i]);

		inexact_float += ulps != 0;
		if (ulps >= worst_float.ulps)
			worst_float = (struct worst){ ulps, doubles + i, got };
	}
	report("double", &worst, doubles, inexact);
	report("float", &worst_float, floats, inexact_float);
	TEST_CHECK("libm-double-within-1-ulp", worst.ulps <= MAX_ULPS, "worst case %llu ulp",
		   (unsigned long long)worst.ulps);
	TEST_CHECK("libm-float-within-1-ulp", worst_float.ulps <= MAX_ULPS, "worst case %llu ulp",
		   (unsigned long long)worst_float.ulps);
}
