// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * map_range() (inmate/map.h) on ARM64. The identity map (entry.S bare,
 * cell.c in a cell) is one level-1 table of 1 GiB blocks over the 39-bit
 * space (ARM DDI 0487 D8.2: 4 KiB granule, the walk starts at level 1):
 * RAM normal write-back, everything else Device-nGnRE. Nothing is unmapped,
 * so above 4 GiB map_range() gives the blocks the range touches the memory
 * type asked for, whole GiBs (the range is rounded out to 1 GiB; no finer
 * table). The first map_range() of a GiB decides its type: another type
 * later is -SDK_EBUSY, as on x86.
 *
 * Changing a valid block's attributes needs break-before-make (ARM DDI
 * 0487 D8.14.1): the entry is made invalid, the TLBs of all CPUs forget it
 * (arm64_tlb_flush_all, inner shareable), then the new entry is written.
 * Nothing else CPU-specific is here, so the host test
 * (tests/sdk/map_arm64_test.c) runs it on a table of its own.
 */
#include <inmate/inmate.h>
#include <inmate/map.h>
#include "sysreg.h"

#define MAP_LIMIT	(512 * SZ_1G)	/* what the level-1 table covers */

extern uint64_t boot_pt_l1[512];	/* entry.S, cell_entry.S */
void arm64_tlb_flush_all(void);		/* tlb.c */

/* 0: the GiB keeps the boot map's type; else 1 + the enum map_cache it was given */
static uint8_t given_type[512];
static int map_lock;

static uint64_t block_of(uint64_t gib, enum map_cache cache)
{
	switch (cache) {
	case MAP_CACHE_WB:
		return gib * SZ_1G | PTE_BLOCK_NORMAL;
	case MAP_CACHE_WT:
		return gib * SZ_1G | PTE_BLOCK_NORMAL_WT;
	default:
		return gib * SZ_1G | PTE_BLOCK_DEVICE;
	}
}

static void set_block(uint64_t gib, uint64_t entry)
{
	if (boot_pt_l1[gib] == entry)
		return;
	__atomic_store_n(&boot_pt_l1[gib], 0, __ATOMIC_RELEASE);
	arm64_tlb_flush_all();
	__atomic_store_n(&boot_pt_l1[gib], entry, __ATOMIC_RELEASE);
	arm64_tlb_flush_all();	/* and the walker sees the new entry before any access */
}

static int map_locked(uint64_t first, uint64_t end, enum map_cache cache)
{
	uint64_t gib;

	/* all or nothing: refuse before any block changes */
	for (gib = first; gib < end; gib++)
		if (given_type[gib] && given_type[gib] != 1 + cache)
			return -SDK_EBUSY;
	for (gib = first; gib < end; gib++) {
		set_block(gib, block_of(gib, cache));
		given_type[gib] = (uint8_t)(1 + cache);
	}
	return 0;
}

int map_range(uint64_t phys, uint64_t size, enum map_cache cache)
{
	int err;

	if (size == 0 || phys < 4 * SZ_1G || cache > MAP_CACHE_UC)
		return -SDK_EINVAL;
	if (phys >= MAP_LIMIT || size > MAP_LIMIT - phys)
		return -SDK_ERANGE;
	while (__atomic_exchange_n(&map_lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
	err = map_locked(phys / SZ_1G, (phys + size + SZ_1G - 1) / SZ_1G, cache);
	__atomic_store_n(&map_lock, 0, __ATOMIC_RELEASE);
	return err;
}
