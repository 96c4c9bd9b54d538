// SPDX-License-Identifier: GPL-2.0-only
/*
 * libc-smp: two CPUs print LINES lines each through stdio at the same time,
 * every line in four printf calls:
 *   smp-line cpu=C seq=NNNN data=<text from C and NNNN> sum=<checksum>
 * run-smp-lines then checks that every line arrived whole and that none is
 * missing. Without a stdout per CPU (sdk/lib/libc/reent.c) the pieces of
 * the two CPUs' lines would mix.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <inmate/inmate.h>

#define LINES		200
#define DATA_LENGTH	40
#define PRINT_TIMEOUT_NS	20000000000ull

static volatile bool go;
static volatile bool finished[2];

static void print_lines(unsigned int cpu)
{
	char data[DATA_LENGTH + 1];
	unsigned int seq, i;
	uint32_t sum;

	for (seq = 0; seq < LINES; seq++) {
		sum = 0;
		for (i = 0; i < DATA_LENGTH; i++) {
			data[i] = (char)('a' + (cpu * 7 + seq * 3 + i) % 26);
			sum = sum * 31 + (uint8_t)data[i];
		}
		data[DATA_LENGTH] = '\0';
		printf("smp-line cpu=%u ", cpu);
		printf("seq=%04u ", seq);
		printf("data=%s ", data);
		printf("sum=%08lx\n", (unsigned long)sum);
	}
	finished[cpu] = true;
}

static void secondary(unsigned int cpu, void *arg)
{
	(void)arg;
	while (!go)
		cpu_relax();
	print_lines(cpu);
	cpu_halt_forever();
}

static bool wait_until(volatile bool *flag, uint64_t timeout_ns)
{
	uint64_t deadline = time_ns() + timeout_ns;

	while (!*flag && time_ns() < deadline)
		cpu_relax();
	return *flag;
}

void inmate_main(void)
{
	int err;

	test_step("start-cpu1");
	if (!TEST_CHECK("two-cpus", platform_num_cpus() >= 2, "%u CPU(s), need 2",
			platform_num_cpus()))
		test_done();
	err = smp_start_cpu(1, secondary, NULL);
	if (!TEST_CHECK("cpu1-started", err == 0, "smp_start_cpu(1): %s", sdk_strerror(err)))
		test_done();
	test_step("print");
	go = true;
	print_lines(0);
	TEST_CHECK("cpu1-finished", wait_until(&finished[1], PRINT_TIMEOUT_NS),
		   "CPU 1 did not finish its %u lines", LINES);
	printf("smp-lines-end: %u per CPU\n", LINES);
	test_done();
}
