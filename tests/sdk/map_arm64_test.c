// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the ARM64 map_range() (sdk/lib/arch/arm64/map.c) on a level-1 table of its
 * own, laid out as the bare boot lays it out (GiB 1-7 normal, the rest device): which blocks it
 * rewrites (whole GiBs, rounded out), each change made invalid and flushed before the new entry
 * goes in (break-before-make), the refusals, and a GiB keeping the type it was first given.
 */
#include <stdint.h>
#include <stdio.h>
#include <inmate/inmate.h>
#include <inmate/map.h>
#include "../../sdk/lib/arch/arm64/sysreg.h"
#include "host_check.h"

#define GIB (1ull << 30)

uint64_t boot_pt_l1[512] __attribute__((aligned(4096)));
static unsigned int flushes, flushes_while_invalid;
static int64_t last_cleared = -1;

void cpu_relax(void)
{
}

/* The stand-in for the TLB flush: counts, and notes whether a block was invalid when it came. */
void arm64_tlb_flush_all(void);
void arm64_tlb_flush_all(void)
{
	unsigned int i;

	flushes++;
	for (i = 0; i < 512; i++)
		if (boot_pt_l1[i] == 0) {
			flushes_while_invalid++;
			last_cleared = i;
		}
}

static void boot_map(void)
{
	unsigned int i;

	for (i = 0; i < 512; i++)
		boot_pt_l1[i] = i * GIB | (i >= 1 && i <= 7 ? PTE_BLOCK_NORMAL : PTE_BLOCK_DEVICE);
}

int main(void)
{
	uint64_t before[512];
	unsigned int i, changed = 0;

	boot_map();
	for (i = 0; i < 512; i++)
		before[i] = boot_pt_l1[i];
	expect(map_range(0x80000000ull, 4096, MAP_CACHE_UC) == -SDK_EINVAL, "below 4 GiB refused");
	expect(map_range(8 * GIB, 0, MAP_CACHE_WB) == -SDK_EINVAL, "size 0 refused");
	expect(map_range(8 * GIB, 4096, (enum map_cache)7) == -SDK_EINVAL, "unknown type refused");
	expect(map_range(512 * GIB, 4096, MAP_CACHE_WB) == -SDK_ERANGE, "at 512 GiB refused");
	expect(map_range(511 * GIB, 2 * GIB, MAP_CACHE_WB) == -SDK_ERANGE, "across 512 GiB refused");
	expect(flushes == 0, "nothing flushed for refused ranges");

	/* 8 GiB + 1 MiB, 1 GiB long: GiBs 8 and 9 become normal write-back, nothing else changes */
	expect(map_range(8 * GIB + (1 << 20), GIB, MAP_CACHE_WB) == 0, "RAM at 8 GiB");
	expect(boot_pt_l1[8] == (8 * GIB | PTE_BLOCK_NORMAL), "GiB 8 normal write-back");
	expect(boot_pt_l1[9] == (9 * GIB | PTE_BLOCK_NORMAL), "GiB 9 normal write-back (rounded out)");
	for (i = 0; i < 512; i++)
		changed += boot_pt_l1[i] != before[i];
	expect(changed == 2, "only GiBs 8 and 9 changed");
	expect(flushes == 4 && flushes_while_invalid == 2 && last_cleared == 9,
	       "each block invalid and flushed before its new entry (break-before-make)");

	/* the same type again: nothing to do; another type on a GiB already given one: refused */
	expect(map_range(9 * GIB, 4096, MAP_CACHE_WB) == 0, "the same type again");
	expect(flushes == 4, "no flush when nothing changes");
	expect(map_range(9 * GIB, 2 * GIB, MAP_CACHE_UC) == -SDK_EBUSY, "another type refused");
	expect(boot_pt_l1[10] == (10 * GIB | PTE_BLOCK_DEVICE), "refused: GiB 10 untouched too");

	/* write-through and uncached; a RAM GiB already normal keeps its entry when asked WB */
	expect(map_range(20 * GIB, 4096, MAP_CACHE_WT) == 0, "write-through");
	expect(boot_pt_l1[20] == (20 * GIB | PTE_BLOCK_NORMAL_WT), "GiB 20 write-through");
	expect(map_range(5 * GIB, 4096, MAP_CACHE_UC) == 0, "RAM GiB 5 made device");
	expect(boot_pt_l1[5] == (5 * GIB | PTE_BLOCK_DEVICE), "GiB 5 device");
	expect(map_range(6 * GIB, 4096, MAP_CACHE_WB) == 0 && boot_pt_l1[6] == before[6],
	       "GiB 6 already write-back");
	return check_summary("map_arm64_test");
}
