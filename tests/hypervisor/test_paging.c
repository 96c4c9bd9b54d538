// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/arch/x86/paging.c: map, translate, page sizes,
 * depth; unmap with the splitting of large leaves, all-or-nothing when a
 * table page cannot be allocated, and pool usage over unmap/map cycles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arch/paging.h>

#define POOL_PAGES 128
static unsigned char pool[POOL_PAGES][4096] __attribute__((aligned(4096)));
static unsigned int used;
static int failures;
/* The unmap tests' allocator: pages can be freed, and allocation can fail on demand. */
static int tracking;
static unsigned char in_use[POOL_PAGES];
static unsigned int allocated, freed;
static int allocs_left = -1;		/* allocations that succeed; -1: all */

#define EXPECT(cond) do { if (!(cond)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	failures++; } } while (0)

/* "Physical" addresses are offsets into pool plus one page, so 0 means none. */
static __u64 *to_virt(void *context, __u64 pa)
{
	if (pa < 4096 || pa / 4096 > POOL_PAGES) {
		printf("FAIL: walk through %llx, which is no table page\n", pa);
		exit(1);
	}
	if (tracking && !in_use[pa / 4096 - 1]) {
		printf("FAIL: walk through page %llx, which is not allocated\n", pa);
		failures++;
	}
	return (__u64 *)pool[pa / 4096 - 1];
}

static __u64 alloc(void *context)
{
	if (used == POOL_PAGES)
		return 0;
	memset(pool[used], 0, 4096);
	return (__u64)(++used) * 4096;
}

static void test_depth(unsigned int levels)
{
	struct paging p = { .levels = levels, .largest_page = 3, .phys_to_virt = to_virt,
			    .alloc_page = alloc };
	__u64 root, phys, flags;
	unsigned int before;

	used = 0;
	root = alloc(NULL);
	/* 2 MiB + 4 KiB at a 2 MiB boundary: one 2 MiB leaf, one 4 KiB leaf. */
	EXPECT(!paging_map(&p, root, 0xffffffc000000000ULL, 0x30000000, 0x201000,
			   PAGE_WRITABLE));
	EXPECT(!paging_translate(&p, root, 0xffffffc000123456ULL, &phys, &flags));
	EXPECT(phys == 0x30123456 && (flags & PAGE_HUGE) && (flags & PAGE_WRITABLE));
	EXPECT(!paging_translate(&p, root, 0xffffffc000200abcULL, &phys, &flags));
	EXPECT(phys == 0x30200abc && !(flags & PAGE_HUGE));
	EXPECT(paging_translate(&p, root, 0xffffffc000201000ULL, &phys, &flags));
	/* 1 GiB pages for an aligned gigabyte; re-mapping is refused. */
	before = used;
	EXPECT(!paging_map(&p, root, 0x40000000, 0x40000000, 0x40000000, PAGE_USER));
	EXPECT(used - before <= (levels == 5 ? 2 : 1));
	EXPECT(!paging_translate(&p, root, 0x7fffffff, &phys, &flags) && phys == 0x7fffffff);
	EXPECT((flags & PAGE_USER) && !(flags & PAGE_WRITABLE));
	EXPECT(paging_map(&p, root, 0x40000000, 0x40000000, 0x1000, 0));
	/* Unaligned requests are refused. */
	EXPECT(paging_map(&p, root, 0x1234, 0x1234, 0x1000, 0));
	/* In 5-level mode, bits 48-56 select a PML5 entry. */
	if (levels == 5) {
		EXPECT(!paging_map(&p, root, 0x0100000000000000ULL, 0x5000, 0x1000, 0));
		EXPECT(!paging_translate(&p, root, 0x0100000000000010ULL, &phys, &flags));
		EXPECT(phys == 0x5010);
		EXPECT(paging_translate(&p, root, 0x10, &phys, &flags));
	}
}

static void test_exhaustion(void)
{
	struct paging p = { .levels = 4, .largest_page = 1, .phys_to_virt = to_virt,
			    .alloc_page = alloc };
	__u64 root;

	used = POOL_PAGES - 2;
	root = alloc(NULL);
	EXPECT(paging_map(&p, root, 0, 0, 0x1000, 0));	/* needs 3 more tables */
}

