// SPDX-License-Identifier: GPL-2.0-only
/*
 * A small control loop: every millisecond (periodic timer) a proportional
 * controller moves x towards a target; stops on a shutdown request or after
 * `cycles` periods (command line, default 200).
 */
#include <inmate/inmate.h>

#define TIMER_VECTOR 0x40

static volatile unsigned long ticks;

static void on_tick(unsigned int vector, void *context)
{
	ticks++;
}

void inmate_main(void)
{
	unsigned long cycles = (unsigned long)cmdline_get_int("cycles", 200), seen = 0, cycle;
	double x = 0.0, target = 5.0;

	timer_setup(TIMER_VECTOR, on_tick, NULL);
	timer_start_periodic(1000000);		/* 1 ms */
	irq_enable();
	for (cycle = 0; cycle < cycles; cycle++) {
		while (ticks == seen)
			cpu_wait_for_interrupt();
		seen = ticks;
		x += 0.05 * (target - x);
		if (comm_service_messages(false))
			break;
	}
	timer_stop();
	printk("my-control-loop: %lu cycles, x = %d/1000\n", cycle, (int)(x * 1000));
	TEST_CHECK("reached-target", x > 4.99 && x < 5.01, "x = %d/1000", (int)(x * 1000));
	test_done();
}
