/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Time: the TSC (rate from the comm region, or calibrated against the ACPI
 * PM timer) is the one clock; the PM timer is available for reference.
 * time_ns() counts from the TSC value at boot. All conversions are exact
 * integer arithmetic on the same rate (rounded down, except
 * time_tsc_at_ns, rounded up), so absolute deadlines computed from ns
 * times never drift against time_ns().
 */
#ifndef INMATE_TIME_H
#define INMATE_TIME_H

#include <stdint.h>

uint64_t time_tsc(void);		/* raw TSC */
uint64_t time_ns(void);			/* nanoseconds since boot */
/* Durations. */
uint64_t time_tsc_to_ns(uint64_t ticks);
uint64_t time_ns_to_tsc(uint64_t ns);
/* Absolute times: a TSC value as ns since boot (0 before boot), and the
 * first TSC value at which time_ns() reaches ns (e.g. for
 * timer_start_deadline()). */
uint64_t time_ns_at_tsc(uint64_t tsc);
uint64_t time_tsc_at_ns(uint64_t ns);
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
