/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86-64 page tables (4- or 5-level) for the hypervisor's own address space
 * and for the nested page tables of cells. Pure logic: tables are reached
 * through a phys_to_virt callback and allocated through another, so the
 * same code builds the hypervisor's first tables in the driver, nested page
 * tables in the hypervisor, and runs in host unit tests.
 */
#ifndef WARDEN_ARCH_PAGING_H
#define WARDEN_ARCH_PAGING_H

#include <warden/types.h>

/* Entry bits, AMD APM vol. 2, 5.3 and 5.4. */
#define PAGE_PRESENT		0x001ULL
#define PAGE_WRITABLE		0x002ULL
#define PAGE_USER		0x004ULL
#define PAGE_WRITE_THROUGH	0x008ULL
#define PAGE_CACHE_DISABLE	0x010ULL
#define PAGE_HUGE		0x080ULL	/* PS: 2 MiB or 1 GiB leaf */
/*
 * The PAT bit moves (APM vol. 2, 5.4.1; its use in 7.8): bit 7 in a 4 KiB
 * PTE, where PS would be, and bit 12, the lowest address bit, in a 2 MiB or
 * 1 GiB leaf, whose address starts at bit 21 or 30.
 */
#define PAGE_PAT_4K		0x080ULL
#define PAGE_PAT_LARGE		0x1000ULL
#define PAGE_NO_EXECUTE		(1ULL << 63)
#define PAGE_ADDRESS_MASK	0x000ffffffffff000ULL
#define PAGE_FLAGS_MASK		(PAGE_NO_EXECUTE | 0xfffULL)

#define PAGE_SIZE_4K		0x1000ULL
#define PAGE_SIZE_2M		0x200000ULL
#define PAGE_SIZE_1G		0x40000000ULL

struct paging {
	unsigned int levels;		/* 4 or 5 */
	unsigned int largest_page;	/* 1: 4 KiB only, 2: up to 2 MiB, 3: up to 1 GiB */
	/* A pointer to the table at physical address pa. */
	__u64 *(*phys_to_virt)(void *context, __u64 pa);
	/* The physical address of a zeroed page, 0 when none is left. */
	__u64 (*alloc_page)(void *context);
	/*
	 * Optional: takes back a table page that paging_unmap emptied or
	 * that a failed paging_unmap had allocated. NULL keeps them. The
	 * page may still sit in the paging-structure caches of CPUs using
	 * these tables: it must not be reused before their TLBs are flushed.
	 */
	void (*free_page)(void *context, __u64 pa);
	void *context;
};

/*
 * Maps [virt, virt + size) to [phys, ...) with the entry bits flags (leaf
 * bits; PAGE_PRESENT is added). Uses the largest pages that fit. Returns 0,
 * or -1 when a table page could not be allocated or a range is already
 * mapped differently.
 */
int paging_map(const struct paging *paging, __u64 root, __u64 virt, __u64 phys,
	       __u64 size, __u64 flags);

/*
 * Unmaps [virt, virt + size) (4 KiB aligned); parts already unmapped are
 * skipped. A 1 GiB or 2 MiB leaf the range covers only partly is first
 * split into a table of the next smaller pages with the same bits, so
 * every address outside the range translates as before. Table pages left
 * empty go back through free_page. Returns 0, or -1 on a bad argument or
 * when a split table could not be allocated: then no translation has
 * changed (see the comment of paging_unmap in paging.c). Flushing TLBs is
 * the caller's job, after a failure too when free_page took pages back.
 */
int paging_unmap(const struct paging *paging, __u64 root, __u64 virt, __u64 size);

/*
 * Translates virt through the tables at root. Returns 0 and sets *phys and
 * *flags (the leaf's bits, with PAGE_WRITABLE/PAGE_USER only when every level
 * allows them), or -1 when virt is not mapped.
 */
int paging_translate(const struct paging *paging, __u64 root, __u64 virt,
		     __u64 *phys, __u64 *flags);

#endif /* WARDEN_ARCH_PAGING_H */
