/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The identity map every CPU runs on: guest-physical 0-4 GiB in 2 MiB
 * pages (AMD APM vol. 2, 5.3.4), writable, executable. 2-4 GiB (MMIO:
 * MMCONFIG, IOAPIC, HPET, local APIC) is mapped uncached (PCD|PWT).
 * Nothing above 4 GiB is mapped until map_range() (map.c) maps it: an
 * access there page-faults. The first 2 MiB, where the image lives, are
 * mapped in 4 KiB pages (boot_pt0), so that the page below each stack can
 * be unmapped as its guard (guard.c).
 */
#define PTE_PRESENT	0x001
#define PTE_WRITE	0x002
#define PTE_PWT		0x008
#define PTE_PCD		0x010
#define PTE_LARGE	0x080

	.section .data.pagetables, "aw"
	.balign 4096
	.globl boot_pml4, boot_pdpt, boot_pt0
boot_pml4:
	.quad	boot_pdpt + PTE_PRESENT + PTE_WRITE
	.fill	511, 8, 0
boot_pdpt:
	.quad	boot_pd + 0x0000 + PTE_PRESENT + PTE_WRITE
	.quad	boot_pd + 0x1000 + PTE_PRESENT + PTE_WRITE
	.quad	boot_pd + 0x2000 + PTE_PRESENT + PTE_WRITE
	.quad	boot_pd + 0x3000 + PTE_PRESENT + PTE_WRITE
	.fill	508, 8, 0
boot_pd:
	.quad	boot_pt0 + PTE_PRESENT + PTE_WRITE
	.set	page, 1
	.rept	1023
	.quad	(page << 21) + PTE_PRESENT + PTE_WRITE + PTE_LARGE
	.set	page, page + 1
	.endr
	.rept	1024
	.quad	(page << 21) + PTE_PRESENT + PTE_WRITE + PTE_LARGE + PTE_PCD + PTE_PWT
	.set	page, page + 1
	.endr
boot_pt0:
	.set	page, 0
	.rept	512
	.quad	(page << 12) + PTE_PRESENT + PTE_WRITE
	.set	page, page + 1
	.endr

	.section .note.GNU-stack, "", @progbits
