/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU data: one page-aligned area per CPU, with the CPU's stack. */
#ifndef WARDEN_HV_PERCPU_H
#define WARDEN_HV_PERCPU_H

#include <hv/types.h>
#include <arch/percpu.h>
#include <warden/hypercall.h>
#include <warden/hypervisor_image.h>

#define MAX_CPUS	16
#define STACK_SIZE	(16 * 1024)

struct per_cpu {
	struct arch_per_cpu arch;	/* page-aligned parts first */
	u8 stack[STACK_SIZE] __aligned(16);
	unsigned int id;		/* Linux's CPU number */
	unsigned int phys_id;		/* APIC ID */
	unsigned int state;		/* WARDEN_CPU_* */
	struct cell *cell;
	struct warden_linux_cpu *linux_state;
	u64 exits[WARDEN_EXIT_COUNT];
} __aligned(4096);

struct per_cpu *per_cpu(unsigned int id);

/* Filled by the driver: Linux state the hypervisor cannot read itself. */
extern struct warden_linux_cpu linux_cpus[MAX_CPUS];

#endif /* WARDEN_HV_PERCPU_H */
