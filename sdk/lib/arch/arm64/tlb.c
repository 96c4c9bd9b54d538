// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* TLB maintenance for page-table changes (map.c, identity_map.c), apart so that map.c's logic compiles on
 * the host. */
#include <inmate/inmate.h>

void arm64_tlb_flush_all(void);
void arm64_tlb_flush_page(uintptr_t address);

/*
 * After a page-table store: the store complete before the invalidation
 * (DSB ISHST), every CPU's EL1 TLB entries of this translation regime
 * invalidated (TLBI VMALLE1IS), complete everywhere (DSB ISH), and this
 * CPU's pipeline refetched (ISB). ARM DDI 0487 D8.14 and the TLB
 * maintenance example in K11.5.
 */
void arm64_tlb_flush_all(void)
{
	__asm__ volatile("dsb ishst\n\ttlbi vmalle1is\n\tdsb ish\n\tisb" ::: "memory");
}

/* The same for the one page at address, by VA for all ASIDs (TLBI VAAE1IS). */
void arm64_tlb_flush_page(uintptr_t address)
{
	__asm__ volatile("dsb ishst\n\ttlbi vaae1is, %0\n\tdsb ish\n\tisb"
			 : : "r"((uint64_t)address >> 12) : "memory");
}
