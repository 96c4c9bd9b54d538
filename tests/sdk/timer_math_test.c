// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the timer's pure logic (sdk/lib/timer_math.c): the
 * TSC-deadline feature bit, the choice of the wake-up mode, and the counts
 * for a TSC interval. QEMU's TCG CPU has no TSC-deadline timer, so the
 * deadline side of the choice is exercised here only.
 */
#include <stdint.h>
#include <stdio.h>
#include <inmate/errors.h>
#include <inmate/timer.h>
#include "../../sdk/lib/sdk_internal.h"

static int failures, cases;

/* clock.c (the scaling helpers) wants a TSC and a spin hint */
uint64_t time_tsc(void)
{
	return 0;
}

void cpu_relax(void)
{
}

static void expect(int ok, const char *what, unsigned long long got, unsigned long long want)
{
	cases++;
	if (!ok) {
		failures++;
		printf("FAIL %s: got %llu, want %llu\n", what, got, want);
	}
}

int main(void)
{
	expect(timer_cpuid_has_deadline(1u << 24), "CPUID.1:ECX[24] set", 0, 1);
	expect(!timer_cpuid_has_deadline(~(1u << 24)), "every other bit set", 1, 0);
	expect(timer_wakeup_mode(true) == TIMER_DEADLINE, "with the feature: deadline mode",
	       timer_wakeup_mode(true), TIMER_DEADLINE);
	expect(timer_wakeup_mode(false) == TIMER_ONESHOT, "without: one-shot (QEMU TCG)",
	       timer_wakeup_mode(false), TIMER_ONESHOT);
	expect(timer_counts_for_tsc(2599962, 2599962, 1000000) == 1000000, "1 ms exactly",
	       timer_counts_for_tsc(2599962, 2599962, 1000000), 1000000);
	expect(timer_counts_for_tsc(2599963, 2599962, 1000000) == 1000001, "rounded up",
	       timer_counts_for_tsc(2599963, 2599962, 1000000), 1000001);
	expect(timer_counts_for_tsc(0, 2599962, 1000000) == 1, "never 0 (0 stops the timer)",
	       timer_counts_for_tsc(0, 2599962, 1000000), 1);
	expect(timer_counts_for_tsc(1ull << 50, 2599962, 1000000) == 0xffffffffu,
	       "capped at 32 bits", timer_counts_for_tsc(1ull << 50, 2599962, 1000000),
	       0xffffffffu);
	{
		uint32_t count = 0;
		int err = timer_counts_for_ns(1, 134309, &count);

		/* the rate a loaded host once made the hypervisor measure */
		expect(err == 0 && count == 1, "1 ns below 1 GHz: 1 count, not a refusal",
		       err ? (unsigned long long)err : count, 1);
		err = timer_counts_for_ns(1000000, 1000000, &count);
		expect(err == 0 && count == 1000000, "1 ms at 1 GHz", count, 1000000);
		expect(timer_counts_for_ns(0, 1000000, &count) == -SDK_ERANGE, "0 ns refused",
		       0, 0);
		expect(timer_counts_for_ns(5000000000ull, 1000000, &count) == -SDK_ERANGE,
		       "5 s at 1 GHz: beyond 32 bits", 0, 0);
	}
	printf("timer_math_test: %d of %d cases passed\n", cases - failures, cases);
	return failures ? 1 : 0;
}
