// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Interrupts on ARM64: the SDK's vectors (inmate/irq.h) are software
 * numbers per CPU. The GIC's INTIDs map onto them: the virtual timer PPI
 * to the vector timer_setup() chose (or the SDK's wake-up), SGI 0 to the
 * vectors other CPUs posted with smp_send_ipi(). Handlers run with
 * interrupts masked; FP/SIMD registers are saved around any handler not
 * defined with IRQ_HANDLER_NO_FPU.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"

#define DAIF_I		(1 << 7)

extern char __irq_no_fpu_start[], __irq_no_fpu_end[];
static unsigned long unhandled;

static bool handler_is_no_fpu(irq_handler_t handler)
{
	uintptr_t address = (uintptr_t)handler;

	return address >= (uintptr_t)__irq_no_fpu_start && address < (uintptr_t)__irq_no_fpu_end;
}

int irq_register(unsigned int vector, irq_handler_t handler, void *context)
{
	struct irq_slot *slot;

	if (vector >= IRQ_VECTORS || !handler)
		return -SDK_EINVAL;
	slot = &this_cpu()->slots[vector];
	if (slot->handler)
		return -SDK_EBUSY;
	slot->context = context;
	slot->no_fpu = handler_is_no_fpu(handler);
	__atomic_store_n(&slot->handler, handler, __ATOMIC_RELEASE);
	return 0;
}

void irq_unregister(unsigned int vector)
{
	if (vector < IRQ_VECTORS)
		__atomic_store_n(&this_cpu()->slots[vector].handler, NULL, __ATOMIC_RELEASE);
}

bool irq_saves_fpu(unsigned int vector)
{
	return vector < IRQ_VECTORS && this_cpu()->slots[vector].handler &&
	       !this_cpu()->slots[vector].no_fpu;
}

static void run_vector(struct percpu *cpu, unsigned int vector)
{
	struct irq_slot *slot = &cpu->slots[vector];
	irq_handler_t handler = __atomic_load_n(&slot->handler, __ATOMIC_ACQUIRE);

	if (!handler) {
		if (vector != IRQ_VECTOR_SDK)
			unhandled++;
		return;
	}
	if (slot->no_fpu) {
		handler(vector, slot->context);
		return;
	}
	fpu_save(cpu->fpu_area);
	handler(vector, slot->context);
	fpu_restore(cpu->fpu_area);
}

static void run_posted_ipis(struct percpu *cpu)
{
	unsigned int word, bit;
	uint64_t pending;

	for (word = 0; word < IRQ_VECTORS / 64; word++) {
		pending = __atomic_exchange_n(&cpu->pending_ipis[word], 0, __ATOMIC_ACQ_REL);
		while (pending) {
			bit = (unsigned int)__builtin_ctzll(pending);
			pending &= pending - 1;
			run_vector(cpu, word * 64 + bit);
		}
	}
}

void irq_dispatch(void);

/* vectors.S, IRQ at the current EL with interrupts masked. */
void irq_dispatch(void)
{
	struct percpu *cpu = this_cpu();
	unsigned int intid = gic_acknowledge(), vector;

	if (intid >= GIC_SPURIOUS)
		return;
	cpu->current_intid = intid;
	cpu->eoi_done = false;
	cpu->in_irq = true;
	if (intid == arm64_platform.timer_ppi) {
		vector = timer_interrupt(cpu);
		if (vector)
			run_vector(cpu, vector);
	} else if (intid == GIC_SGI_IPI) {
		run_posted_ipis(cpu);
	} else {
		unhandled++;
	}
	if (!cpu->eoi_done)
		gic_end_of_interrupt(intid);
	cpu->in_irq = false;
}

void irq_eoi(void)
{
	struct percpu *cpu = this_cpu();

	if (cpu->in_irq && !cpu->eoi_done) {
		gic_end_of_interrupt(cpu->current_intid);
		cpu->eoi_done = true;
	}
}

unsigned long irq_unhandled_count(void)
{
	return __atomic_load_n(&unhandled, __ATOMIC_RELAXED);
}

void irq_enable(void)
{
	__asm__ volatile("msr daifclr, #2" ::: "memory");
}

void irq_disable(void)
{
	__asm__ volatile("msr daifset, #2" ::: "memory");
}

bool irq_enabled(void)
{
	return !(read_sysreg(daif) & DAIF_I);
}

unsigned long irq_save(void)
{
	unsigned long state = read_sysreg(daif);

	irq_disable();
	return state;
}

void irq_restore(unsigned long state)
{
	write_sysreg(daif, state);
}

/* WFI with interrupts masked still wakes on a pending one (ARM DDI 0487
 * D1.6.2), so none is lost between the decision to sleep and the WFI. */
void cpu_wait_for_interrupt(void)
{
	console_poll();
	irq_disable();
	__asm__ volatile("dsb sy; wfi" ::: "memory");
	irq_enable();
}

void cpu_relax(void)
{
	__asm__ volatile("yield" ::: "memory");
}

void cpu_halt_forever(void)
{
	irq_disable();
	for (;;)
		__asm__ volatile("wfi");
}
