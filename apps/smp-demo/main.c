// SPDX-License-Identifier: GPL-2.0-only
/*
 * smp-demo: starts every further CPU of the cell; each reports, does some
 * floating point on its own stack, and then answers IPIs: CPU 0 sends
 * "ping" IPIs to each CPU in turn and each answers with a "pong" IPI.
 * Then every CPU runs its own periodic timer on the same vector, with the
 * same handler and a context of its own (handlers are per CPU), at its own
 * period; each handler checks that it got its own CPU's context.
 *
 * Command line: pings=10 (per CPU), timer-ticks=50 (per CPU).
 */
#include <inmate/inmate.h>

#define PING_VECTOR	0x50
#define PONG_VECTOR	0x51
#define TIMER_VECTOR	0x60
#define TIMER_BASE_PERIOD_NS	100000

struct cpu_timer {
	unsigned int cpu;
	unsigned int target;
	volatile unsigned int ticks;
	volatile unsigned int foreign;	/* ticks whose context was another CPU's */
	volatile bool done;
};

static struct cpu_timer cpu_timers[SMP_MAX_CPUS];
static volatile bool timers_go;

static volatile unsigned int pings_received[SMP_MAX_CPUS];
static volatile unsigned int pongs_received[SMP_MAX_CPUS];
static volatile unsigned int last_pong_from;
static volatile bool reported[SMP_MAX_CPUS];
static volatile int64_t float_check[SMP_MAX_CPUS];

static void ping(unsigned int vector, void *context)
{
	unsigned int cpu = smp_this_cpu();

	pings_received[cpu]++;
	smp_send_ipi(0, PONG_VECTOR);
}

static void pong(unsigned int vector, void *context)
{
	unsigned int from = last_pong_from;

	pongs_received[from]++;
}

static void timer_tick(unsigned int vector, void *context)
{
	struct cpu_timer *timer = context;

	/* the context must be this CPU's: by number, and as its per-CPU data */
	if (timer->cpu != smp_this_cpu() || smp_cpu_data() != timer)
		timer->foreign++;
	timer->ticks++;
}

/* CPU n ticks every (n + 1) * 100 us until its target. */
static void run_cpu_timer(unsigned int cpu)
{
	struct cpu_timer *timer = &cpu_timers[cpu];
	uint64_t period_ns = (uint64_t)(cpu + 1) * TIMER_BASE_PERIOD_NS;
	/* hang protection only: without icount the guest clock follows a busy host */
	uint64_t give_up = time_ns() + timer->target * period_ns + 5000000000ull;
	int err;

	timer->cpu = cpu;
	smp_set_cpu_data(timer);
	err = timer_setup(TIMER_VECTOR, timer_tick, timer);
	if (!err)
		err = timer_start_periodic(period_ns);
	if (err) {
		printk("CPU %u: timer: %s\n", cpu, sdk_strerror(err));
		timer->done = true;
		return;
	}
	irq_enable();
	/* the timer wakes us in any case: its ticks may go astray, not stop */
	while (timer->ticks < timer->target && time_ns() < give_up)
		cpu_wait_for_interrupt();
	irq_disable();
	timer_stop();
	irq_enable();
	timer->done = true;
}

static void secondary(unsigned int cpu, void *arg)
{
	double x = 1.0;
	int i;

	irq_register(PING_VECTOR, ping, NULL);	/* handlers are per CPU */
	for (i = 0; i < 10; i++)
		x = x * 1.5 + cpu;
	float_check[cpu] = (int64_t)(x * 1000);
	printk("CPU %u (APIC ID %u) online, float check %lld\n", cpu, platform_cpu_apic_id(cpu),
	       (long long)float_check[cpu]);
	reported[cpu] = true;
	irq_enable();			/* pings arrive meanwhile */
	while (!__atomic_load_n(&timers_go, __ATOMIC_ACQUIRE))
		cpu_relax();
	run_cpu_timer(cpu);
	for (;;)
		cpu_wait_for_interrupt();
}

static int64_t expected_float(unsigned int cpu)
{
	double x = 1.0;
	int i;

	for (i = 0; i < 10; i++)
		x = x * 1.5 + cpu;
	return (int64_t)(x * 1000);
}

