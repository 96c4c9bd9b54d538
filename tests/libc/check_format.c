// SPDX-License-Identifier: GPL-2.0-only
/*
 * snprintf of every case must equal the host's output exactly (checked
 * here); printf prints every case as "printf-case NNN: output" for
 * run-checks to compare with the host's lines.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <inmate/inmate.h>
#include "checks.h"
#include "expected.h"
#include "format_cases.h"

/* printf (not snprintf) of case index, through stdout and write(). */
static void print_case(unsigned int index)
{
	unsigned int i = 0;

#define PRINT_RUN(format, type, value)						\
	if (index == i++)							\
		printf("printf-case %03u: " format "\n", index, (type)(value));
	FORMAT_CASES(PRINT_RUN)
#undef PRINT_RUN
}

void check_format(void)
{
	unsigned int i, count = format_case_count(), mismatches = 0;
	char text[512];
	int length;

	test_step("format");
	if (!TEST_CHECK("format-table", count == format_expected_count,
			"%u cases here, %u in the expected table", count, format_expected_count))
		return;
	for (i = 0; i < count; i++) {
		length = format_case(i, text, sizeof(text));
		if (length != (int)strlen(format_expected[i]) || strcmp(text, format_expected[i])) {
			printf("format case %u: newlib '%s' (%d), glibc '%s'\n", i, text, length,
			       format_expected[i]);
			mismatches++;
		}
	}
	printf("snprintf: %u cases, %u differ from glibc\n", count, mismatches);
	TEST_CHECK("snprintf-matches-glibc", mismatches == 0, "%u of %u cases differ",
		   mismatches, count);
	for (i = 0; i < count; i++)
		print_case(i);
	printf("printf-cases-end: %u\n", count);
	test_pass("printf-printed");
}
