// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * map_range() (inmate/map.h): 2 MiB pages above 4 GiB in the identity map
 * of pagetable.S, each GiB window getting a page directory from a small
 * static pool (AMD APM vol. 2, 5.3.4: a PDPT entry points to a PD, a PD
 * entry with PS set maps 2 MiB). Memory types through PWT/PCD with the
 * power-on PAT (SDM vol. 3A, 11.12.3: PAT0 WB, PAT1 WT, PAT3 UC). Entries
 * only go from not-present to present, which needs no TLB flush. Written
 * without anything CPU-specific beyond the tables, so the host test
 * (tests/sdk/map_test.c) runs it on a PDPT of its own.
 */
#include <inmate/inmate.h>
#include <inmate/map.h>

#define PTE_PRESENT	0x001ull
#define PTE_WRITE	0x002ull
#define PTE_PWT		0x008ull
#define PTE_PCD		0x010ull
#define PTE_LARGE	0x080ull
#define PTE_ADDRESS	0x000ffffffffff000ull
#define PTE_FLAGS_2M	(PTE_PRESENT | PTE_WRITE | PTE_LARGE | PTE_PWT | PTE_PCD)
#define SIZE_2M		(1ull << 21)
#define SIZE_1G		(1ull << 30)
#define MAP_LIMIT	(512 * SIZE_1G)	/* what PML4 entry 0 covers */

extern uint64_t boot_pdpt[512];		/* pagetable.S */

static uint64_t pd_pool[MAP_RANGE_MAX_GIB][512] __attribute__((aligned(4096)));
static unsigned int pd_used;
static int map_lock;

static uint64_t cache_bits(enum map_cache cache)
{
	switch (cache) {
	case MAP_CACHE_WT:
		return PTE_PWT;
	case MAP_CACHE_UC:
		return PTE_PCD | PTE_PWT;
	default:
		return 0;
	}
}

/* The page directory for the GiB at address, made present if need be. */
static uint64_t *directory_of(uint64_t address)
{
	uint64_t *entry = &boot_pdpt[address / SIZE_1G], *pd;

	if (*entry & PTE_PRESENT)
		return (uint64_t *)(uintptr_t)(*entry & PTE_ADDRESS);
	if (pd_used == MAP_RANGE_MAX_GIB)
		return NULL;
	pd = pd_pool[pd_used++];
	memset(pd, 0, 4096);
	__atomic_store_n(entry, (uint64_t)(uintptr_t)pd | PTE_PRESENT | PTE_WRITE, __ATOMIC_RELEASE);
	return pd;
}

static int map_locked(uint64_t first, uint64_t end, enum map_cache cache)
{
	uint64_t address, wanted, *pd, *entry;

	for (address = first; address < end; address += SIZE_2M) {
		pd = directory_of(address);
		if (!pd)
			return -SDK_ENOMEM;
		entry = &pd[(address / SIZE_2M) % 512];
		wanted = address | PTE_PRESENT | PTE_WRITE | PTE_LARGE | cache_bits(cache);
		if (*entry & PTE_PRESENT) {
			if ((*entry & (PTE_ADDRESS | PTE_FLAGS_2M)) != wanted)
				return -SDK_EBUSY;
			continue;
		}
		__atomic_store_n(entry, wanted, __ATOMIC_RELEASE);
	}
	return 0;
}

int map_range(uint64_t phys, uint64_t size, enum map_cache cache)
{
	uint64_t first = phys & ~(SIZE_2M - 1), end;
	int err;

	if (size == 0 || phys < 4 * SIZE_1G || cache > MAP_CACHE_UC)
		return -SDK_EINVAL;
	if (phys >= MAP_LIMIT || size > MAP_LIMIT - phys)
		return -SDK_ERANGE;
	end = (phys + size + SIZE_2M - 1) & ~(SIZE_2M - 1);
	while (__atomic_exchange_n(&map_lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
	err = map_locked(first, end, cache);
	__atomic_store_n(&map_lock, 0, __ATOMIC_RELEASE);
	return err;
}
