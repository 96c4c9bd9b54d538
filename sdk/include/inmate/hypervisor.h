/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * What the hypervisor tells a cell about CPUs: state and VM-exit counters
 * (hypercall WARDEN_HC_CPU_GET_INFO, include/warden/hypercall.h).
 *
 * Each call is a hypercall: one VM exit, which the hypervisor counts like
 * any other (WARDEN_EXIT_HYPERCALL and the total). Read counters before and
 * after a phase, not inside a measured path; figures such as irqlat's exits
 * per interrupt are read by root from outside the cell, where reading does
 * not disturb them. CPU numbers are the hypervisor's (root Linux's CPU
 * numbers, as in the cell configuration), not the cell's 0..n-1; the
 * hypervisor may refuse CPUs that are not the cell's.
 */
#ifndef INMATE_HYPERVISOR_H
#define INMATE_HYPERVISOR_H

#include <stdbool.h>
#include <stdint.h>
#include <warden/hypercall.h>

/* Warden's CPUID signature leaf is there (bare on QEMU: it is not). */
bool hypervisor_present(void);

/* WARDEN_CPU_RUNNING/OFF/FAILED, or a negative code: -SDK_ENOTSUP without
 * Warden, else the hypervisor's negative errno. */
int64_t hypervisor_cpu_state(unsigned int hv_cpu);

/* VM exits of hv_cpu for reason WARDEN_EXIT_* (WARDEN_EXIT_TOTAL: all), or
 * a negative code as above. */
int64_t hypervisor_cpu_exits(unsigned int hv_cpu, unsigned int reason);

/* The hypervisor's number of the cell's CPU cell_cpu (0..n-1, ascending as
 * in the cell configuration): one hypercall per CPU number asked, so call it
 * once, outside measured paths. -SDK_ENOTSUP without Warden, -SDK_ENOENT when
 * the cell has fewer CPUs. */
int64_t hypervisor_cpu_number(unsigned int cell_cpu);

#endif /* INMATE_HYPERVISOR_H */
