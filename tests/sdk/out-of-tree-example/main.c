// SPDX-License-Identifier: GPL-2.0-only
/*
 * A small control loop: every millisecond a proportional controller moves
 * x towards a target; stops on a shutdown request or after `cycles`
 * periods (command line, default 200). docs/sdk.md shows this file.
 */
#include <inmate/inmate.h>

void inmate_main(void)
{
	unsigned long cycles = (unsigned long)cmdline_get_int("cycles", 200), cycle;
	double x = 0.0, target = 5.0;
	struct periodic_task task;

	periodic_start(&task, 1000000);			/* 1 ms */
	for (cycle = 0; cycle < cycles; cycle++) {
		if (periodic_wait(&task) < 0)		/* sleep until the next release */
			break;
		x += 0.05 * (target - x);		/* your control law; floating point is fine */
		if (comm_service_messages(false))
			break;				/* shutdown requested (and approved) */
	}
	printk("my-control-loop: %lu cycles, x = %d/1000, %llu overruns, worst lateness %llu ns\n",
	       cycle, (int)(x * 1000), (unsigned long long)task.overruns,
	       (unsigned long long)task.max_lateness_ns);
	TEST_CHECK("reached-target", x > 4.99 && x < 5.01, "x = %d/1000", (int)(x * 1000));
	TEST_CHECK("no-overruns", task.overruns == 0, "%llu overruns",
		   (unsigned long long)task.overruns);
	test_done();
}