static __u64 track_alloc(void *context)
{
	unsigned int n;

	if (allocs_left == 0)
		return 0;
	for (n = 0; n < POOL_PAGES && in_use[n]; n++)
		;
	if (n == POOL_PAGES) {
		printf("FAIL: test pool exhausted\n");
		exit(1);
	}
	if (allocs_left > 0)
		allocs_left--;
	in_use[n] = 1;
	allocated++;
	memset(pool[n], 0, 4096);
	return (n + 1) * 4096ULL;
}

/* A freed page is poisoned, so a table still in use after its free shows. */
static void track_free(void *context, __u64 pa)
{
	if (!in_use[pa / 4096 - 1]) {
		printf("FAIL: page %llx freed twice\n", pa);
		failures++;
	}
	in_use[pa / 4096 - 1] = 0;
	freed++;
	memset(pool[pa / 4096 - 1], 0xa5, 4096);
}

/* A fresh pool and an empty root table, for levels-deep tables. */
static struct paging fresh_tables(unsigned int levels, int with_free, __u64 *root)
{
	struct paging p = { .levels = levels, .largest_page = 3, .phys_to_virt = to_virt,
			    .alloc_page = track_alloc, .free_page = with_free ? track_free : NULL };

	tracking = 1;
	memset(in_use, 0, sizeof(in_use));
	allocated = freed = 0;
	allocs_left = -1;
	*root = track_alloc(NULL);
	return p;
}

/*
 * The leaf that maps virt and its level, found by the test's own walk so
 * that the PAT bit can be read where the level puts it; 0 when unmapped.
 */
static __u64 leaf_of(const struct paging *p, __u64 root, __u64 virt, unsigned int *level)
{
	__u64 entry = root | PAGE_PRESENT;

	for (*level = p->levels; *level >= 1; --*level) {
		entry = to_virt(NULL, entry & PAGE_ADDRESS_MASK)[(virt >> (3 + 9 * *level)) & 511];
		if (!(entry & PAGE_PRESENT))
			return 0;
		if (*level == 1 || (*level <= 3 && (entry & PAGE_HUGE)))
			return entry;
	}
	return 0;
}

/* What a page's leaf says about it, the same at every level: PAT as bit 12, no PS. */
static __u64 page_bits(__u64 leaf, unsigned int level)
{
	__u64 pat = leaf & (level == 1 ? PAGE_PAT_4K : PAGE_PAT_LARGE);

	return (leaf & ~PAGE_ADDRESS_MASK & ~PAGE_HUGE) | (pat ? PAGE_PAT_LARGE : 0);
}

/* Every 4 KiB page of [virt, virt + size) maps phys + offset with page bits bits. */
static int mapped_as(const struct paging *p, __u64 root, __u64 virt, __u64 size, __u64 phys,
		     __u64 bits)
{
	__u64 offset, got, flags, leaf;
	unsigned int level;

	for (offset = 0; offset < size; offset += 0x1000) {
		leaf = leaf_of(p, root, virt + offset, &level);
		if (paging_translate(p, root, virt + offset + 0x123, &got, &flags) ||
		    got != phys + offset + 0x123 || !leaf || page_bits(leaf, level) != bits) {
			printf("  page %llx: leaf %llx at level %u, phys %llx, expected %llx bits %llx\n",
			       virt + offset, leaf, level, got, phys + offset, bits);
			return 0;
		}
	}
	return 1;
}

static int unmapped(const struct paging *p, __u64 root, __u64 virt, __u64 size)
{
	__u64 offset, phys, flags;

	for (offset = 0; offset < size; offset += 0x1000)
		if (!paging_translate(p, root, virt + offset, &phys, &flags)) {
			printf("  page %llx still maps %llx\n", virt + offset, phys);
			return 0;
		}
	return 1;
}

/* The bits given to paging_map for a large leaf (bit 12 is its PAT) and what a page sees. */
#define LEAF_BITS (PAGE_WRITABLE | PAGE_USER | PAGE_WRITE_THROUGH | PAGE_CACHE_DISABLE | \
		   PAGE_PAT_LARGE | PAGE_NO_EXECUTE | 0x200ULL | (1ULL << 52))
