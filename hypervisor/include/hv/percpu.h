/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU data: one page-aligned area per CPU, with the CPU's stack. Each
 * CPU's page tables (built by the driver) map its own area writable, the
 * other CPUs' areas read-only, and no CPU's stack guard page.
 */
#ifndef WARDEN_HV_PERCPU_H
#define WARDEN_HV_PERCPU_H

#include <hv/types.h>
#include <arch/percpu.h>
#include <warden/hypercall.h>
#include <warden/hypervisor_image.h>

#define MAX_CPUS	16
#define STACK_SIZE	(16 * 1024)

struct per_cpu {
	u8 stack_guard[4096];		/* unmapped: the stack grows down into a fault */
	u8 stack[STACK_SIZE];
	struct arch_per_cpu arch;	/* page-aligned parts first */
	unsigned int id;		/* Linux's CPU number */
	unsigned int phys_id;		/* APIC ID */
	unsigned int state;		/* WARDEN_CPU_* */
	struct cell *cell;
	struct warden_linux_cpu *linux_state;
	u64 exits[WARDEN_EXIT_COUNT];
} __aligned(4096);

_Static_assert(offsetof(struct per_cpu, stack) == 4096, "per_cpu stack right above its guard");
_Static_assert(offsetof(struct per_cpu, arch) % 4096 == 0, "per_cpu arch page-aligned");

struct per_cpu *per_cpu(unsigned int id);

/* Filled by the driver: Linux state the hypervisor cannot read itself. */
extern struct warden_linux_cpu linux_cpus[MAX_CPUS];

#endif /* WARDEN_HV_PERCPU_H */
