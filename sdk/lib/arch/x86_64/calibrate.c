// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * TSC and local APIC timer rates. The TSC is counted over a window of the
 * ACPI PM timer (3.579545 MHz, fixed by the ACPI spec), starting on a PM
 * timer edge. The APIC timer is then measured against the TSC by letting a
 * one-shot count expire and watching its interrupt become pending in the
 * IRR (interrupts off), rather than reading the current-count register:
 * QEMU under -icount aborts ("Bad icount read") when that register is read
 * through its x2APIC MSR.
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"

#define FIRST_COUNT		(1u << 20)
#define PM_EDGE_READS		1000000	/* a ticking PM timer changes far sooner */

static int calibrate_tsc(uint32_t *tsc_khz, unsigned int window_ms)
{
	uint64_t pm_start, pm_end, target, tsc_start, tsc_end;
	unsigned int reads = 0;

	pm_start = pm_timer_ticks();
	while ((target = pm_timer_ticks()) == pm_start)
		if (++reads == PM_EDGE_READS)
			return -SDK_ETIMEDOUT;	/* no PM timer at that port */
	pm_start = target;
	tsc_start = rdtsc_ordered();
	target = pm_start + (uint64_t)window_ms * PM_TIMER_HZ / 1000;
	while ((pm_end = pm_timer_ticks()) < target)
		;
	tsc_end = rdtsc_ordered();
	*tsc_khz = (uint32_t)((tsc_end - tsc_start) * PM_TIMER_HZ / ((pm_end - pm_start) * 1000));
	return *tsc_khz ? 0 : -SDK_ERANGE;
}

static bool sdk_vector_pending(void)
{
	unsigned int reg = APIC_REG_IRR + (IRQ_VECTOR_SDK / 32) * 0x10;

	return apic_read(reg) & (1u << (IRQ_VECTOR_SDK % 32));
}

/* TSC ticks until a one-shot count of count expires (interrupts are off). */
static uint64_t apic_count_duration(uint32_t count)
{
	uint64_t start;

	apic_write(APIC_REG_TIMER_DIVIDE, 0xb);			/* divide by 1 */
	apic_write(APIC_REG_LVT_TIMER, IRQ_VECTOR_SDK);		/* one-shot */
	start = rdtsc_ordered();
	apic_write(APIC_REG_TIMER_INITIAL, count);
	while (!sdk_vector_pending())
		cpu_relax();
	start = rdtsc_ordered() - start;
	irq_deliver_sdk_vector();
	apic_write(APIC_REG_LVT_TIMER, 0x10000);		/* masked */
	return start;
}

int calibrate_timers(uint32_t *tsc_khz, uint32_t *apic_khz, unsigned int window_ms)
{
	uint64_t window_tsc, ticks;
	uint32_t count = FIRST_COUNT;
	int err;

	if (!platform_pm_timer_port())
		return -SDK_ENOTSUP;
	if (window_ms < 1 || window_ms > 1000)
		return -SDK_ERANGE;
	/*
	 * A cell knows its TSC rate (comm region): measure the APIC timer in
	 * those units, or a one-shot delay converted with the given TSC rate and
	 * a measured APIC rate is off by the two rates' disagreement.
	 */
	err = *tsc_khz ? 0 : calibrate_tsc(tsc_khz, window_ms);
	if (err)
		return err;
	window_tsc = (uint64_t)*tsc_khz * window_ms;
	ticks = apic_count_duration(count);
	if (ticks < window_tsc / 2 && ticks > 0) {
		/* scale the count up to about one window */
		uint64_t scaled = (uint64_t)count * window_tsc / ticks;

		count = scaled > 0xffffffffull ? 0xffffffffu : (uint32_t)scaled;
		ticks = apic_count_duration(count);
	}
	if (!ticks)
		return -SDK_ERANGE;
	*apic_khz = (uint32_t)((uint64_t)count * *tsc_khz / ticks);
	return *apic_khz ? 0 : -SDK_ERANGE;
}
