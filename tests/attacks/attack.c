// SPDX-License-Identifier: GPL-2.0-only
/*
 * attack: a hostile inmate for the isolation suite (docs/isolation.md).
 * Its command line names one attempt ("attempt=mem-write-root-ram"); it
 * says what it tries on its console, tries it, and ends as the attempt
 * expects when the hypervisor contains it:
 * - an access the hypervisor must stop never returns (the cell is failed
 *   with a reason root reads from sysfs); if it returns, that is printed
 *   and the inmate fails itself, which root tells apart (no failure record);
 * - an expected exception (#GP, #UD, #DB) is a passed check and the cell
 *   shuts down (test_expect_fault);
 * - a refused hypercall, a dropped IPI or an ignored write is checked here
 *   and the cell shuts down, or fails itself when the check fails;
 * - an attempt that stops the CPU for good leaves the cell running, for root
 *   to destroy.
 */
#include <inmate/inmate.h>
#include "attack.h"

#define VECTOR_DB	1
#define VECTOR_UD	6
#define VECTOR_GP	13

static const struct attempt *find_attempt(const char *name)
{
	unsigned int n;

	for (n = 0; n < num_attempts; n++)
		if (strcmp(attempts[n].name, name) == 0)
			return &attempts[n];
	return NULL;
}

static void expect_exception(const struct attempt *attempt)
{
	switch (attempt->expect) {
	case EXPECT_GP:
		test_expect_fault(attempt->name, VECTOR_GP, 0);
		break;
	case EXPECT_UD:
		test_expect_fault(attempt->name, VECTOR_UD, 0);
		break;
	case EXPECT_DEBUG:
		test_expect_fault(attempt->name, VECTOR_DB, 0);
		break;
	default:
		break;
	}
}

void inmate_main(void)
{
	const struct attempt *attempt;
	char name[48] = "";
	bool ok;

	if (!cmdline_get_string("attempt", name, sizeof(name)) || !(attempt = find_attempt(name))) {
		test_fail("attempt", "no attempt named '%s' (command line: attempt=NAME)", name);
		test_done();
	}
	test_step(attempt->name);
	printk("attack: %s (%s): %s\n", attempt->name, attempt->category, attempt->what);
	console_flush();
	expect_exception(attempt);
	ok = attempt->run(attempt);
	switch (attempt->expect) {
	case EXPECT_REFUSED:
	case EXPECT_IGNORED:
	case EXPECT_DROPPED:
		TEST_CHECK(attempt->name, ok, "not contained as expected (see above)");
		break;
	default:
		test_fail(attempt->name, "NOT STOPPED: the attempt returned");
		break;
	}
	test_done();
}
