// SPDX-License-Identifier: GPL-2.0-only
/* Host unit test of hypervisor/arch/x86/paging.c: map, translate, page sizes, depth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arch/paging.h>

#define POOL_PAGES 64
static unsigned char pool[POOL_PAGES][4096] __attribute__((aligned(4096)));
static unsigned int used;
static int failures;

#define EXPECT(cond) do { if (!(cond)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	failures++; } } while (0)

/* "Physical" addresses are offsets into pool plus one page, so 0 means none. */
static __u64 *to_virt(void *context, __u64 pa)
{
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

int main(void)
{
	test_depth(4);
	test_depth(5);
	test_exhaustion();
	printf("%s\n", failures ? "paging: FAILED" : "paging: ok");
	return failures ? 1 : 0;
}
