// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of map_range() (sdk/lib/arch/x86_64/map.c) on a page-directory-pointer table of
 * its own: which entries it writes (2 MiB pages, rounded out, cache bits), the refusals, and the
 * pool of page directories running out.
 */
#include <stdint.h>
#include <stdio.h>
#include <inmate/inmate.h>
#include <inmate/map.h>
#include "host_check.h"

#define GIB (1ull << 30)
#define MIB2 (1ull << 21)

uint64_t boot_pdpt[512] __attribute__((aligned(4096)));

void cpu_relax(void)
{
}

static uint64_t pde(uint64_t address)
{
	uint64_t pdpte = boot_pdpt[address / GIB];
	const uint64_t *pd = (const uint64_t *)(uintptr_t)(pdpte & 0x000ffffffffff000ull);

	return (pdpte & 1) ? pd[(address / MIB2) % 512] : 0;
}

int main(void)
{
	unsigned int i;
	int err;

	expect(map_range(0x80000000ull, 4096, MAP_CACHE_UC) == -SDK_EINVAL, "below 4 GiB refused");
	expect(map_range(4 * GIB, 0, MAP_CACHE_WB) == -SDK_EINVAL, "size 0 refused");
	expect(map_range(512 * GIB, 4096, MAP_CACHE_WB) == -SDK_ERANGE, "at 512 GiB refused");
	expect(map_range(511 * GIB, 2 * GIB, MAP_CACHE_WB) == -SDK_ERANGE, "across 512 GiB refused");
	/* 4 GiB + 1 MiB, 2 MiB long: rounded out to the 2 MiB pages at 4 GiB and 4 GiB + 2 MiB */
	expect(map_range(4 * GIB + (1 << 20), MIB2, MAP_CACHE_WB) == 0, "RAM at 4 GiB");
	expect(pde(4 * GIB) == (4 * GIB | 0x83), "4 GiB: present, writable, 2 MiB, write-back");
	expect(pde(4 * GIB + MIB2) == ((4 * GIB + MIB2) | 0x83), "the next 2 MiB too");
	expect(pde(4 * GIB + 2 * MIB2) == 0, "not one page more");
	expect(map_range(224 * GIB, MIB2, MAP_CACHE_UC) == 0, "a BAR at 224 GiB");
	expect(pde(224 * GIB) == (224 * GIB | 0x9b), "UC: PCD|PWT");
	expect(map_range(4 * GIB, 4096, MAP_CACHE_WB) == 0, "the same again: fine");
	expect(map_range(4 * GIB, 4096, MAP_CACHE_UC) == -SDK_EBUSY, "another cache type: busy");
	expect(map_range(5 * GIB, 4096, MAP_CACHE_WT) == 0 && pde(5 * GIB) == (5 * GIB | 0x8b),
	       "WT: PWT");
	for (i = 0, err = 0; i < 8 && !err; i++)	/* 3 windows used: 5 more fit */
		err = map_range((10 + i) * GIB, 4096, MAP_CACHE_WB);
	expect(err == -SDK_ENOMEM && i == 6, "the ninth GiB window: out of page directories");
	return check_summary("map_test");
}
