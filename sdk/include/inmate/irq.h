/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Interrupts: one handler and context per vector and CPU, vectors
 * IRQ_VECTOR_FIRST..IRQ_VECTOR_LAST. irq_register() installs the handler
 * on the calling CPU only: a CPU that receives an interrupt (IPI, its
 * timer, a device routed to it) registers the handler itself, and the same
 * vector may carry a different handler or context on each CPU. The SDK
 * saves the general registers and the x87/SSE state (FXSAVE) around a
 * handler, so handlers may use floating point, and acknowledges the
 * interrupt (EOI) after the handler returns.
 *
 * A handler that needs no floating point can skip the FXSAVE/FXRSTOR (512
 * bytes each way) by being defined with IRQ_HANDLER_NO_FPU:
 *
 *	static IRQ_HANDLER_NO_FPU(on_tick)
 *	{
 *		ticks++;
 *	}
 *
 * The macro compiles it without FPU/SSE/AVX (GCC's target
 * "general-regs-only": a float in it is a compile error, and GCC cannot
 * vectorise it) and puts it in a section by which irq_register()
 * recognises it; no other handler skips the save. Functions it calls must
 * be FPU-free as well: the SDK's are (libwarden_sdk is built with
 * -mgeneral-regs-only); give yours the same attribute or compile their file
 * with -mgeneral-regs-only.
 */
#ifndef INMATE_IRQ_H
#define INMATE_IRQ_H

#include <stdbool.h>

#define IRQ_VECTOR_FIRST	32
#define IRQ_VECTOR_LAST		253
#define IRQ_VECTOR_SDK		254	/* the SDK's own: calibration, sleep wake-ups */
#define IRQ_VECTOR_SPURIOUS	255

typedef void (*irq_handler_t)(unsigned int vector, void *context);

#define IRQ_HANDLER_NO_FPU(name)						\
	__attribute__((target("general-regs-only"), section(".text.irq_no_fpu"),	\
		       noinline)) void name(unsigned int vector, void *context)

/* On this CPU; -SDK_EBUSY if another handler has the vector here. */
int irq_register(unsigned int vector, irq_handler_t handler, void *context);
void irq_unregister(unsigned int vector);
/* Whether this CPU's handler on vector runs inside FXSAVE/FXRSTOR. */
bool irq_saves_fpu(unsigned int vector);

void irq_enable(void);
void irq_disable(void);
bool irq_enabled(void);
/* Disable and return the previous state; irq_restore() puts it back. */
unsigned long irq_save(void);
void irq_restore(unsigned long state);

/* Acknowledge the current interrupt now (the SDK does it anyway after the
 * handler; a second EOI for the same interrupt is harmless only if no other
 * interrupt is in service, so handlers normally do not call this). */
void irq_eoi(void);

/* Count of interrupts that arrived on a vector with no handler. */
unsigned long irq_unhandled_count(void);

#endif /* INMATE_IRQ_H */
