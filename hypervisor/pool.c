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

static bool page_used(u64 n)
{
	return bitmap[n / 64] & (1ULL << (n % 64));
}

/* count zeroed pages in a row, or NULL: the first run of free pages that fits. */
void *pool_alloc_pages(u64 count)
{
	u64 n, run = 0;

	for (n = 0; n < pool_pages && count; n++) {
		run = page_used(n) ? 0 : run + 1;
		if (run < count)
			continue;
		for (n = n + 1 - count, run = 0; run < count; run++, n++)
			bitmap[n / 64] |= 1ULL << (n % 64);
		used_pages += count;
		return memset(pool_start + (n - count) * PAGE, 0, count * PAGE);
	}
	return NULL;
}

void *pool_alloc_page(void)
{
	return pool_alloc_pages(1);
}

void pool_free_pages(void *pages, u64 count)
{
	u64 n = (u64)((u8 *)pages - pool_start) / PAGE;

	for (; count && n < pool_pages; count--, n++) {
		if (!page_used(n))
			continue;
		bitmap[n / 64] &= ~(1ULL << (n % 64));
		used_pages--;
	}
}

void pool_free_page(void *page)
{
	pool_free_pages(page, 1);
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
