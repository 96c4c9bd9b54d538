// SPDX-License-Identifier: GPL-2.0-only
/*
 * apic-demo: the local APIC timer in periodic, one-shot and TSC-deadline
 * mode. The handler only timestamps (TSC) and re-arms; statistics are
 * computed and printed afterwards, outside interrupt context. The CPU
 * waits for each tick in HLT.
 *
 * periodic: jitter = how far each interval between two ticks strays from
 *           the mean interval (the mean itself is off the nominal period
 *           only by the timer calibration error, printed separately);
 * one-shot, tsc-deadline: latency = handler entry - programmed expiry.
 *
 * Command line: period-us=1000 periods=100 max-jitter-us=10 (the check).
 */
#include <inmate/inmate.h>

#define TIMER_VECTOR	0xf0
#define MAX_PERIODS	2000

struct run {
	enum timer_mode mode;
	uint64_t period_tsc;
	uint64_t expected;	/* TSC of the next programmed expiry */
	uint64_t last;
	unsigned int count;
	unsigned int target;
	int64_t *samples;	/* interval (periodic) or latency, in TSC ticks */
};

static struct run run;

static void rearm(void)
{
	uint64_t now;

	run.expected += run.period_tsc;
	if (run.mode == TIMER_DEADLINE) {
		timer_start_deadline(run.expected);
	} else if (run.mode == TIMER_ONESHOT) {
		now = time_tsc();
		timer_start_oneshot(run.expected > now ? time_tsc_to_ns(run.expected - now) : 1);
	}
}

static void timer_tick(unsigned int vector, void *context)
{
	uint64_t now = time_tsc();

	if (run.count >= run.target)
		return;
	if (run.mode == TIMER_PERIODIC)
		run.samples[run.count] = run.last ? (int64_t)(now - run.last) : -1;
	else
		run.samples[run.count] = (int64_t)(now - run.expected);
	run.last = now;
	run.count++;
	if (run.count < run.target)
		rearm();
}

struct stats {
	int64_t min, max, mean;
	uint64_t jitter_max;	/* ns */
};

static struct stats summarize(enum timer_mode mode, unsigned int first)
{
	struct stats s = { .min = INT64_MAX, .max = INT64_MIN };
	int64_t sum = 0, deviation;
	unsigned int i, n = run.target - first;

	for (i = first; i < run.target; i++) {
		sum += run.samples[i];
		if (run.samples[i] < s.min)
			s.min = run.samples[i];
		if (run.samples[i] > s.max)
			s.max = run.samples[i];
	}
	s.mean = sum / n;
	for (i = first; i < run.target; i++) {
		deviation = mode == TIMER_PERIODIC ? run.samples[i] - s.mean : run.samples[i];
		if (deviation < 0)
			deviation = -deviation;
		if (time_tsc_to_ns((uint64_t)deviation) > s.jitter_max)
			s.jitter_max = time_tsc_to_ns((uint64_t)deviation);
	}
	return s;
}

static int64_t to_ns(int64_t ticks)
{
	return ticks < 0 ? -(int64_t)time_tsc_to_ns((uint64_t)-ticks)
			 : (int64_t)time_tsc_to_ns((uint64_t)ticks);
}

static void report(enum timer_mode mode, uint64_t period_ns, uint64_t bound_ns)
{
	/* periodic: the first sample has no interval */
	struct stats s = summarize(mode, mode == TIMER_PERIODIC ? 1 : 0);
	char name[48];

	if (mode == TIMER_PERIODIC)
		printk("%s: %u periods of %llu ns: interval min/avg/max %lld/%lld/%lld ns, "
		       "calibration error %lld ns, jitter max %llu ns\n", timer_mode_name(mode),
		       run.count, (unsigned long long)period_ns, (long long)to_ns(s.min),
		       (long long)to_ns(s.mean), (long long)to_ns(s.max),
		       (long long)(to_ns(s.mean) - (int64_t)period_ns),
		       (unsigned long long)s.jitter_max);
	else
		printk("%s: %u periods of %llu ns: latency min/avg/max %lld/%lld/%lld ns\n",
		       timer_mode_name(mode), run.count, (unsigned long long)period_ns,
		       (long long)to_ns(s.min), (long long)to_ns(s.mean), (long long)to_ns(s.max));
	snprintk(name, sizeof(name), "%s-jitter", timer_mode_name(mode));
	TEST_CHECK(name, s.jitter_max <= bound_ns, "max %llu ns > bound %llu ns",
		   (unsigned long long)s.jitter_max, (unsigned long long)bound_ns);
}

static void run_mode(enum timer_mode mode, uint64_t period_ns, unsigned int periods,
		     uint64_t bound_ns)
{
	char name[48];
	uint64_t timeout;
	int err;

	snprintk(name, sizeof(name), "%s-timer", timer_mode_name(mode));
	test_step(name);
	if (mode == TIMER_DEADLINE && !timer_has_deadline_mode()) {
		printk("%s: not supported by this CPU (CPUID.1:ECX[24] clear), skipped\n",
		       timer_mode_name(mode));
		return;
	}
	memset(&run, 0, sizeof(run) - sizeof(run.samples));
	run.mode = mode;
	run.target = periods;
	run.period_tsc = time_ns_to_tsc(period_ns);
	irq_disable();
	run.expected = time_tsc() + run.period_tsc;
	if (mode == TIMER_PERIODIC)
		err = timer_start_periodic(period_ns);
	else if (mode == TIMER_ONESHOT)
		err = timer_start_oneshot(period_ns);
	else
		err = timer_start_deadline(run.expected);
	if (err) {
		test_fail(name, "starting the timer: %s", sdk_strerror(err));
		return;
	}
	timeout = time_ns() + (periods + 100) * period_ns * 4;
	while (run.count < periods && time_ns() < timeout)
		cpu_wait_for_interrupt();
	irq_disable();
	timer_stop();
	irq_enable();
	if (!TEST_CHECK(name, run.count == periods, "%u of %u ticks arrived", run.count, periods))
		return;
	report(mode, period_ns, bound_ns);
}

void inmate_main(void)
{
	uint64_t period_ns = (uint64_t)cmdline_get_int("period-us", 1000) * 1000;
	int64_t periods = cmdline_get_int("periods", 100);
	uint64_t bound_ns = (uint64_t)cmdline_get_int("max-jitter-us", 10) * 1000;
	int err;

	if (periods < 2 || periods > MAX_PERIODS) {
		printk("apic-demo: periods=%lld out of range 2..%d, using 100\n",
		       (long long)periods, MAX_PERIODS);
		periods = 100;
	}
	run.samples = heap_alloc(sizeof(int64_t) * MAX_PERIODS);
	printk("apic-demo: %s mode, timer %u kHz, TSC %u kHz, jitter bound %llu ns\n",
	       timer_hardware_name(), timer_khz(), platform_tsc_khz(), (unsigned long long)bound_ns);
	err = timer_setup(TIMER_VECTOR, timer_tick, NULL);
	if (!TEST_CHECK("timer-setup", err == 0, "timer_setup: %s", sdk_strerror(err)))
		test_done();
	run_mode(TIMER_PERIODIC, period_ns, (unsigned int)periods, bound_ns);
	run_mode(TIMER_ONESHOT, period_ns, (unsigned int)periods, bound_ns);
	run_mode(TIMER_DEADLINE, period_ns, (unsigned int)periods, bound_ns);
	TEST_CHECK("no-stray-interrupts", irq_unhandled_count() == 0,
		   "%lu interrupts without handler", irq_unhandled_count());
	test_done();
}
