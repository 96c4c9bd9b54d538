// SPDX-License-Identifier: GPL-2.0-only
/*
 * A bitmap page allocator over the pool, plus address translation for the
 * hypervisor memory (linked at WARDEN_HV_LINK_ADDRESS, loaded at the
 * system config's hypervisor_memory).
 */
#include <hv/pool.h>
#include <hv/string.h>
#include <warden/hypervisor_image.h>

#define PAGE		4096
/* 16 MiB of pool at most in 4 KiB pages. */
#define MAX_POOL_PAGES	4096

static u64 bitmap[MAX_POOL_PAGES / 64];
static u8 *pool_start;
static u64 pool_pages, used_pages;
static u64 memory_phys, memory_size;

void pool_init(void *start, u64 pages)
{
	pool_start = start;
	pool_pages = pages < MAX_POOL_PAGES ? pages : MAX_POOL_PAGES;
	used_pages = 0;
	memset(bitmap, 0, sizeof(bitmap));
}

void *pool_alloc_page(void)
{
	u64 n;

	for (n = 0; n < pool_pages; n++) {
		if (bitmap[n / 64] & (1ULL << (n % 64)))
			continue;
		bitmap[n / 64] |= 1ULL << (n % 64);
		used_pages++;
		return memset(pool_start + n * PAGE, 0, PAGE);
	}
	return NULL;
}

void pool_free_page(void *page)
{
	u64 n = (u64)((u8 *)page - pool_start) / PAGE;

	if (n < pool_pages && (bitmap[n / 64] & (1ULL << (n % 64)))) {
		bitmap[n / 64] &= ~(1ULL << (n % 64));
		used_pages--;
	}
}

u64 pool_size_pages(void)
{
	return pool_pages;
}

u64 pool_used_pages(void)
{
	return used_pages;
}

void memory_set_base(u64 phys, u64 size)
{
	memory_phys = phys;
	memory_size = size;
}

u64 hv_virt_to_phys(const void *virt)
{
	return (u64)(unsigned long)virt - WARDEN_HV_LINK_ADDRESS + memory_phys;
}

bool hv_memory_contains(u64 phys, u64 size)
{
	return phys >= memory_phys && size <= memory_size &&
	       phys - memory_phys <= memory_size - size;
}
