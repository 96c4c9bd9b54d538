/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Further CPUs of the cell: started with INIT/SIPI into the image's reset
 * code, they get their own stack, IDT, local APIC, then run entry(cpu, arg).
 * CPU numbers are the cell's logical numbers 0..platform_num_cpus()-1; the
 * boot CPU is 0.
 */
#ifndef INMATE_SMP_H
#define INMATE_SMP_H

#include <stddef.h>
#include <stdint.h>

#define SMP_MAX_CPUS		8
#define SMP_STACK_SIZE		(16 * 1024)

typedef void (*smp_entry_t)(unsigned int cpu, void *arg);

int smp_start_cpu(unsigned int cpu, smp_entry_t entry, void *arg);
unsigned int smp_this_cpu(void);
unsigned int smp_cpus_online(void);
/* Send a fixed interrupt to a CPU of the cell. */
int smp_send_ipi(unsigned int cpu, unsigned int vector);

/* The application's per-CPU data: one pointer per CPU, set and read by
 * that CPU (through its GS-based per-CPU area: no table lookup by number,
 * usable from handlers). NULL until set. */
void smp_set_cpu_data(void *data);
void *smp_cpu_data(void);

/* A CPU's stack: its size (CPU 0: add_inmate's STACK_SIZE, the others
 * SMP_STACK_SIZE), the most of it ever used (0 for a CPU not started;
 * inmate_exit() prints both), and its guard page, the unmapped 4 KiB below
 * it: an overflow page-faults there and gets the usual fatal report. */
size_t smp_stack_size(unsigned int cpu);
size_t smp_stack_high_water(unsigned int cpu);
uintptr_t smp_stack_guard_page(unsigned int cpu);

#endif /* INMATE_SMP_H */
