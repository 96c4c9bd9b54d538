// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The bare boot's identity map (39-bit VA, 4 KiB granule, the walk starts
 * at level 1: ARM DDI 0487 D8.2, descriptors D8.3): 1 GiB blocks, RAM
 * (RAM_FIRST_GIB..RAM_LAST_GIB) Normal write-back, everything else
 * Device-nGnRE; the GiB holding the image in 2 MiB blocks, and the 2 MiB
 * blocks of the image itself in 4 KiB pages, so that a stack's guard page
 * can be unmapped (guard_page_unmap). build_identity_map() runs from
 * entry.S with the MMU off (this file is built -mstrict-align with the rest
 * of the SDK, so its stores are aligned, as Device memory wants).
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"

#define IMAGE_L3_TABLES	8		/* the first 16 MiB of the image in pages */

extern uint64_t boot_pt_l1[512];
void arm64_tlb_flush_page(uintptr_t address);	/* tlb.c */
extern char __image_start[], __image_end[];
static uint64_t image_l2[512] __attribute__((aligned(4096)));
static uint64_t image_l3[IMAGE_L3_TABLES][512] __attribute__((aligned(4096)));

void build_identity_map(void);

void build_identity_map(void)
{
	uint64_t start = (uint64_t)(uintptr_t)__image_start, end = (uint64_t)(uintptr_t)__image_end;
	uint64_t gib = start / SZ_1G, block, first = start / SZ_2M, last = (end - 1) / SZ_2M;
	unsigned int i, j, table = 0;

	for (i = 0; i < 512; i++)
		boot_pt_l1[i] = (uint64_t)i * SZ_1G |
				(i >= RAM_FIRST_GIB && i <= RAM_LAST_GIB ? PTE_BLOCK_NORMAL :
									   PTE_BLOCK_DEVICE);
	for (i = 0; i < 512; i++)
		image_l2[i] = (gib * SZ_1G + i * SZ_2M) | PTE_BLOCK_NORMAL;
	for (block = first; block <= last && table < IMAGE_L3_TABLES; block++, table++) {
		if (block / 512 != gib)
			break;	/* past the image's GiB: stays in blocks */
		for (j = 0; j < 512; j++)
			image_l3[table][j] = (block * SZ_2M + j * 4096ull) | PTE_BLOCK_NORMAL | PTE_PAGE;
		image_l2[block % 512] = (uint64_t)(uintptr_t)image_l3[table] | PTE_TABLE;
	}
	boot_pt_l1[gib] = (uint64_t)(uintptr_t)image_l2 | PTE_TABLE;
	dsb(sy);
}

/*
 * Unmap one page of the image's pages (a stack's guard page): true if it
 * is now unmapped, false if it is not in a level-3 table (a cell's map, or
 * beyond the first 16 MiB of the image) and stays mapped. The entry goes,
 * then every CPU's TLB entry for it (tlb.c; D8.14).
 */
bool guard_page_unmap(uintptr_t page)
{
	uint64_t entry = boot_pt_l1[(page / SZ_1G) % 512], *level;

	if (page % 4096 || (entry & 3) != PTE_TABLE)
		return false;
	level = (uint64_t *)(uintptr_t)(entry & PTE_ADDRESS);
	entry = level[(page / SZ_2M) % 512];
	if ((entry & 3) != PTE_TABLE)
		return false;
	level = (uint64_t *)(uintptr_t)(entry & PTE_ADDRESS);
	__atomic_store_n(&level[(page / 4096) % 512], 0, __ATOMIC_RELEASE);
	arm64_tlb_flush_page(page);
	return true;
}
