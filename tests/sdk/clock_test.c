// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the clock arithmetic (sdk/lib/clock.c): TSC <-> ns
 * conversions against exact 128-bit arithmetic for several TSC rates, delay
 * lengths on a simulated TSC, and the PM timer's wrap-safe delta.
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

/* Exact values, rounded down; the fixed-point result may be below by at most
 * value / 2^32 * rate-ish: allow 1 ppm + 1. */
static void check_conversions(uint32_t khz)
{
	const uint64_t values[] = { 0, 1, 999, 1000000, 123456789012ull, 1ull << 50 };
	unsigned int i;

	clock_init(khz);
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		uint64_t v = values[i];
		uint64_t ns_exact = (uint64_t)((unsigned __int128)v * 1000000 / khz);
		uint64_t tsc_exact = (uint64_t)((unsigned __int128)v * khz / 1000000);
		uint64_t ns = time_tsc_to_ns(v), tsc = time_ns_to_tsc(v);

		expect(ns <= ns_exact && ns_exact - ns <= ns_exact / 1000000 + 1,
		       "tsc_to_ns", ns, ns_exact);
		expect(tsc <= tsc_exact && tsc_exact - tsc <= tsc_exact / 1000000 + 1,
		       "ns_to_tsc", tsc, tsc_exact);
	}
}

static void check_delay(void)
{
	uint64_t start;

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
