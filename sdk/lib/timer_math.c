// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The decisions and arithmetic of the per-CPU timer that do not touch the
 * hardware (host-tested in tests/sdk/timer_math_test.c): whether the CPU
 * offers TSC-deadline mode, which mode wakes a sleeper, and how many timer
 * counts cover a TSC interval or a time in ns.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

#define CPUID1_ECX_TSC_DEADLINE	(1u << 24)	/* SDM vol. 3A, 10.5.4.1 */
#define TIMER_COUNT_MAX		0xffffffffull	/* 32-bit initial count */

bool timer_cpuid_has_deadline(uint32_t cpuid1_ecx)
{
	return cpuid1_ecx & CPUID1_ECX_TSC_DEADLINE;
}

/* TSC-deadline mode needs no rate conversion at all, so it wins where the
 * CPU has it; QEMU's TCG CPU does not, and gets the one-shot count. */
enum timer_mode timer_wakeup_mode(bool has_deadline)
{
	return has_deadline ? TIMER_DEADLINE : TIMER_ONESHOT;
}

/* Counts at timer_khz that last at least tsc_delta TSC ticks (rounded up),
 * limited to what the 32-bit register holds (a longer sleep re-arms), and
 * at least 1 (a count of 0 would stop the timer instead). */
uint32_t timer_counts_for_tsc(uint64_t tsc_delta, uint32_t tsc_khz, uint32_t timer_khz)
{
	uint64_t counts = clock_scale_ceil(tsc_delta, timer_khz, tsc_khz);

	if (counts > TIMER_COUNT_MAX)
		return (uint32_t)TIMER_COUNT_MAX;
	return counts ? (uint32_t)counts : 1;
}

/*
 * The initial count of timer_start_periodic()/timer_start_oneshot(): ns at
 * timer_khz, rounded down but at least 1 for any ns > 0. A late one-shot
 * re-arm asks for 1 ns ("as soon as possible"); below 1 GHz that rounds to
 * 0 counts, and a refusal there left the timer stopped and its user waiting
 * in HLT for ever. 0 ns, or more than the 32-bit register holds: -SDK_ERANGE.
 */
int timer_counts_for_ns(uint64_t ns, uint32_t timer_khz, uint32_t *count)
{
	uint64_t counts = clock_scale_floor(ns, timer_khz, 1000000);

	if (counts == 0 && ns)
		counts = 1;
	if (counts == 0 || counts > TIMER_COUNT_MAX)
		return -SDK_ERANGE;
	*count = (uint32_t)counts;
	return 0;
}
