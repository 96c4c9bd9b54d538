// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Periodic tasks on absolute release times (inmate/periodic.h). Each
 * release time is computed from its number, never by adding periods to
 * the last wake-up, and sleeping targets the exact TSC value at which
 * time_ns() reaches it: lateness never accumulates. Pure apart from
 * time_ns() and arch_sleep_until_tsc(), so the host test runs it on a
 * simulated clock (tests/sdk/periodic_test.c).
 */
#include <inmate/inmate.h>
#include <inmate/periodic.h>
#include "sdk_internal.h"

int periodic_start(struct periodic_task *task, uint64_t period_ns)
{
	if (!task || period_ns == 0)
		return -SDK_EINVAL;
	memset(task, 0, sizeof(*task));
	task->period_ns = period_ns;
	task->start_ns = time_ns();
	task->next = 1;
	return 0;
}

uint64_t periodic_release_ns(const struct periodic_task *task, uint64_t n)
{
	return task->start_ns + n * task->period_ns;
}

int sleep_until_ns(uint64_t ns)
{
	return arch_sleep_until_tsc(time_tsc_at_ns(ns));
}

int64_t periodic_wait(struct periodic_task *task)
{
	uint64_t release = periodic_release_ns(task, task->next), now = time_ns(), behind;
	int err;

	if (now < release) {
		err = sleep_until_ns(release);
		if (err)
			return err;
		now = time_ns();
	} else if (now > release) {
		/* The job before ran past this release, and maybe more: each
		 * passed release is an overrun; run now for the latest. */
		behind = now - release;
		task->overruns += (behind + task->period_ns - 1) / task->period_ns;
		task->next += behind / task->period_ns;
		release = periodic_release_ns(task, task->next);
	}
	task->next++;
	task->activations++;
	if (now - release > task->max_lateness_ns)
		task->max_lateness_ns = now - release;
	return (int64_t)(now - release);
}
