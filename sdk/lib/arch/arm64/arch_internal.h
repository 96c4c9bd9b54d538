/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Interfaces between the ARM64 arch files (not public). */
#ifndef SDK_ARM64_ARCH_INTERNAL_H
#define SDK_ARM64_ARCH_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <inmate/inmate.h>

#define IRQ_VECTORS	256

struct irq_slot {
	irq_handler_t handler;
	void *context;
	bool no_fpu;
};

/* Per-CPU data, found through TPIDR_EL1. */
struct percpu {
	unsigned int cpu;		/* cell CPU number */
	uint64_t mpidr;
	void *app_data;			/* smp_set_cpu_data */
	struct irq_slot slots[IRQ_VECTORS];
	uint64_t pending_ipis[IRQ_VECTORS / 64];	/* smp_send_ipi, over one SGI */
	unsigned int current_intid;	/* being handled, if in_irq */
	bool in_irq, eoi_done;
	/* the generic timer (timer.c) */
	unsigned int timer_vector;	/* 0: not set up */
	bool timer_periodic, sdk_wakeup;
	uint64_t timer_period, timer_cval;
	uint8_t fpu_area[528] __attribute__((aligned(16)));
};

struct percpu *this_cpu(void);
struct percpu *smp_percpu(unsigned int cpu);

/* The platform the device tree describes (dt.c read by setup.c). */
struct arm64_platform {
	uint64_t uart_base;
	uint64_t ram_size;		/* /memory's first range */
	uint64_t gicd_base, gicr_base, gicr_size;
	unsigned int timer_ppi;		/* INTID of the timer in use (timer_select) */
	unsigned int virtual_timer_ppi, physical_timer_ppi;	/* EL1 virtual, non-secure physical */
	bool timer_physical;		/* the EL1 physical timer, compared with CNTPCT */
	uint64_t physical_offset;	/* CNTPCT - CNTVCT (= CNTVOFF_EL2), for its CVAL */
	bool psci_hvc;
	unsigned int num_cpus;
	uint64_t cpu_mpidr[SMP_MAX_CPUS];
};
extern struct arm64_platform arm64_platform;
void arm64_platform_read(const void *dtb);
/* boot_cpu.c: the boot CPU's start once the platform is known; does not return */
void arm64_boot_cpu_run(const char *mode, bool own_distributor, uint32_t counter_khz)
	__attribute__((noreturn));
/* timer.c: which generic timer the SDK uses, from the command line ("generic-timer=virtual|physical") */
void timer_select(void);

void arm64_cmdline_read(const void *dtb, char *buf, size_t size);

/* identity_map.c: unmap a stack's guard page; false if it cannot be (stays mapped) */
bool guard_page_unmap(uintptr_t page);
/* smp.c: the boot CPU's guard page, once the MMU is on */
void smp_guard_boot_stack(void);

/* pl011.c */
void pl011_init(uint64_t base);

/* gicv3.c */
void gic_init_distributor(void);
void gic_init_cpu(void);
void gic_enable_ppi_sgi(unsigned int intid);
unsigned int gic_acknowledge(void);
void gic_end_of_interrupt(unsigned int intid);
void gic_send_sgi(uint64_t target_mpidr, unsigned int intid);
#define GIC_SGI_IPI	0	/* smp_send_ipi's SGI */
#define GIC_SPURIOUS	1020

/* timer.c: from irq_dispatch; returns the vector to run (0: none) */
unsigned int timer_interrupt(struct percpu *cpu);
void timer_cpu_init(void);
/* arm the SDK's wake-up at counter value deadline */
void timer_arm_wakeup(uint64_t deadline);

/* psci.c */
int64_t psci_call(uint64_t function, uint64_t a1, uint64_t a2, uint64_t a3);
#define PSCI_CPU_ON		0xc4000003
#define PSCI_SYSTEM_OFF		0x84000008

/* vectors.S */
void fpu_save(void *area);
void fpu_restore(void *area);

#endif /* SDK_ARM64_ARCH_INTERNAL_H */
