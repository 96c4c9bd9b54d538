// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The interrupt descriptor table, shared by all CPUs: 256 interrupt gates
 * (AMD APM vol. 2, 4.8.3 and 8.9.1) pointing at the stubs of
 * interrupt_stubs.S, and the dispatch from the common stub.
 */
#include <stdint.h>
#include "arch_internal.h"
#include "boot_layout.h"

#define IDT_ENTRIES		256
#define STUB_SIZE		16
#define GATE_INTERRUPT		0x8e00	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_IST1		0x0001	/* switch to the TSS's IST1 stack (guard.c) */
#define VECTOR_DOUBLE_FAULT	8
#define VECTOR_PAGE_FAULT	14

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint16_t flags;
	uint16_t offset_middle;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));

_Static_assert(sizeof(struct idt_gate) == 16, "IDT gate is 16 bytes");

struct idt_descriptor {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

extern char interrupt_stubs[];

static struct idt_gate idt[IDT_ENTRIES] __attribute__((aligned(16)));
static volatile int idt_ready;

static void idt_fill(void)
{
	unsigned int vector;
	uint64_t stub;

	for (vector = 0; vector < IDT_ENTRIES; vector++) {
		stub = (uint64_t)interrupt_stubs + vector * STUB_SIZE;
		idt[vector].offset_low = (uint16_t)stub;
		idt[vector].selector = GDT_CODE64;
		idt[vector].flags = GATE_INTERRUPT;
		/* a stack overflow into a guard page: no stack left to push on */
		if (vector == VECTOR_PAGE_FAULT || vector == VECTOR_DOUBLE_FAULT)
			idt[vector].flags |= GATE_IST1;
		idt[vector].offset_middle = (uint16_t)(stub >> 16);
		idt[vector].offset_high = (uint32_t)(stub >> 32);
		idt[vector].reserved = 0;
	}
	idt_ready = 1;
}

void idt_load(void)
{
	struct idt_descriptor descriptor = {
		.limit = sizeof(idt) - 1,
		.base = (uint64_t)idt,
	};

	if (!idt_ready)
		idt_fill();
	asm volatile("lidt %0" : : "m"(descriptor));
}

void interrupt_dispatch(struct interrupt_frame *frame);

void interrupt_dispatch(struct interrupt_frame *frame)
{
	if (frame->vector < 32)
		exception_report(frame);
	irq_dispatch(frame);
}
