// SPDX-License-Identifier: GPL-2.0-only
/*
 * lost-wakeup: forces a timer interrupt into the window between "check the
 * wake-up condition" and "HLT", and shows what each way of waiting makes
 * of it. The window is made wide by a hook that spins there until the
 * timer has expired (2 us past the expected tick or release):
 *
 * old idiom   `while (ticks == seen) cpu_wait_for_interrupt();` on a
 *             periodic timer, interrupts on: the tick is handled inside the
 *             window, HLT then sleeps until the next tick, and the loop
 *             sees two ticks at once: a deadline miss, every time;
 * periodic API periodic_wait() with test_wait_window_hook: it checks with
 *             interrupts off, so the tick stays pending and ends the HLT at
 *             once: no overrun, lateness about the 2 us of the hook.
 *
 * A backstop on CPU 1 sends CPU 0 an IPI every period, so that a broken
 * periodic_wait() shows as a late wake-up instead of sleeping for ever.
 * Command line: rounds=20 period-us=100
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>

#define TICK_VECTOR	0x40
#define BACKSTOP_VECTOR	0x41
#define WINDOW_EXTRA_NS	2000

static uint64_t period_ns;
static volatile uint64_t ticks, last_tick_tsc;
static volatile unsigned long backstop_ipis;
static volatile bool backstop_running;
static uint64_t window_target_tsc;
static unsigned int windows_forced, windows_missed;

static void tick(unsigned int vector, void *context)
{
	last_tick_tsc = time_tsc();
	ticks++;
}

static void backstop_ipi(unsigned int vector, void *context)
{
	backstop_ipis++;
}

/* Spin, interrupts as the caller left them, until the timer has expired;
 * count the windows into which an interrupt really fell (handled in the
 * window, or pending in the IRR at its end). */
static void force_window(bool (*arrived)(uint64_t), uint64_t before)
{
	while (time_tsc() < window_target_tsc)
		cpu_relax();
	if (arrived(before))
		windows_forced++;
	else
		windows_missed++;
}

static bool tick_was_handled(uint64_t ticks_before)
{
	return ticks != ticks_before;
}

static bool sdk_vector_pending(uint64_t unused)
{
	unsigned int reg = APIC_REG_IRR + (IRQ_VECTOR_SDK / 32) * 0x10;

	return apic_read(reg) & (1u << (IRQ_VECTOR_SDK % 32));
}

/* --- the old idiom: periodic timer, a tick counter, HLT with interrupts on --- */

static unsigned int old_idiom(unsigned int rounds)
{
	uint64_t seen, now, before;
	unsigned int round, misses = 0;

	timer_setup(TICK_VECTOR, tick, NULL);
	timer_start_periodic(period_ns);
	irq_enable();
	while (ticks < 2)
		cpu_wait_for_interrupt();
	for (round = 0; round < rounds; round++) {
		seen = ticks;
		while ((now = ticks) == seen) {
			/* the window, forced wide: the next tick lands here */
			window_target_tsc = last_tick_tsc + time_ns_to_tsc(period_ns + WINDOW_EXTRA_NS);
			before = ticks;
			force_window(tick_was_handled, before);
			cpu_wait_for_interrupt();
		}
		if (now - seen > 1)
			misses += (unsigned int)(now - seen - 1);
	}
	irq_disable();
	timer_stop();
	return misses;
}

/* --- the periodic API, the same window forced inside periodic_wait() --- */

static struct periodic_task task;

static void periodic_window(void)
{
	uint64_t release = periodic_release_ns(&task, task.next);

	if (smp_this_cpu() != 0)
		return;
	window_target_tsc = time_tsc_at_ns(release + WINDOW_EXTRA_NS);
	force_window(sdk_vector_pending, 0);
}

static void backstop(unsigned int cpu, void *arg)
{
	while (backstop_running) {
		delay_ns(period_ns);
		smp_send_ipi(0, BACKSTOP_VECTOR);
	}
}

static void periodic_api(unsigned int rounds, uint64_t *max_late)
{
	unsigned int round;
	int64_t late;

	irq_register(BACKSTOP_VECTOR, backstop_ipi, NULL);
	backstop_running = true;
	if (smp_start_cpu(1, backstop, NULL))
		printk("lost-wakeup: no backstop CPU; a lost wake-up would hang\n");
	irq_enable();
	periodic_start(&task, period_ns);
	test_wait_window_hook = periodic_window;
	for (round = 0; round < rounds; round++) {
		late = periodic_wait(&task);
		if (late < 0)
			break;
		if ((uint64_t)late > *max_late)
			*max_late = (uint64_t)late;
	}
	test_wait_window_hook = NULL;
	backstop_running = false;
	irq_disable();
}

void inmate_main(void)
{
	unsigned int rounds = (unsigned int)cmdline_get_int("rounds", 20);
	uint64_t max_late = 0;
	unsigned int misses;

	period_ns = (uint64_t)cmdline_get_int("period-us", 100) * 1000;
	test_step("old-idiom");
	misses = old_idiom(rounds);
	printk("old idiom: %u of %u windows forced, %u deadline misses (lost wake-ups)\n",
	       windows_forced, rounds, misses);
	TEST_CHECK("old-idiom-window-forced", windows_forced == rounds && windows_missed == 0,
		   "the tick fell into %u of %u windows", windows_forced, rounds);
	TEST_CHECK("old-idiom-loses-wakeups", misses == rounds,
		   "%u misses in %u forced windows, expected one each", misses, rounds);

	test_step("periodic-api");
	windows_forced = windows_missed = 0;
	periodic_api(rounds, &max_late);
	printk("periodic API: %u of %u windows forced, %llu overruns, max lateness %llu ns, "
	       "%lu backstop IPIs\n", windows_forced, rounds, (unsigned long long)task.overruns,
	       (unsigned long long)max_late, backstop_ipis);
	TEST_CHECK("periodic-api-window-forced", windows_forced == rounds && windows_missed == 0,
		   "the release's interrupt was pending in %u of %u windows", windows_forced,
		   rounds);
	TEST_CHECK("periodic-api-no-lost-wakeup",
		   task.activations == rounds && task.overruns == 0 &&
		   max_late < WINDOW_EXTRA_NS + period_ns / 10,
		   "%llu activations, %llu overruns, max lateness %llu ns (a lost wake-up sleeps "
		   "until the backstop, ~%llu ns)", (unsigned long long)task.activations,
		   (unsigned long long)task.overruns, (unsigned long long)max_late,
		   (unsigned long long)period_ns);
	test_done();
}