#define PAGE_BITS (LEAF_BITS | PAGE_PRESENT)
#define OTHER_BITS (PAGE_USER | PAGE_NO_EXECUTE)	/* PAT 0, read-only */

/*
 * Two 1 GiB leaves at base and a 2 MiB leaf with other bits behind them;
 * [virt, virt + size) is unmapped from them, which must cost splits tables.
 */
static void unmap_case(unsigned int levels, __u64 virt, __u64 size, unsigned int splits)
{
	__u64 base = levels == 5 ? 0x00ff000000000000ULL : 0x0000700000000000ULL;
	__u64 phys = 0x4c0000000ULL, root;
	struct paging p = fresh_tables(levels, 1, &root);
	unsigned int before;

	EXPECT(!paging_map(&p, root, base, phys, 2 * PAGE_SIZE_1G, LEAF_BITS));
	EXPECT(!paging_map(&p, root, base + 2 * PAGE_SIZE_1G, 0x1000000, PAGE_SIZE_2M,
			   OTHER_BITS));
	before = allocated;
	virt += base;
	EXPECT(!paging_unmap(&p, root, virt, size));
	EXPECT(allocated - before == splits && freed == 0);
	EXPECT(unmapped(&p, root, virt, size));
	EXPECT(mapped_as(&p, root, base, virt - base, phys, PAGE_BITS));
	EXPECT(mapped_as(&p, root, virt + size, base + 2 * PAGE_SIZE_1G - virt - size,
			 phys + virt + size - base, PAGE_BITS));
	EXPECT(mapped_as(&p, root, base + 2 * PAGE_SIZE_1G, PAGE_SIZE_2M, 0x1000000,
			 OTHER_BITS | PAGE_PRESENT));
	/* Again, and over a wider range that is partly unmapped already: nothing to split. */
	EXPECT(!paging_unmap(&p, root, virt, size) && allocated - before == splits);
	if (!(virt & (PAGE_SIZE_1G - 1)) && size <= PAGE_SIZE_1G - 0x1000) {
		EXPECT(!paging_unmap(&p, root, virt, size + 0x1000));
		EXPECT(allocated - before == splits && unmapped(&p, root, virt, size + 0x1000));
		EXPECT(mapped_as(&p, root, virt + size + 0x1000, 0x1000,
				 phys + virt + size + 0x1000 - base, PAGE_BITS));
	}
}

/* A 2 MiB leaf split into 4 KiB pages: PAT moves from bit 12 to bit 7, PS goes. */
static void split_2m_bits(unsigned int levels, __u64 bits)
{
	__u64 root, leaf;
	struct paging p = fresh_tables(levels, 1, &root);
	unsigned int level;

	EXPECT(!paging_map(&p, root, 0x600000, 0x7fe00000, PAGE_SIZE_2M, bits));
	EXPECT(!paging_unmap(&p, root, 0x600000, 0x1000));
	EXPECT(unmapped(&p, root, 0x600000, 0x1000));
	leaf = leaf_of(&p, root, 0x601000, &level);
	EXPECT(level == 1 && (leaf & PAGE_ADDRESS_MASK) == 0x7fe01000);
	EXPECT((leaf & ~PAGE_ADDRESS_MASK) == ((bits & ~PAGE_PAT_LARGE) | PAGE_PRESENT |
					       (bits & PAGE_PAT_LARGE ? PAGE_PAT_4K : 0)));
	EXPECT(mapped_as(&p, root, 0x601000, PAGE_SIZE_2M - 0x1000, 0x7fe01000,
			 bits | PAGE_PRESENT));
}

