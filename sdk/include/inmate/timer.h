/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The per-CPU timer (x86: local APIC timer, in x2APIC or xAPIC mode).
 * Call timer_setup() on each CPU that uses it; the handler runs in
 * interrupt context, the SDK sends the EOI after it returns.
 */
#ifndef INMATE_TIMER_H
#define INMATE_TIMER_H

#include <stdbool.h>
#include <stdint.h>
#include <inmate/irq.h>

enum timer_mode {
	TIMER_ONESHOT,
	TIMER_PERIODIC,
	TIMER_DEADLINE,		/* TSC-deadline mode */
};

/* Route the timer of this CPU to vector and handler (interrupts stay as
 * they are; enable them with irq_enable()). */
int timer_setup(unsigned int vector, irq_handler_t handler, void *context);

/* A period or delay shorter than one timer count is one count; 0, or on
 * x86 one beyond the 32-bit counter, is an error. */
int timer_start_periodic(uint64_t period_ns);
int timer_start_oneshot(uint64_t delay_ns);
/* Fire when the TSC reaches tsc_deadline; -SDK_ENOTSUP without the feature. */
int timer_start_deadline(uint64_t tsc_deadline);
void timer_stop(void);

bool timer_has_deadline_mode(void);
uint32_t timer_khz(void);		/* timer count rate (divider 1) */
const char *timer_mode_name(enum timer_mode mode);
/* The hardware behind it, e.g. "x2APIC" or "xAPIC". */
const char *timer_hardware_name(void);

#endif /* INMATE_TIMER_H */
