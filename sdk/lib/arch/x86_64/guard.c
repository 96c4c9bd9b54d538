// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Stack guard pages and the stack that reports hitting one. The page below
 * every stack is unmapped (boot_pt0 maps the image's 2 MiB in 4 KiB pages),
 * so an overflow page-faults instead of overwriting what lies below. The
 * CPU could not push the fault's frame onto the overflowed stack, so the
 * page fault and the double fault switch to a stack of their own through
 * the TSS's interrupt stack table (AMD APM vol. 2, 8.9.4; Intel SDM vol.
 * 3A, 6.14.5); each CPU has its own TSS and IST stack.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "boot_layout.h"

#define PAGE_SIZE	4096
#define TSS_TYPE_64	0x89ull		/* present, DPL 0, available 64-bit TSS */

extern uint64_t boot_pt0[512];
extern uint64_t boot_gdt_tss[];

void guard_page_unmap(uintptr_t page)
{
	if (page % PAGE_SIZE || page >= 512 * PAGE_SIZE)
		return;
	__atomic_store_n(&boot_pt0[page / PAGE_SIZE], 0, __ATOMIC_RELEASE);
	asm volatile("invlpg (%0)" : : "r"(page) : "memory");
}

/* This CPU's TSS with IST1 = its own stack, loaded into TR. */
void tss_install(struct percpu *cpu)
{
	uint64_t base = (uint64_t)&cpu->tss, limit = sizeof(cpu->tss) - 1;
	uint16_t selector = (uint16_t)(GDT_TSS_FIRST + 16 * cpu->cpu);

	memset(&cpu->tss, 0, sizeof(cpu->tss));
	cpu->tss.ist[0] = (uint64_t)(cpu->ist_stack + sizeof(cpu->ist_stack));
	cpu->tss.iomap_base = sizeof(cpu->tss);		/* no I/O bitmap */
	boot_gdt_tss[2 * cpu->cpu] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
				     (TSS_TYPE_64 << 40) | (((limit >> 16) & 0xf) << 48) |
				     (((base >> 24) & 0xff) << 56);
	boot_gdt_tss[2 * cpu->cpu + 1] = base >> 32;
	asm volatile("ltr %0" : : "r"(selector) : "memory");
}
