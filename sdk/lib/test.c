// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Test markers for the QEMU harness (docs/platform.md). */
#include <inmate/inmate.h>

static unsigned int failures;

void test_step(const char *name)
{
	printk("WARDEN-STEP: %s\n", name);
}

void test_pass(const char *name)
{
	printk("WARDEN-PASS: %s\n", name);
}

void test_fail(const char *name, const char *reason_fmt, ...)
{
	char reason[160];
	va_list args;

	va_start(args, reason_fmt);
	vsnprintk(reason, sizeof(reason), reason_fmt, args);
	va_end(args);
	__atomic_add_fetch(&failures, 1, __ATOMIC_RELAXED);
	printk("WARDEN-FAIL: %s: %s\n", name, reason);
}

unsigned int test_failures(void)
{
	return __atomic_load_n(&failures, __ATOMIC_RELAXED);
}

void test_done(void)
{
	printk("WARDEN-DONE\n");
	inmate_exit(test_failures() ? 1 : 0);
}