static bool wait_for(volatile unsigned int *counter, unsigned int value, uint64_t timeout_ns)
{
	uint64_t deadline = time_ns() + timeout_ns;

	while (*counter < value && time_ns() < deadline)
		cpu_wait_for_interrupt();
	return *counter >= value;
}

static void start_cpus(unsigned int cpus)
{
	unsigned int cpu;
	char name[32];
	int err;

	for (cpu = 1; cpu < cpus; cpu++) {
		snprintk(name, sizeof(name), "cpu%u-start", cpu);
		err = smp_start_cpu(cpu, secondary, NULL);
		TEST_CHECK(name, err == 0, "smp_start_cpu(%u): %s", cpu, sdk_strerror(err));
	}
	for (cpu = 1; cpu < cpus; cpu++) {
		uint64_t deadline = time_ns() + 1000000000ull;

		while (!reported[cpu] && time_ns() < deadline)
			cpu_relax();
		snprintk(name, sizeof(name), "cpu%u-reported", cpu);
		TEST_CHECK(name, reported[cpu] && float_check[cpu] == expected_float(cpu),
			   "reported=%d float %lld expected %lld", reported[cpu],
			   (long long)float_check[cpu], (long long)expected_float(cpu));
	}
}

static void exchange_ipis(unsigned int cpus, unsigned int pings)
{
	unsigned int cpu, i;
	char name[32];

	for (cpu = 1; cpu < cpus; cpu++) {
		last_pong_from = cpu;
		for (i = 0; i < pings; i++) {
			irq_disable();
			smp_send_ipi(cpu, PING_VECTOR);
			if (!wait_for(&pongs_received[cpu], i + 1, 1000000000ull))
				break;
		}
		snprintk(name, sizeof(name), "cpu%u-ipi", cpu);
		TEST_CHECK(name, pings_received[cpu] == pings && pongs_received[cpu] == pings,
			   "%u pings arrived, %u pongs returned, of %u", pings_received[cpu],
			   pongs_received[cpu], pings);
	}
}

/* The same vector, handler and (per-CPU) contexts on every CPU at once. */
static void timers_on_all_cpus(unsigned int cpus, unsigned int target)
{
	uint64_t deadline;
	unsigned int cpu;
	char name[32];

	for (cpu = 0; cpu < cpus; cpu++)
		cpu_timers[cpu].target = target;
	__atomic_store_n(&timers_go, true, __ATOMIC_RELEASE);
	run_cpu_timer(0);
	deadline = time_ns() + 10000000000ull;
	for (cpu = 1; cpu < cpus; cpu++)
		while (!cpu_timers[cpu].done && time_ns() < deadline)
			cpu_relax();
	for (cpu = 0; cpu < cpus; cpu++) {
		struct cpu_timer *timer = &cpu_timers[cpu];

		printk("CPU %u timer: %u ticks of %u us, %u with another CPU's context\n", cpu,
		       timer->ticks, (cpu + 1) * TIMER_BASE_PERIOD_NS / 1000, timer->foreign);
		snprintk(name, sizeof(name), "cpu%u-own-timer", cpu);
		TEST_CHECK(name, timer->done && timer->ticks >= target && timer->foreign == 0,
			   "%u of %u ticks, %u with a foreign context", timer->ticks, target,
			   timer->foreign);
	}
}

void inmate_main(void)
{
	unsigned int cpus = platform_num_cpus(), pings, timer_ticks;

	pings = (unsigned int)cmdline_get_int("pings", 10);
	timer_ticks = (unsigned int)cmdline_get_int("timer-ticks", 50);
	if (cpus > SMP_MAX_CPUS) {
		printk("smp-demo: %u CPUs, the SDK supports %u: using those\n", cpus, SMP_MAX_CPUS);
		cpus = SMP_MAX_CPUS;
	}
	printk("smp-demo: %u CPUs\n", cpus);
	irq_register(PONG_VECTOR, pong, NULL);
	test_step("start-cpus");
	start_cpus(cpus);
	TEST_CHECK("all-cpus-online", smp_cpus_online() == cpus, "%u of %u CPUs online",
		   smp_cpus_online(), cpus);
	test_step("ipis");
	exchange_ipis(cpus, pings);
	test_step("timers");
	timers_on_all_cpus(cpus, timer_ticks);
	test_done();
}
