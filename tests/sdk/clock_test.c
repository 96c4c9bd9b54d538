// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the clock arithmetic (sdk/lib/clock.c): TSC <-> ns
 * conversions, durations and absolute times, equal to exact 128-bit
 * arithmetic for several TSC rates (non-integer ns per tick) up to 2^60,
 * delay lengths on a simulated TSC, and the PM timer's wrap-safe delta.
 */
#include <stdint.h>
#include <stdio.h>
#include <inmate/time.h>
#include "../../sdk/lib/sdk_internal.h"

static uint64_t fake_tsc;
static uint64_t tsc_step = 1;	/* ticks the fake TSC advances per read */
static int failures, cases;

uint64_t time_tsc(void)
{
	fake_tsc += tsc_step;
	return fake_tsc;
}

void cpu_relax(void)
{
}

static void expect(int ok, const char *what, uint64_t got, uint64_t want)
{
	cases++;
	if (!ok) {
		failures++;
		printf("FAIL %s: got %llu, want %llu\n", what, (unsigned long long)got,
		       (unsigned long long)want);
	}
}

/* Exact values, rounded down: anything less (a fixed-point factor, say)
 * drifts by up to a ppm-fraction of the value, which at hours of run time
 * is whole microseconds. */
static void check_conversions(uint32_t khz)
{
	const uint64_t values[] = { 0, 1, 999, 1000000, 123456789012ull, 1ull << 50,
				    (1ull << 60) + 12345 };
	unsigned int i;

	fake_tsc = 1ull << 45;		/* a TSC that did not start at 0 */
	tsc_step = 0;
	clock_init(khz);
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		uint64_t v = values[i];
		uint64_t ns_exact = (uint64_t)((unsigned __int128)v * 1000000 / khz);
		uint64_t tsc_exact = (uint64_t)((unsigned __int128)v * khz / 1000000);
		uint64_t deadline = time_tsc_at_ns(v);

		expect(time_tsc_to_ns(v) == ns_exact, "tsc_to_ns", time_tsc_to_ns(v), ns_exact);
		expect(time_ns_to_tsc(v) == tsc_exact, "ns_to_tsc", time_ns_to_tsc(v), tsc_exact);
		/* the deadline for ns v is the first TSC value at which time_ns() >= v */
		expect(time_ns_at_tsc(deadline) >= v, "time_ns at the deadline",
		       time_ns_at_tsc(deadline), v);
		expect(v == 0 || time_ns_at_tsc(deadline - 1) < v, "time_ns one tick before it",
		       time_ns_at_tsc(deadline - 1), v);
		expect(time_ns_at_tsc(fake_tsc + v) == ns_exact, "time_ns_at_tsc after boot",
		       time_ns_at_tsc(fake_tsc + v), ns_exact);
	}
	expect(time_ns_at_tsc(fake_tsc - 5) == 0, "a TSC value before boot is time 0",
	       time_ns_at_tsc(fake_tsc - 5), 0);
	tsc_step = 1;
}

static void check_delay(void)
{
	uint64_t start;

	fake_tsc = 0;
	clock_init(2000000);		/* 2 GHz: 2 ticks per ns */
	tsc_step = 100;
	start = fake_tsc;
	delay_us(50);			/* 100000 ticks */
	expect(fake_tsc - start >= 100000 && fake_tsc - start <= 100000 + 3 * tsc_step,
	       "delay_us(50) at 2 GHz, ticks", fake_tsc - start, 100000);
	tsc_step = 1;
}

static void check_pm_delta(void)
{
	expect(pm_timer_delta(10, 25, 24) == 15, "pm delta", pm_timer_delta(10, 25, 24), 15);
	expect(pm_timer_delta(0xfffff0, 0x10, 24) == 0x20, "pm delta 24-bit wrap",
	       pm_timer_delta(0xfffff0, 0x10, 24), 0x20);
	expect(pm_timer_delta(0xfffffff0u, 0x10, 32) == 0x20, "pm delta 32-bit wrap",
	       pm_timer_delta(0xfffffff0u, 0x10, 32), 0x20);
	/* a 24-bit timer whose (undefined) top byte changes must not disturb it */
	expect(pm_timer_delta(0x00fffff0, 0xab000010, 24) == 0x20, "pm delta ignores bits 31:24",
	       pm_timer_delta(0x00fffff0, 0xab000010, 24), 0x20);
}

int main(void)
{
	check_conversions(1000000);	/* QEMU under icount */
	check_conversions(2599962);
	check_conversions(3579545 / 1000);
	check_conversions(4000000);
	check_delay();
	check_pm_delta();
	printf("clock_test: %d of %d cases passed\n", cases - failures, cases);
	return failures ? 1 : 0;
}
