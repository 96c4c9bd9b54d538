/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Time: the TSC (calibrated against the ACPI PM timer, or from the comm
 * region) is the clock; the PM timer is available for reference.
 */
#ifndef INMATE_TIME_H
#define INMATE_TIME_H

#include <stdint.h>

uint64_t time_tsc(void);		/* raw TSC */
uint64_t time_ns(void);			/* nanoseconds since boot */
uint64_t time_tsc_to_ns(uint64_t ticks);
uint64_t time_ns_to_tsc(uint64_t ns);
void delay_us(uint64_t us);		/* busy wait */
void delay_ns(uint64_t ns);

/* ACPI PM timer, 3.579545 MHz, extended to 64 bits (wrap-safe as long as
 * it is read at least every 4.6 s (24-bit) / 20 min (32-bit)). Reads are
 * serialised internally; fine from several CPUs. */
#define PM_TIMER_HZ 3579545u
uint64_t pm_timer_ticks(void);
uint64_t pm_timer_ns(void);

/* Pure helper (host-testable): ticks elapsed from old to new raw counter
 * value of a counter that is bits wide. */
uint32_t pm_timer_delta(uint32_t old_value, uint32_t new_value, unsigned int bits);

#endif /* INMATE_TIME_H */
