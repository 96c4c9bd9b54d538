/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What generic hypervisor code needs from an architecture. x86 implements
 * it in arch/x86/ with AMD SVM behind the arch_vcpu_* calls; a VMX file set
 * would implement the same calls.
 */
#ifndef WARDEN_HV_ARCH_H
#define WARDEN_HV_ARCH_H

#include <hv/types.h>

struct per_cpu;
struct cell;

/* Console output device from the system config (may do nothing). */
void arch_console_init(const void *console_config);
void arch_console_write(char c);

/* This CPU's descriptor tables: install the hypervisor's, give back Linux's. */
void arch_cpu_install_tables(struct per_cpu *cpu);
void arch_cpu_restore_linux_tables(struct per_cpu *cpu);

/* The cell's address space, I/O and MSR permissions. */
int arch_cell_init(struct cell *cell);
/* A cell's memory leaves root (create) and comes back cleared (destroy). */
int arch_cell_create(struct cell *cell);
void arch_cell_destroy(struct cell *cell);
/* Reads root's guest-physical memory (its RAM only). */
int arch_cell_read_root(u64 address, void *buffer, u64 size);
/* Every root CPU has flushed its nested TLB when this returns. */
void arch_flush_root_tlbs(struct per_cpu *caller);
/* target parks in cell / comes back to root, waiting for root's INIT and SIPI. */
void arch_cpu_join(struct per_cpu *target, struct cell *cell);
void arch_cpu_leave(struct per_cpu *target);
/* A cell CPU faulted: it waits, parked, until the cell is destroyed, then runs root again. */
void __noreturn arch_cell_cpu_failed(struct per_cpu *cpu);
/* A parked CPU runs its cell from the cell's reset state. */
void arch_cpu_start(struct per_cpu *target);
/* A running CPU of a cell stops and waits, parked, for a start or a leave. */
void arch_cpu_park(struct per_cpu *target);
/* Loadable regions mapped for root (true) or taken back (false; flush after). */
int arch_cell_set_loadable(struct cell *cell, bool loadable);
/* The comm region as the inmate finds it at start, and where it is. */
void arch_cell_prepare_start(struct cell *cell);
void *arch_cell_comm_region(struct cell *cell);
/* Depth of the cell's second-stage (nested) page tables. */
unsigned int arch_cell_paging_levels(const struct cell *cell);

/* Virtualization extensions and this CPU's vCPU from Linux's live state. */
int arch_vcpu_init(struct per_cpu *cpu);
void arch_vcpu_undo(struct per_cpu *cpu);
void __noreturn arch_vcpu_run(struct per_cpu *cpu);
/* Gives the CPU back to the guest's state natively; never returns. */
void __noreturn arch_vcpu_leave(struct per_cpu *cpu);

#ifdef WARDEN_TEST_HOOKS
/* Test images only: WARDEN_HC_TEST_PROBE (include/warden/hypercall.h). */
s64 arch_test_probe(struct per_cpu *cpu, u64 operation, u64 argument);
#endif

void arch_cpu_relax(void);
/* A cycle counter that runs at a constant rate (x86: the TSC). */
u64 arch_cpu_cycles(void);
void __noreturn arch_cpu_stop(void);
unsigned int arch_cpu_phys_id(void);

#endif /* WARDEN_HV_ARCH_H */
