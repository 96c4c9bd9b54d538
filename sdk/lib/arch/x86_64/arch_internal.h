/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Interfaces between the x86-64 startup modules (not public). */
#ifndef SDK_X86_ARCH_INTERNAL_H
#define SDK_X86_ARCH_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <inmate/irq.h>

/* Saved by interrupt_stubs.S, in this order from the stack pointer up. */
struct interrupt_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rdi, rsi, rbp, rbx, rdx, rcx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

#define IRQ_HANDLER_SLOTS	(IRQ_VECTOR_LAST - IRQ_VECTOR_FIRST + 1)

struct irq_slot {
	irq_handler_t handler;
	void *context;
};

/* The 64-bit task-state segment: only the interrupt stack table is used. */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

_Static_assert(sizeof(struct tss) == 104, "the 64-bit TSS is 104 bytes");

#define IST_STACK_SIZE	4096

/* Per-CPU data, reached through the GS base. */
struct percpu {
	struct percpu *self;
	unsigned int cpu;		/* logical number in the cell */
	uint32_t apic_id;
	unsigned int timer_vector;	/* the application's (timer_setup) */
	unsigned int timer_mode;	/* enum timer_mode of the running timer */
	unsigned int lvt_vector;	/* vector the LVT holds while armed */
	bool timer_armed;		/* LVT holds timer_mode and lvt_vector */
	bool has_tsc_deadline;		/* CPUID.1:ECX[24], read once at init */
	volatile unsigned long sdk_vector_count;	/* IRQ_VECTOR_SDK arrivals */
	void *app_data;			/* smp_set_cpu_data() */
	struct irq_slot irq_slots[IRQ_HANDLER_SLOTS];	/* this CPU's handlers */
	/* bit n: the handler of vector IRQ_VECTOR_FIRST + n is IRQ_HANDLER_NO_FPU */
	uint32_t irq_no_fpu[(IRQ_HANDLER_SLOTS + 31) / 32];
	struct tss tss;			/* IST1: ist_stack, for #PF and #DF */
	uint8_t ist_stack[IST_STACK_SIZE] __attribute__((aligned(16)));
};

static inline struct percpu *this_percpu(void)
{
	struct percpu *p;

	asm volatile("movq %%gs:0, %0" : "=r"(p));
	return p;
}

void percpu_install(struct percpu *percpu);
struct percpu *smp_percpu(unsigned int cpu);

/* PM timer raw access for calibration and the wrap-safe clock. */
uint32_t pm_timer_read_raw(void);

/* entry.S / linker script */
extern uint32_t boot_bare_mode;
extern uint32_t boot_multiboot_mem_upper;
extern uint64_t smp_ap_stack;
extern char boot_cmdline[];
extern char __image_end[];

void idt_load(void);				/* idt.c, every CPU */
void exception_report(struct interrupt_frame *frame) __attribute__((noreturn));
void irq_dispatch(struct interrupt_frame *frame);	/* irq.c */
/* interrupt_stubs.S: handler(vector, context) inside FXSAVE/FXRSTOR */
void irq_call_saving_fpu(irq_handler_t handler, unsigned int vector, void *context);
/* linker script: where IRQ_HANDLER_NO_FPU puts handlers */
extern char __irq_no_fpu_start[], __irq_no_fpu_end[];
/* Let a pending interrupt on IRQ_VECTOR_SDK in (interrupts are off). */
void irq_deliver_sdk_vector(void);

/* Bare mode (bare.c, acpi.c): fill the comm region like a hypervisor. */
void bare_platform_early(void);
void bare_platform_init(void);

struct acpi_facts {
	uint16_t pm_timer_port;
	bool pm_timer_32bit;
	uint64_t mmconfig_base;
	uint64_t ioapic_base;
	unsigned int num_cpus;
	uint32_t cpu_apic_id[64];
};
int acpi_read_facts(struct acpi_facts *facts);

/* Timing (calibrate.c): a non-zero *tsc_khz is taken as known, not measured. */
int calibrate_timers(uint32_t *tsc_khz, uint32_t *apic_khz, unsigned int window_ms);

void apic_boot_init(void);	/* choose x2APIC/xAPIC for all CPUs */
/* apic_mode.c (pure): IA32_APIC_BASE for a mode, and the way there */
uint64_t apic_base_for_mode(uint64_t current, bool x2apic);
bool apic_base_needs_disable_first(uint64_t current, uint64_t wanted);
uint64_t apic_base_disabled(uint64_t current);
void mtrr_enable_at_boot(void);	/* mtrr.c, every CPU */
/* entry.S: CPUs that entered at the reset address with the boot CPU */
extern volatile uint32_t boot_parked_count;
extern volatile uint32_t boot_parked_apic_id[];
void cell_cpus_discover(void);	/* cell_cpus.c */
/* guard.c: unmap a page of the image's first 2 MiB; load this CPU's TSS */
void guard_page_unmap(uintptr_t page);
void tss_install(struct percpu *cpu);
void console_setup(void);	/* from comm region and command line */
void hypercall_detect(void);
bool hypercall_debug_putc(char c);
void timer_cpu_init(void);
/* Arm this CPU's timer to raise IRQ_VECTOR_SDK at TSC value deadline (or
 * as close after it as the timer can; apic_timer.c). */
int timer_arm_wakeup(uint64_t deadline_tsc, uint64_t now_tsc);

#endif /* SDK_X86_ARCH_INTERNAL_H */