/* Unmapping everything frees every table but the root; a later map gets large pages again. */
static void unmap_frees(unsigned int levels)
{
	__u64 root;
	struct paging p = fresh_tables(levels, 1, &root);
	unsigned int level;

	EXPECT(!paging_map(&p, root, 0x40000000, 0x40000000, 0x1000, OTHER_BITS));
	EXPECT(!paging_map(&p, root, 0x40200000, 0x40200000, PAGE_SIZE_2M, OTHER_BITS));
	EXPECT(!paging_map(&p, root, 0x8000000000ULL, 0, PAGE_SIZE_1G, OTHER_BITS));
	EXPECT(!paging_unmap(&p, root, 0x40000000, PAGE_SIZE_1G));
	EXPECT(!paging_unmap(&p, root, 0x8000000000ULL, PAGE_SIZE_1G));
	EXPECT(allocated - freed == 1);		/* the root alone */
	EXPECT(!paging_map(&p, root, 0x40000000, 0x40000000, PAGE_SIZE_1G, OTHER_BITS));
	EXPECT(leaf_of(&p, root, 0x40001000, &level) && level == 3);
	/* Bad arguments are refused before anything changes. */
	EXPECT(paging_unmap(&p, root, 0x40000800, 0x1000));
	EXPECT(paging_unmap(&p, root, 0x40000000, 0x800));
	EXPECT(paging_unmap(&p, root, 0xfffffffffffff000ULL, 0x2000));
	EXPECT(!paging_unmap(&p, root, 0x40000000, 0));
	EXPECT(mapped_as(&p, root, 0x40000000, PAGE_SIZE_1G, 0x40000000, OTHER_BITS | PAGE_PRESENT));
}

static unsigned char snapshot[POOL_PAGES][4096];

/*
 * A range with a partial 1 GiB and 2 MiB leaf at each end needs 4 tables:
 * whichever allocation fails, no translation changes and, with free_page,
 * the tables and the pool are as they were, byte for byte. Without
 * free_page the splits made before the failure stay (and serve the retry),
 * so one failure in the middle is enough there.
 */
static void unmap_out_of_pages(unsigned int levels, int with_free)
{
	__u64 virt = 0x3fe01000, size = PAGE_SIZE_1G + 0x3000, root;
	struct paging p = fresh_tables(levels, with_free, &root);
	unsigned int before, net;
	int fail_at;

	EXPECT(!paging_map(&p, root, 0, 0x100000000ULL, 2 * PAGE_SIZE_1G, LEAF_BITS));
	net = allocated - freed;
	for (fail_at = with_free ? 0 : 2; fail_at < (with_free ? 4 : 3); fail_at++) {
		memcpy(snapshot, pool, sizeof(pool));
		before = allocated - freed;
		allocs_left = fail_at;
		EXPECT(paging_unmap(&p, root, virt, size));
		allocs_left = -1;
		EXPECT(mapped_as(&p, root, 0, 2 * PAGE_SIZE_1G, 0x100000000ULL, PAGE_BITS));
		if (with_free)
			EXPECT(allocated - freed == before && !memcmp(snapshot, pool, net * 4096));
	}
	EXPECT(!paging_unmap(&p, root, virt, size));
	/* Without free_page the splits made before a failure stay and are used: none lost. */
	EXPECT(allocated - freed == net + 4);
	EXPECT(unmapped(&p, root, virt, size));
	EXPECT(mapped_as(&p, root, 0, virt, 0x100000000ULL, PAGE_BITS));
	EXPECT(mapped_as(&p, root, virt + size, 2 * PAGE_SIZE_1G - virt - size,
			 0x100000000ULL + virt + size, PAGE_BITS));
}

static void test_unmap(unsigned int levels)
{
	unmap_case(levels, 0x12345000, 0x1000, 2);		/* 4 KiB inside a 1 GiB leaf */
	unmap_case(levels, 0x3fe00000, 0x1000, 2);		/* at a 2 MiB boundary */
	unmap_case(levels, 0x3fc00000, PAGE_SIZE_2M, 1);	/* a whole 2 MiB inside 1 GiB */
	unmap_case(levels, 0x1ff000, 0x202000, 3);		/* unaligned to 2 MiB */
	unmap_case(levels, 0x3fdfd000, 0x406000, 4);		/* across the 1 GiB boundary */
	unmap_case(levels, 0x3ff00000, 0x300000, 3);		/* 2 MiB-aligned end */
	unmap_case(levels, PAGE_SIZE_1G, PAGE_SIZE_1G, 0);	/* a whole leaf: no split */
	unmap_case(levels, 0, 2 * PAGE_SIZE_1G, 0);
	unmap_case(levels, 0, 0x1000, 2);
	split_2m_bits(levels, LEAF_BITS);
	split_2m_bits(levels, OTHER_BITS | PAGE_WRITABLE | PAGE_CACHE_DISABLE);
	unmap_frees(levels);
	unmap_out_of_pages(levels, 1);
	unmap_out_of_pages(levels, 0);
}

