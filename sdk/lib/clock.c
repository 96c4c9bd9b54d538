// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The one time base of the SDK: the TSC, counted from its value at boot,
 * at the rate tsc_khz. time_ns() and every conversion between ns and TSC
 * (durations and absolute times alike) use the same exact integer
 * arithmetic, so a deadline computed from an absolute ns time fires when
 * time_ns() reaches that time, however long the program runs: nothing is
 * rounded per period, and so nothing accumulates.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

static struct {
	uint32_t tsc_khz;
	uint64_t boot_tsc;
} clock = { .tsc_khz = 1000000 };

/*
 * floor(value * mul / div) without a 128-bit division (which would need
 * libgcc): value = q * div + r, so the result is q * mul + r * mul / div,
 * and r * mul < 2^64 because both are below 2^32.
 */
uint64_t clock_scale_floor(uint64_t value, uint32_t mul, uint32_t div)
{
	uint64_t q = value / div, r = value % div;

	return q * mul + r * mul / div;
}

/* The same, rounded up. */
uint64_t clock_scale_ceil(uint64_t value, uint32_t mul, uint32_t div)
{
	uint64_t q = value / div, r = value % div;

	return q * mul + (r * mul + div - 1) / div;
}

void clock_init(uint32_t tsc_khz)
{
	clock.tsc_khz = tsc_khz;
	clock.boot_tsc = time_tsc();
}

uint64_t time_tsc_to_ns(uint64_t ticks)
{
	return clock_scale_floor(ticks, 1000000, clock.tsc_khz);
}

uint64_t time_ns_to_tsc(uint64_t ns)
{
	return clock_scale_floor(ns, clock.tsc_khz, 1000000);
}

uint64_t time_ns_at_tsc(uint64_t tsc)
{
	return tsc > clock.boot_tsc ? time_tsc_to_ns(tsc - clock.boot_tsc) : 0;
}

/* Rounded up: the first TSC value at which time_ns() is at least ns. */
uint64_t time_tsc_at_ns(uint64_t ns)
{
	return clock.boot_tsc + clock_scale_ceil(ns, clock.tsc_khz, 1000000);
}

uint64_t time_ns(void)
{
	return time_ns_at_tsc(time_tsc());
}

void delay_ns(uint64_t ns)
{
	uint64_t end = time_tsc() + time_ns_to_tsc(ns);

	while (time_tsc() < end)
		cpu_relax();
}

void delay_us(uint64_t us)
{
	delay_ns(us * 1000);
}

uint32_t pm_timer_delta(uint32_t old_value, uint32_t new_value, unsigned int bits)
{
	uint32_t mask = bits >= 32 ? 0xffffffffu : (1u << bits) - 1;

	return (new_value - old_value) & mask;
}
