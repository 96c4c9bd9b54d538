// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The TSC as the clock. Conversions use 32.32 fixed-point factors computed
 * once, so that a conversion is one 64x64->128-bit multiply and a shift.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

static struct {
	uint64_t ns_per_tick;	/* 32.32 fixed point */
	uint64_t ticks_per_ns;	/* 32.32 fixed point */
	uint64_t boot_tsc;
} clock;

void clock_init(uint32_t tsc_khz)
{
	clock.ns_per_tick = (1000000ull << 32) / tsc_khz;
	clock.ticks_per_ns = ((uint64_t)tsc_khz << 32) / 1000000;
	clock.boot_tsc = time_tsc();
}

static uint64_t scale(uint64_t value, uint64_t factor)
{
	return (uint64_t)(((unsigned __int128)value * factor) >> 32);
}

uint64_t time_tsc_to_ns(uint64_t ticks)
{
	return scale(ticks, clock.ns_per_tick);
}

uint64_t time_ns_to_tsc(uint64_t ns)
{
	return scale(ns, clock.ticks_per_ns);
}

uint64_t time_ns(void)
{
	return time_tsc_to_ns(time_tsc() - clock.boot_tsc);
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
