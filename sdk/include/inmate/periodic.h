/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Periodic tasks and sleeping, on this CPU's timer (which they take over:
 * do not use timer_setup()/timer_start_*() on the same CPU meanwhile).
 *
 *	struct periodic_task task;
 *
 *	periodic_start(&task, 1000000);		// 1 ms
 *	for (;;) {
 *		int64_t late = periodic_wait(&task);	// sleeps until the release
 *		control_step();
 *	}
 *
 * Release k is at start + k * period on time_ns()'s time base, computed
 * from k each time, so the releases never drift against time_ns(). The
 * wait checks the time with interrupts off and sleeps with STI;HLT, so no
 * timer interrupt is lost between the check and the sleep.
 */
#ifndef INMATE_PERIODIC_H
#define INMATE_PERIODIC_H

#include <stdint.h>

struct periodic_task {
	uint64_t period_ns;
	uint64_t start_ns;	/* release 0 */
	uint64_t next;		/* number of the release periodic_wait waits for */
	uint64_t activations;	/* periodic_wait calls that returned */
	uint64_t overruns;	/* releases that passed before the task waited */
	uint64_t max_lateness_ns;
};

/* The first release is one period from now. -SDK_EINVAL for period 0. */
int periodic_start(struct periodic_task *task, uint64_t period_ns);

/*
 * Sleep until the next release and return how late this activation starts
 * (ns after its release time, >= 0), or a negative SDK_E* code. If the
 * task was still running when one or more releases passed (each counts as
 * an overrun), the call returns at once for the latest release passed; the
 * ones before it are skipped, the phase of the period is kept.
 */
int64_t periodic_wait(struct periodic_task *task);

/* The release time (ns since boot) of release number n. */
uint64_t periodic_release_ns(const struct periodic_task *task, uint64_t n);

/* Sleep in HLT until time_ns() >= ns (returns at once if it already is);
 * 0 or a negative SDK_E* code. Interrupts are as before on return. */
int sleep_until_ns(uint64_t ns);

#endif /* INMATE_PERIODIC_H */
