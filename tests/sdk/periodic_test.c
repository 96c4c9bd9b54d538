// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the periodic task API (sdk/lib/periodic.c) and the
 * timer arithmetic under it (clock.c, timer_math.c) on a simulated clock.
 * Under QEMU's icount the TSC and the APIC timer follow one exact clock, so
 * drift cannot show there; here the APIC timer runs at a rate that is not
 * an integer fraction of the TSC's, and off its calibrated value by some
 * ppm, for a million periods: every activation must start at or after its
 * release on time_ns()'s time base, late by no more than the timer's rate
 * error over one period, and no later at the end than at the start.
 * Also: overrun counting and skipping, sleeping into the past, period 0.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <inmate/inmate.h>
#include "../../sdk/lib/sdk_internal.h"

static uint64_t sim_tsc;		/* the simulated TSC */
static uint32_t sim_tsc_khz, sim_apic_khz;	/* calibrated rates */
static double sim_tsc_per_count;	/* true TSC ticks per APIC count */
static uint64_t sim_wake_latency;	/* TSC ticks from expiry to running */
static unsigned long sim_arms;
static int failures, cases;

uint64_t time_tsc(void)
{
	return sim_tsc;
}

void cpu_relax(void)
{
}

/* The model of arch_sleep_until_tsc (sdk/lib/arch/x86_64/sleep.c): arm a
 * one-shot count for the time left, wake at its true expiry, repeat while
 * the TSC is short of the deadline. */
int arch_sleep_until_tsc(uint64_t deadline)
{
	uint32_t count;

	while (sim_tsc < deadline) {
		count = timer_counts_for_tsc(deadline - sim_tsc, sim_tsc_khz, sim_apic_khz);
		sim_tsc += (uint64_t)ceil(count * sim_tsc_per_count) + sim_wake_latency;
		sim_arms++;
	}
	return 0;
}

static void expect(int ok, const char *what, long long got, long long want)
{
	cases++;
	if (!ok) {
		failures++;
		printf("FAIL %s: got %lld, want %lld\n", what, got, want);
	}
}

static void simulate(uint32_t tsc_khz, uint32_t apic_khz, double apic_error_ppm,
		     uint64_t period_ns, uint64_t periods)
{
	struct periodic_task task;
	uint64_t k, bad_start = 0, late, max_late_first = 0, max_late_last = 0, bound;
	int64_t result;

	sim_tsc = 1ull << 40;
	sim_tsc_khz = tsc_khz;
	sim_apic_khz = apic_khz;
	sim_tsc_per_count = (double)tsc_khz / apic_khz / (1.0 + apic_error_ppm * 1e-6);
	sim_wake_latency = 150;
	clock_init(tsc_khz);
	periodic_start(&task, period_ns);
	/* a timer slow by e ppm wakes e ppm of the period late, and the re-arm
	 * for the rest costs one more latency and a count's rounding */
	bound = (uint64_t)(fabs(apic_error_ppm) * 1e-6 * period_ns) +
		time_tsc_to_ns(2 * sim_wake_latency) + 2 * 1000000ull / apic_khz + 2;
	for (k = 1; k <= periods; k++) {
		result = periodic_wait(&task);
		late = (uint64_t)result;
		if (result < 0 || time_ns() < periodic_release_ns(&task, k) ||
		    time_ns() - periodic_release_ns(&task, k) != late || late > bound) {
			if (!bad_start)
				bad_start = k;
		}
		if (k <= 1000 && late > max_late_first)
			max_late_first = late;
		if (k > periods - 1000 && late > max_late_last)
			max_late_last = late;
		sim_tsc += time_ns_to_tsc(period_ns / 3 + k % 7);	/* the job */
	}
	printf("tsc %u kHz, apic %u kHz %+.0f ppm, period %llu ns, %llu periods: "
	       "max lateness first/last 1000: %llu/%llu ns (bound %llu), %lu arms\n",
	       tsc_khz, apic_khz, apic_error_ppm, (unsigned long long)period_ns,
	       (unsigned long long)periods, (unsigned long long)max_late_first,
	       (unsigned long long)max_late_last, (unsigned long long)bound, sim_arms);
	expect(bad_start == 0, "first activation early, mis-reported or later than the bound",
	       (long long)bad_start, 0);
	expect(max_late_last <= max_late_first + 1, "lateness grows over the run (drift)",
	       (long long)max_late_last, (long long)max_late_first);
	expect(task.overruns == 0 && task.activations == periods, "overruns",
	       (long long)task.overruns, 0);
	expect(task.max_lateness_ns <= bound, "max_lateness_ns", (long long)task.max_lateness_ns,
	       (long long)bound);
	sim_arms = 0;
}

/* A job that runs 2.5 periods: the two releases that passed are overruns,
 * the call returns at once for the later one, and the phase is kept. */
static void check_overruns(void)
{
	struct periodic_task task;
	uint64_t start;
	int64_t late;

	sim_tsc = 0;
	sim_tsc_khz = sim_apic_khz = 1000000;
	sim_tsc_per_count = 1.0;
	sim_wake_latency = 0;
	clock_init(1000000);
	sim_tsc = 5000;
	expect(periodic_start(&task, 0) == -SDK_EINVAL, "period 0", 0, -SDK_EINVAL);
	periodic_start(&task, 1000);
	start = task.start_ns;
	late = periodic_wait(&task);		/* release 1 */
	expect(late == 0 && time_ns() == start + 1000, "on time", late, 0);
	sim_tsc += 2500;			/* the job overruns */
	late = periodic_wait(&task);		/* releases 2 and 3 passed */
	expect(task.overruns == 2, "overruns after 2.5 periods", (long long)task.overruns, 2);
	expect(late == 500, "late for release 3", late, 500);
	late = periodic_wait(&task);		/* release 4, slept for */
	expect(late == 0 && time_ns() == start + 4000, "back in phase", (long long)time_ns(),
	       (long long)(start + 4000));
	sim_tsc += 1000;			/* ends exactly at release 5 */
	late = periodic_wait(&task);
	expect(late == 0 && task.overruns == 2, "ending exactly on a release is on time",
	       (long long)task.overruns, 2);
	expect(task.activations == 4, "activations", (long long)task.activations, 4);
	sim_arms = 0;
	expect(sleep_until_ns(time_ns() - 1) == 0 && sim_arms == 0,
	       "sleeping until a past time does not arm the timer", (long long)sim_arms, 0);
}

int main(void)
{
	check_overruns();
	/* non-integer TSC/APIC ratios, calibrated exactly and off by 50 ppm */
	simulate(2599962, 1000000, 0, 1000000, 1000000);
	simulate(2599962, 24576, 50, 1000000, 1000000);
	simulate(2599962, 24576, 500, 1000000, 1000000);	/* fast: wakes early, re-arms */
	simulate(3579545, 1000000, -50, 10000, 1000000);
	simulate(1000000, 1000000, 0, 10000, 1000000);	/* QEMU under icount */
	printf("periodic_test: %d of %d cases passed\n", cases - failures, cases);
	return failures ? 1 : 0;
}
