// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Interrupt handlers per vector, interrupt flag, and the EOI after each. */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include "arch_internal.h"

#define RFLAGS_IF 0x200

static struct {
	irq_handler_t handler;
	void *context;
} handlers[256];

static volatile unsigned long unhandled;

static void sdk_vector(unsigned int vector, void *context)
{
}

/* The SDK's own vector: expected interrupts that need nothing but the EOI. */
void irq_deliver_sdk_vector(void)
{
	handlers[IRQ_VECTOR_SDK].handler = sdk_vector;
	asm volatile("sti; nop; cli" : : : "memory");
}

int irq_register(unsigned int vector, irq_handler_t handler, void *context)
{
	if (vector < IRQ_VECTOR_FIRST || vector > IRQ_VECTOR_LAST || !handler)
		return -SDK_EINVAL;
	if (handlers[vector].handler && handlers[vector].handler != handler)
		return -SDK_EBUSY;
	handlers[vector].context = context;
	/* The handler is what dispatch tests: publish the context first. */
	__atomic_store_n(&handlers[vector].handler, handler, __ATOMIC_RELEASE);
	return 0;
}

void irq_unregister(unsigned int vector)
{
	if (vector >= IRQ_VECTOR_FIRST && vector <= IRQ_VECTOR_LAST)
		__atomic_store_n(&handlers[vector].handler, NULL, __ATOMIC_RELEASE);
}

void irq_dispatch(struct interrupt_frame *frame)
{
	unsigned int vector = (unsigned int)frame->vector;
	irq_handler_t handler;

	if (vector == IRQ_VECTOR_SPURIOUS)
		return;		/* no EOI for the spurious vector (SDM 10.9) */
	handler = __atomic_load_n(&handlers[vector].handler, __ATOMIC_ACQUIRE);
	if (handler)
		handler(vector, handlers[vector].context);
	else
		__atomic_add_fetch(&unhandled, 1, __ATOMIC_RELAXED);
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

void cpu_wait_for_interrupt(void)
{
	/* STI takes effect after the next instruction: no wake-up is lost
	 * between the two (SDM vol. 2B, STI). */
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
