/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The host unit tests' one check: count it, print FAIL and what when it
 * does not hold; check_summary() prints the count and gives main()'s exit
 * status. One copy per test program (each is a single file plus the code
 * it tests).
 */
#ifndef SDK_HOST_CHECK_H
#define SDK_HOST_CHECK_H

#include <stdbool.h>
#include <stdio.h>

static int check_failures, check_cases;

static inline void expect(bool ok, const char *what)
{
	check_cases++;
	if (!ok) {
		check_failures++;
		printf("FAIL %s\n", what);
	}
}

static inline int check_summary(const char *program)
{
	printf("%s: %d of %d cases passed\n", program, check_cases - check_failures, check_cases);
	return check_failures ? 1 : 0;
}

#endif /* SDK_HOST_CHECK_H */
