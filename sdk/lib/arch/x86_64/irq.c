// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Interrupt handlers per CPU and vector, the interrupt flag, and the EOI
 * after each handler. Each CPU has its own table (in its per-CPU data), so
 * the same vector can carry a different handler and context on every CPU,
 * as the per-CPU timer needs. Handlers defined with IRQ_HANDLER_NO_FPU
 * (recognised by the section the macro puts them in) run without the
 * FXSAVE/FXRSTOR around them; all others get it.
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include "arch_internal.h"

#define RFLAGS_IF 0x200

static volatile unsigned long unhandled;

/* Let a pending interrupt on the SDK's own vector in: dispatch only counts
 * it (the calibration waits for one). */
void irq_deliver_sdk_vector(void)
{
	asm volatile("sti; nop; cli" : : : "memory");
}

static bool handler_is_no_fpu(irq_handler_t handler)
{
	uintptr_t address = (uintptr_t)handler;

	return address >= (uintptr_t)__irq_no_fpu_start && address < (uintptr_t)__irq_no_fpu_end;
}

static struct irq_slot *slot_of(unsigned int vector)
{
	return &this_percpu()->irq_slots[vector - IRQ_VECTOR_FIRST];
}

static bool slot_saves_fpu(unsigned int vector)
{
	unsigned int n = vector - IRQ_VECTOR_FIRST;

	return !(this_percpu()->irq_no_fpu[n / 32] & (1u << (n % 32)));
}

static void set_no_fpu(unsigned int vector, bool no_fpu)
{
	unsigned int n = vector - IRQ_VECTOR_FIRST;
	uint32_t *word = &this_percpu()->irq_no_fpu[n / 32];

	*word = no_fpu ? *word | (1u << (n % 32)) : *word & ~(1u << (n % 32));
}

int irq_register(unsigned int vector, irq_handler_t handler, void *context)
{
	struct irq_slot *slot;
	unsigned long irq_state;

	if (vector < IRQ_VECTOR_FIRST || vector > IRQ_VECTOR_LAST || !handler)
		return -SDK_EINVAL;
	slot = slot_of(vector);
	if (slot->handler && slot->handler != handler)
		return -SDK_EBUSY;
	/* Only this CPU dispatches from its table; with interrupts off nothing
	 * can see the slot half-written. */
	irq_state = irq_save();
	slot->context = context;
	set_no_fpu(vector, handler_is_no_fpu(handler));
	slot->handler = handler;
	irq_restore(irq_state);
	return 0;
}

bool irq_saves_fpu(unsigned int vector)
{
	if (vector < IRQ_VECTOR_FIRST || vector > IRQ_VECTOR_LAST || !slot_of(vector)->handler)
		return true;
	return slot_saves_fpu(vector);
}

void irq_unregister(unsigned int vector)
{
	if (vector >= IRQ_VECTOR_FIRST && vector <= IRQ_VECTOR_LAST)
		slot_of(vector)->handler = NULL;
}

void irq_dispatch(struct interrupt_frame *frame)
{
	unsigned int vector = (unsigned int)frame->vector;
	struct irq_slot *slot;

	if (vector == IRQ_VECTOR_SPURIOUS)
		return;		/* no EOI for the spurious vector (SDM 10.9) */
	if (vector == IRQ_VECTOR_SDK) {
		this_percpu()->sdk_vector_count++;
	} else {
		slot = slot_of(vector);
		if (slot->handler && slot_saves_fpu(vector))
			irq_call_saving_fpu(slot->handler, vector, slot->context);
		else if (slot->handler)
			slot->handler(vector, slot->context);
		else
			__atomic_add_fetch(&unhandled, 1, __ATOMIC_RELAXED);
	}
	apic_eoi();
}

unsigned long irq_unhandled_count(void)
{
	return unhandled;
}

void irq_eoi(void)
{
	apic_eoi();
}

void irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

void irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

unsigned long irq_save(void)
{
	unsigned long flags;

	asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags & RFLAGS_IF;
}

void irq_restore(unsigned long state)
{
	if (state & RFLAGS_IF)
		irq_enable();
}

bool irq_enabled(void)
{
	unsigned long flags;

	asm volatile("pushfq; popq %0" : "=r"(flags));
	return flags & RFLAGS_IF;
}

/*
 * STI delays interrupts until after the next instruction (SDM vol. 2B,
 * STI), so an interrupt that became pending while interrupts were OFF wakes
 * this HLT instead of being taken before it. That protects a caller only
 * if it disabled interrupts before checking its wake-up condition
 * (irq_disable(); if (!done) cpu_wait_for_interrupt();): with interrupts on
 * during the check, an interrupt between check and HLT is handled at once
 * and the HLT then sleeps until the next one. periodic_wait() and
 * sleep_until_ns() do it right.
 */
void cpu_wait_for_interrupt(void)
{
	console_poll();		/* idle: the UART may take more output */
	asm volatile("sti; hlt" : : : "memory");
}

void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

void cpu_halt_forever(void)
{
	for (;;)
		asm volatile("cli; hlt" : : : "memory");
}
