/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Test markers as the QEMU harness reads them (docs/platform.md):
 * "WARDEN-STEP: name", "WARDEN-PASS: name", "WARDEN-FAIL: name: reason",
 * "WARDEN-DONE".
 */
#ifndef INMATE_TEST_H
#define INMATE_TEST_H

#include <stdbool.h>
#include <stdint.h>
#include <inmate/printk.h>

void test_step(const char *name);
void test_pass(const char *name);
void test_fail(const char *name, const char *reason_fmt, ...) PRINTK_FORMAT(2, 3);
unsigned int test_failures(void);

/* Print WARDEN-DONE and end the inmate (exit code: failures != 0). */
void test_done(void) __attribute__((noreturn));

/* The next exception is expected: if it has this vector (and, for a page
 * fault, this CR2), the exception handler reports it as usual, then passes
 * check name and ends the run with test_done(); otherwise it fails it. */
void test_expect_fault(const char *name, unsigned int vector, uint64_t cr2);
/* The same with CR2 anywhere in [cr2_low, cr2_high]. */
void test_expect_fault_in(const char *name, unsigned int vector, uint64_t cr2_low,
			  uint64_t cr2_high);

/*
 * Tests only (NULL otherwise): sleep_until_ns() and periodic_wait() call
 * this between checking their wake-up condition and the HLT, with
 * interrupts off, so that a test can force an interrupt into exactly that
 * window (tests/sdk/lost-wakeup).
 */
extern void (*test_wait_window_hook)(void);

/* Pass or fail name depending on cond; the reason names the expression. */
#define TEST_CHECK(name, cond, ...)						\
	((cond) ? (test_pass(name), true)					\
		: (test_fail(name, __VA_ARGS__), false))

#endif /* INMATE_TEST_H */
