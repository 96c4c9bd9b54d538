// SPDX-License-Identifier: GPL-2.0-only
/*
 * libc-checks: newlib in an inmate against the host's glibc and libm
 * (expected.c): printf/snprintf formatting, a malloc/free/realloc stress,
 * libm accuracy. Markers: docs/platform.md; run-checks compares the printf
 * lines with the host's afterwards.
 */
#include <inmate/inmate.h>
#include "checks.h"

void inmate_main(void)
{
	check_format();
	check_malloc();
	check_math();
	test_done();
}
