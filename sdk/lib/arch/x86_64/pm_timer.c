// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The ACPI PM timer (ACPI spec 6.5, 4.8.3.3): a free-running 3.579545 MHz
 * counter of 24 or 32 bits (FADT flag TMR_VAL_EXT) at an I/O port. Widened
 * to 64 bits by accumulating wrap-safe deltas under a lock.
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"

static struct {
	uint32_t last_raw;
	uint64_t ticks;
	int lock;
	bool started;
} pm_clock;

uint32_t pm_timer_read_raw(void)
{
	return inl(platform_pm_timer_port());
}

uint64_t pm_timer_ticks(void)
{
	unsigned int bits = platform_pm_timer_32bit() ? 32 : 24;
	unsigned long flags = irq_save();
	uint32_t raw;
	uint64_t ticks;

	while (__atomic_exchange_n(&pm_clock.lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
	raw = pm_timer_read_raw();
	if (pm_clock.started)
		pm_clock.ticks += pm_timer_delta(pm_clock.last_raw, raw, bits);
	pm_clock.started = true;
	pm_clock.last_raw = raw;
	ticks = pm_clock.ticks;
	__atomic_store_n(&pm_clock.lock, 0, __ATOMIC_RELEASE);
	irq_restore(flags);
	return ticks;
}

uint64_t pm_timer_ns(void)
{
	uint64_t ticks = pm_timer_ticks();

	/* split to keep ticks * 1e9 from overflowing */
	return (ticks / PM_TIMER_HZ) * 1000000000ull +
	       (ticks % PM_TIMER_HZ) * 1000000000ull / PM_TIMER_HZ;
}