/*
 * Root-like nested tables (q35 with 9 GiB: low RAM, IOAPIC and HPET pages,
 * high RAM in 1 GiB pages, a 64-bit BAR alone in its 512 GiB), then 50
 * times what a cell's create and destroy do: unmap its regions, map them
 * back. Tables in use must not grow after the first cycle.
 */
static void test_pool_cycles(unsigned int levels)
{
	static const struct { __u64 start, size, bits; } layout[] = {
		{ 0, 0xa0000, PAGE_WRITABLE | PAGE_USER },
		{ 0x100000, 0x7ff00000, PAGE_WRITABLE | PAGE_USER },
		{ 0xfec00000, 0x1000, PAGE_WRITABLE | PAGE_USER | PAGE_CACHE_DISABLE |
				      PAGE_WRITE_THROUGH | PAGE_NO_EXECUTE },
		{ 0xfed00000, 0x1000, PAGE_USER | PAGE_CACHE_DISABLE | PAGE_NO_EXECUTE },
		{ 0x100000000ULL, 0x140000000ULL, PAGE_WRITABLE | PAGE_USER },
		{ 0x8000000000ULL, 0x400000, PAGE_WRITABLE | PAGE_USER | PAGE_CACHE_DISABLE },
	};
	/* The cell's regions: mixed alignment, across a 1 GiB boundary, a whole BAR. */
	static const struct { __u64 start, size; unsigned int in_layout; } cell[] = {
		{ 0x13f7fd000ULL, 0x1208000, 4 },
		{ 0x1ff000, 0x200000, 1 },
		{ 0x8000000000ULL, 0x400000, 5 },
	};
	unsigned int n, cycle, baseline = 0, net;
	__u64 root;
	struct paging p = fresh_tables(levels, 1, &root);

	for (n = 0; n < sizeof(layout) / sizeof(layout[0]); n++)
		EXPECT(!paging_map(&p, root, layout[n].start, layout[n].start, layout[n].size,
				   layout[n].bits));
	printf("pool cycles, %u-level: %u table pages after mapping root\n", levels, allocated);
	for (cycle = 1; cycle <= 50; cycle++) {
		for (n = 0; n < sizeof(cell) / sizeof(cell[0]); n++)
			EXPECT(!paging_unmap(&p, root, cell[n].start, cell[n].size));
		for (n = 0; n < sizeof(cell) / sizeof(cell[0]); n++)
			EXPECT(unmapped(&p, root, cell[n].start, cell[n].size));
		for (n = 0; n < sizeof(cell) / sizeof(cell[0]); n++)
			EXPECT(!paging_map(&p, root, cell[n].start, cell[n].start, cell[n].size,
					   layout[cell[n].in_layout].bits));
		net = allocated - freed;
		if (cycle == 1)
			baseline = net;
		if (cycle <= 3 || cycle == 50 || net != baseline)
			printf("  cycle %2u: allocated %u, freed %u, in use %u (baseline %u)\n",
			       cycle, allocated, freed, net, baseline);
		EXPECT(net == baseline);
	}
	for (n = 0; n < sizeof(layout) / sizeof(layout[0]); n++)
		EXPECT(mapped_as(&p, root, layout[n].start, layout[n].size, layout[n].start,
				 layout[n].bits | PAGE_PRESENT));
}

int main(void)
{
	test_depth(4);
	test_depth(5);
	test_exhaustion();
	test_unmap(4);
	test_unmap(5);
	test_pool_cycles(4);
	test_pool_cycles(5);
	printf("%s\n", failures ? "paging: FAILED" : "paging: ok");
	return failures ? 1 : 0;
}
