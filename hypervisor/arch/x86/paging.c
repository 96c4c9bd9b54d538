// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 page tables: 4-level (PML4) or 5-level (PML5), AMD APM vol. 2,
 * 5.3 (long-mode page translation) and 5.3.6 (5-level paging). Nested page
 * tables use the same format (15.25.5). Unmapping splits large leaves
 * (5.4.1 for the bits that move) and frees the tables it empties.
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

/* Entries at levels 4 and 5 always point to tables (PS is reserved there). */
static int is_leaf(__u64 entry, unsigned int level)
{
	return level == 1 || (level <= 3 && (entry & PAGE_HUGE));
}

/*
 * Other CPUs may walk an entry while it changes (root keeps running while
 * memory leaves it): one store, so they see the old or the new entry.
 */
static void write_entry(__u64 *entry, __u64 value)
{
	*(volatile __u64 *)entry = value;
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
		if (is_leaf(entry, level)) {
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

/* A 1 GiB and a 2 MiB leaf at each end of a range. */
#define SPLITS_MAX	4

/* The splits of one paging_unmap, to undo them when a later one fails. */
struct split_log {
	unsigned int count;
	struct {
		__u64 *entry;
		__u64 leaf;	/* the entry before the split */
		__u64 table;
	} split[SPLITS_MAX];
};

/*
 * The bits of the next smaller leaves that replace a leaf at level (2 or
 * 3): all but the address. 2 MiB leaves keep PS and PAT in bit 12; 4 KiB
 * PTEs have no PS and their PAT is bit 7 (APM vol. 2, 5.4.1), so that the
 * memory type of every page stays the same (7.8: PAT, PCD, PWT index it).
 */
static __u64 split_bits(__u64 leaf, unsigned int level)
{
	__u64 bits = leaf & ~PAGE_ADDRESS_MASK;

	if (level == 3)
		return bits | (leaf & PAGE_PAT_LARGE);
	bits &= ~PAGE_HUGE;
	if (leaf & PAGE_PAT_LARGE)
		bits |= PAGE_PAT_4K;
	return bits;
}

/*
 * Replaces the leaf at *entry by a table of the same translations. The
 * table is complete before the entry points to it, so a walk on another
 * CPU finds the same page either way.
 */
static int split_leaf(const struct paging *paging, __u64 *entry, unsigned int level,
		      struct split_log *log)
{
	__u64 leaf = *entry, step = level_page_size(level - 1);
	__u64 base = leaf & PAGE_ADDRESS_MASK & ~(level_page_size(level) - 1);
	__u64 bits = split_bits(leaf, level);
	__u64 table = paging->alloc_page(paging->context);
	__u64 *entries;
	unsigned int n;

	if (!table)
		return -1;
	entries = paging->phys_to_virt(paging->context, table);
	for (n = 0; n < ENTRIES; n++)
		entries[n] = (base + n * step) | bits;
	log->split[log->count].entry = entry;
	log->split[log->count].leaf = leaf;
	log->split[log->count].table = table;
	log->count++;
	write_entry(entry, table | TABLE_FLAGS);
	return 0;
}

/* Splits, top down, the leaves that contain addr but do not start there. */
static int split_at(const struct paging *paging, __u64 root, __u64 addr,
		    struct split_log *log)
{
	__u64 *table = paging->phys_to_virt(paging->context, root);
	unsigned int level;
	__u64 *entry;

	for (level = paging->levels; level > 1; level--) {
		entry = &table[table_index(addr, level)];
		if (!(*entry & PAGE_PRESENT))
			return 0;
		if (is_leaf(*entry, level)) {
			if (!(addr & (level_page_size(level) - 1)))
				return 0;
			if (split_leaf(paging, entry, level, log))
				return -1;
		}
		table = paging->phys_to_virt(paging->context, *entry & PAGE_ADDRESS_MASK);
	}
	return 0;
}

/* Puts the split leaves back, latest first, and frees their tables. */
static void undo_splits(const struct paging *paging, struct split_log *log)
{
	unsigned int n = log->count;

	if (!paging->free_page)
		return;
	while (n--) {
		write_entry(log->split[n].entry, log->split[n].leaf);
		paging->free_page(paging->context, log->split[n].table);
	}
}

static int table_empty(const __u64 *table)
{
	unsigned int n;

	for (n = 0; n < ENTRIES; n++)
		if (table[n])
			return 0;
	return 1;
}

/*
 * Clears [virt, virt + size) in table at level and below, where the splits
 * left only leaves that lie wholly inside the range.
 *
 * Tables that end up empty are freed at once rather than kept for reuse:
 * paging_map descends into a present table instead of placing a leaf, so
 * a kept empty table would map the range again with smaller pages (a cell's
 * memory would come back to root in 4 KiB pages), and the pool would hold
 * tables that map nothing. Split tables are never empty here (their leaf
 * was only partly inside the range), so they stay: the pool comes back to
 * the same usage after every unmap and map of the same range.
 */
static void clear_range(const struct paging *paging, __u64 *table, unsigned int level,
			__u64 virt, __u64 size)
{
	__u64 page = level_page_size(level), chunk, next, *entry, *next_table;

	while (size) {
		chunk = page - (virt & (page - 1));
		if (chunk > size)
			chunk = size;
		entry = &table[table_index(virt, level)];
		if ((*entry & PAGE_PRESENT) && is_leaf(*entry, level)) {
			write_entry(entry, 0);
		} else if (*entry & PAGE_PRESENT) {
			next = *entry & PAGE_ADDRESS_MASK;
			next_table = paging->phys_to_virt(paging->context, next);
			clear_range(paging, next_table, level - 1, virt, chunk);
			if (paging->free_page && table_empty(next_table)) {
				write_entry(entry, 0);
				paging->free_page(paging->context, next);
			}
		}
		virt += chunk;
		size -= chunk;
	}
}

/*
 * All or nothing: the only allocations are the splits at the two ends of
 * the range, so all of them are made before anything is cleared. A split
 * alone changes no translation. When one fails, the earlier ones are undone
 * and their tables freed, leaving the tables as they were, bit for bit.
 * Without free_page those splits are kept instead, since their pages could
 * not go back: they translate exactly like the leaves they replaced, and a
 * retry uses them.
 */
int paging_unmap(const struct paging *paging, __u64 root, __u64 virt, __u64 size)
{
	struct split_log log = { .count = 0 };
	__u64 end = virt + size;

	root &= PAGE_ADDRESS_MASK;
	if (((virt | size) & (PAGE_SIZE_4K - 1)) || (end < virt && end))
		return -1;
	if (!size)
		return 0;
	if (split_at(paging, root, virt, &log) || split_at(paging, root, end, &log)) {
		undo_splits(paging, &log);
		return -1;
	}
	clear_range(paging, paging->phys_to_virt(paging->context, root), paging->levels,
		    virt, size);
	return 0;
}
