/* SPDX-License-Identifier: GPL-2.0-only */
/* Entering, running and leaving the hypervisor: generic control flow. */
#ifndef WARDEN_HV_CONTROL_H
#define WARDEN_HV_CONTROL_H

#include <hv/percpu.h>

extern struct warden_hypervisor_header hypervisor_header;

/* Called on every CPU by the arch entry; returns only on failure (-errno). */
int hypervisor_enter(struct per_cpu *cpu);

/*
 * Records why enabling failed (the first reason of all CPUs wins) and
 * returns -error.
 */
int enable_fail(int error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A hypercall from the guest on cpu; the result goes back in its register. */
s64 hypercall(struct per_cpu *cpu, u64 code, u64 arg1, u64 arg2);

/* Stops the calling CPU for good after an unrecoverable guest event. */
void __noreturn panic_stop(struct per_cpu *cpu, const char *reason);

/*
 * The guest on cpu did what ends it (WARDEN_FAILURE_*; address: what the
 * reason's address field means, rip: where). A cell's CPU is parked and
 * the cell fails, the first fault recorded for `warden cell list`; for the
 * root cell it is panic_stop.
 */
void __noreturn guest_fault(struct per_cpu *cpu, u32 reason, u64 address, u64 rip);

#endif /* WARDEN_HV_CONTROL_H */
