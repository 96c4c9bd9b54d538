// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 page tables: 4-level (PML4) or 5-level (PML5), AMD APM vol. 2,
 * 5.3 (long-mode page translation) and 5.3.6 (5-level paging). Nested page
 * tables use the same format (15.25.5).
 */
#include <arch/paging.h>

#define ENTRIES		512
#define TABLE_FLAGS	(PAGE_PRESENT | PAGE_WRITABLE | PAGE_USER)

/* Bit position of the index at level (1 = page table ... 5 = PML5). */
static unsigned int level_shift(unsigned int level)
{
	return 12 + 9 * (level - 1);
}

static unsigned int table_index(__u64 virt, unsigned int level)
{
	return (virt >> level_shift(level)) & (ENTRIES - 1);
}

static __u64 level_page_size(unsigned int level)
{
	return 1ULL << level_shift(level);
}

/* The table an entry points to, created when absent. */
static __u64 *next_table(const struct paging *paging, __u64 *entry)
{
	__u64 page;

	if (*entry & PAGE_PRESENT) {
		if (*entry & PAGE_HUGE)
			return 0;
		return paging->phys_to_virt(paging->context, *entry & PAGE_ADDRESS_MASK);
	}
	page = paging->alloc_page(paging->context);
	if (!page)
		return 0;
	/*
	 * Intermediate entries allow everything; the leaf decides. Nested
	 * walks are user accesses (APM 15.25.5), host walks ignore U here
	 * because the leaf is supervisor.
	 */
	*entry = page | TABLE_FLAGS;
	return paging->phys_to_virt(paging->context, page);
}

static int leaf_fits(const struct paging *paging, unsigned int level, __u64 virt,
		     __u64 phys, __u64 size)
{
	__u64 page = level_page_size(level);

	if (level > paging->largest_page)
		return 0;
	return !((virt | phys) & (page - 1)) && size >= page;
}

static int map_one(const struct paging *paging, __u64 root, __u64 virt, __u64 phys,
		   __u64 size, __u64 flags, __u64 *mapped)
{
	__u64 *table = paging->phys_to_virt(paging->context, root);
	unsigned int level;
	__u64 *entry;

	for (level = paging->levels; level > 1; level--) {
		entry = &table[table_index(virt, level)];
		if (level <= 3 && leaf_fits(paging, level, virt, phys, size) &&
		    !(*entry & PAGE_PRESENT))
			break;
		table = next_table(paging, entry);
		if (!table)
			return -1;
	}
	entry = &table[table_index(virt, level)];
	if (*entry & PAGE_PRESENT)
		return -1;
	*entry = phys | flags | PAGE_PRESENT | (level > 1 ? PAGE_HUGE : 0);
	*mapped = level_page_size(level);
	return 0;
}

int paging_map(const struct paging *paging, __u64 root, __u64 virt, __u64 phys,
	       __u64 size, __u64 flags)
{
	__u64 mapped;

	if ((virt | phys | size) & (PAGE_SIZE_4K - 1))
		return -1;
	while (size) {
		if (map_one(paging, root, virt, phys, size, flags, &mapped))
			return -1;
		virt += mapped;
		phys += mapped;
		size -= mapped;
	}
	return 0;
}

int paging_translate(const struct paging *paging, __u64 root, __u64 virt,
		     __u64 *phys, __u64 *flags)
{
	__u64 allowed = PAGE_WRITABLE | PAGE_USER;
	__u64 *table = paging->phys_to_virt(paging->context, root & PAGE_ADDRESS_MASK);
	unsigned int level;
	__u64 entry;

	for (level = paging->levels; level >= 1; level--) {
		entry = table[table_index(virt, level)];
		if (!(entry & PAGE_PRESENT))
			return -1;
		allowed &= entry;
		if (level == 1 || (level <= 3 && (entry & PAGE_HUGE))) {
			__u64 page = level_page_size(level);
			__u64 base = entry & PAGE_ADDRESS_MASK & ~(page - 1);

			*phys = base | (virt & (page - 1));
			*flags = (entry & PAGE_FLAGS_MASK & ~(PAGE_WRITABLE | PAGE_USER)) | allowed;
			return 0;
		}
		table = paging->phys_to_virt(paging->context, entry & PAGE_ADDRESS_MASK);
	}
	return -1;
}
