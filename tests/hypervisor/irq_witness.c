// SPDX-License-Identifier: GPL-2.0-only
/*
 * irq-witness: the cell side of hypervisor.cells-root-irq. It takes every
 * interrupt vector (32-253) on its CPU, says "ready" on its console and
 * then waits in HLT with interrupts on, so that it makes no VM exit of its
 * own. Any interrupt that reaches it is printed with its vector when it
 * wakes; an NMI ends in the SDK's exception report ("exception 2 (NMI)").
 * The test expects neither: root's attempts to reach this CPU must all be
 * stopped by the hypervisor.
 */
#include <inmate/inmate.h>

static volatile unsigned long arrivals[IRQ_VECTOR_LAST + 1];

static IRQ_HANDLER_NO_FPU(count_arrival)
{
	(void)context;
	arrivals[vector]++;
}

static void report_arrivals(unsigned long *reported)
{
	unsigned int vector;

	for (vector = IRQ_VECTOR_FIRST; vector <= IRQ_VECTOR_LAST; vector++) {
		if (arrivals[vector] == reported[vector])
			continue;
		reported[vector] = arrivals[vector];
		printk("irq-witness: vector 0x%x arrived (%lu so far)\n", vector,
		       reported[vector]);
	}
	console_flush();
}

void inmate_main(void)
{
	static unsigned long reported[IRQ_VECTOR_LAST + 1];
	unsigned int vector;

	for (vector = IRQ_VECTOR_FIRST; vector <= IRQ_VECTOR_LAST; vector++)
		irq_register(vector, count_arrival, NULL);
	printk("irq-witness: ready on APIC ID %u, waiting in HLT with interrupts on\n",
	       platform_cpu_apic_id(0));
	console_flush();
	for (;;) {
		irq_disable();
		cpu_wait_for_interrupt();
		report_arrivals(reported);
	}
}
