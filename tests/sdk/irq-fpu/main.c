// SPDX-License-Identifier: GPL-2.0-only
/*
 * irq-fpu: the main program keeps floating-point values live in SSE registers while interrupts of
 * both kinds arrive: the timer's handler is an IRQ_HANDLER_NO_FPU one (no FXSAVE around it) and
 * sends a self-IPI whose ordinary handler does floating point of its own (clobbering SSE registers,
 * so the FXSAVE around it must protect the main program). The main program's results must equal
 * the same computation done with interrupts off.
 * Command line: ticks=200
 */
#include <inmate/inmate.h>

#define TIMER_VECTOR	0x40
#define FLOAT_VECTOR	0x41
#define PERIOD_NS	20000

static volatile unsigned int ticks, float_handler_runs;
static volatile double handler_sum;
static volatile double seed = 1.0;	/* read each time: the series cannot be folded */

static IRQ_HANDLER_NO_FPU(timer_tick)
{
	ticks++;
	smp_send_ipi(0, FLOAT_VECTOR);
}

static void float_work(unsigned int vector, void *context)
{
	double x = handler_sum;
	int i;

	for (i = 0; i < 64; i++)
		x = x * 0.999 + 1.25;	/* uses the SSE registers the main loop uses */
	handler_sum = x;
	float_handler_runs++;
}

/* A floating-point series whose value does not depend on when interrupts come. */
static double series(unsigned int rounds)
{
	double a = 0.0, b = seed, c = 0.5, d = 2.0;
	unsigned int i;

	for (i = 0; i < rounds; i++) {
		a = a * 0.9999 + b;
		b = b * 1.0001 - c * 0.0001;
		c = c + d * 1e-6;
		d = d * 0.99999 + a * 1e-9;
	}
	return a + b + c + d;
}

void inmate_main(void)
{
	unsigned int target = (unsigned int)cmdline_get_int("ticks", 200), checks = 0, wrong = 0;
	double expected = series(1000);

	irq_register(FLOAT_VECTOR, float_work, NULL);
	timer_setup(TIMER_VECTOR, timer_tick, NULL);
	test_step("irq-fpu");
	TEST_CHECK("no-fpu-handler-skips-fxsave", !irq_saves_fpu(TIMER_VECTOR),
		   "the IRQ_HANDLER_NO_FPU handler is run with FXSAVE");
	TEST_CHECK("ordinary-handler-saves-fpu", irq_saves_fpu(FLOAT_VECTOR),
		   "an ordinary handler is run without FXSAVE");
	timer_start_periodic(PERIOD_NS);
	irq_enable();
	while (ticks < target) {
		if (series(1000) != expected)
			wrong++;
		checks++;
	}
	irq_disable();
	timer_stop();
	printk("irq-fpu: %u ticks (no FXSAVE), %u float handler runs, %u of %u series wrong\n",
	       ticks, float_handler_runs, wrong, checks);
	TEST_CHECK("main-fpu-state-intact", wrong == 0 && float_handler_runs >= target,
		   "%u of %u series came out wrong, %u float handler runs", wrong, checks,
		   float_handler_runs);
	test_done();
}
