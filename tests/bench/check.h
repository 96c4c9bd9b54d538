/* SPDX-License-Identifier: GPL-2.0-only */
/* Minimal assertions for the bench unit tests: file:line and the failing expression, counted. */
#ifndef TESTS_BENCH_CHECK_H
#define TESTS_BENCH_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		if (!(cond)) {                                                                   \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
			check_failures++;                                                        \
		}                                                                                \
	} while (0)

#define CHECK_U64(actual, expected)                                                         \
	do {                                                                                \
		uint64_t a_ = (actual), e_ = (expected);                                    \
		if (a_ != e_) {                                                             \
			fprintf(stderr, "%s:%d: %s is %" PRIu64 ", expected %" PRIu64 "\n", \
				__FILE__, __LINE__, #actual, a_, e_);                       \
			check_failures++;                                                   \
		}                                                                           \
	} while (0)

#define CHECK_STR(actual, expected)                                                         \
	do {                                                                                \
		const char *a_ = (actual), *e_ = (expected);                                \
		if (strcmp(a_, e_)) {                                                       \
			fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, \
				__LINE__, #actual, a_, e_);                                 \
			check_failures++;                                                   \
		}                                                                           \
	} while (0)

static inline int check_report(const char *name)
{
	if (check_failures) {
		fprintf(stderr, "%s: %d check(s) failed\n", name, check_failures);
		return 1;
	}
	printf("%s: all checks passed\n", name);
	return 0;
}

#endif /* TESTS_BENCH_CHECK_H */
