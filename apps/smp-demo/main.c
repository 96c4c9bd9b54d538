// SPDX-License-Identifier: GPL-2.0-only
/*
 * smp-demo: starts every further CPU of the cell; each reports, does some
 * floating point on its own stack, and then answers IPIs: CPU 0 sends
 * "ping" IPIs to each CPU in turn and each answers with a "pong" IPI.
 *
 * Command line: pings=10 (per CPU).
 */
#include <inmate/inmate.h>

#define PING_VECTOR	0x50
#define PONG_VECTOR	0x51

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

static void secondary(unsigned int cpu, void *arg)
{
	double x = 1.0;
	int i;

	for (i = 0; i < 10; i++)
		x = x * 1.5 + cpu;
	float_check[cpu] = (int64_t)(x * 1000);
	printk("CPU %u (APIC ID %u) online, float check %lld\n", cpu, platform_cpu_apic_id(cpu),
	       (long long)float_check[cpu]);
	reported[cpu] = true;
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

void inmate_main(void)
{
	unsigned int cpus = platform_num_cpus(), pings;

	pings = (unsigned int)cmdline_get_int("pings", 10);
	if (cpus > SMP_MAX_CPUS) {
		printk("smp-demo: %u CPUs, the SDK supports %u: using those\n", cpus, SMP_MAX_CPUS);
		cpus = SMP_MAX_CPUS;
	}
	printk("smp-demo: %u CPUs\n", cpus);
	irq_register(PING_VECTOR, ping, NULL);
	irq_register(PONG_VECTOR, pong, NULL);
	test_step("start-cpus");
	start_cpus(cpus);
	TEST_CHECK("all-cpus-online", smp_cpus_online() == cpus, "%u of %u CPUs online",
		   smp_cpus_online(), cpus);
	test_step("ipis");
	exchange_ipis(cpus, pings);
	test_done();
}
