// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor's first page tables, built by the driver in the hypervisor
 * memory with the hypervisor's own page-table code (arch/x86/paging.c):
 * - the hypervisor memory at WARDEN_HV_LINK_ADDRESS, where the image is linked;
 * - all physical memory below 512 GiB at virtual = physical (1 GiB pages,
 *   3-4 GiB uncached for MMIO), through which the hypervisor reaches guest
 *   memory and devices;
 * - the trampoline page at the address Linux runs it at.
 * Depth (4 or 5 levels) follows Linux's CR4.LA57: it cannot change in long mode.
 */
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/cpufeature.h>
#include <asm/special_insns.h>
#include <arch/paging.h>
#include <warden/hypervisor_image.h>
#include "warden.h"

#define IDENTITY_MAP_END	(512ULL << 30)
#define MMIO_HOLE_START		(3ULL << 30)
#define MMIO_HOLE_END		(4ULL << 30)

static __u64 *table_virt(void *context, __u64 pa)
{
	struct warden_host_tables *tables = context;

	return tables->memory + (pa - tables->memory_phys);
}

static __u64 table_alloc(void *context)
{
	struct warden_host_tables *tables = context;
	u64 offset = tables->next_free;

	if (offset + PAGE_SIZE > tables->memory_size)
		return 0;
	tables->next_free += PAGE_SIZE;
	memset(tables->memory + offset, 0, PAGE_SIZE);
	return tables->memory_phys + offset;
}

static int map_identity(const struct paging *paging, struct warden_host_tables *tables)
{
	u64 flags = PAGE_WRITABLE | PAGE_NO_EXECUTE;

	if (paging_map(paging, tables->root, 0, 0, MMIO_HOLE_START, flags) ||
	    paging_map(paging, tables->root, MMIO_HOLE_START, MMIO_HOLE_START,
		       MMIO_HOLE_END - MMIO_HOLE_START,
		       flags | PAGE_CACHE_DISABLE | PAGE_WRITE_THROUGH))
		return -1;
	return paging_map(paging, tables->root, MMIO_HOLE_END, MMIO_HOLE_END,
			  IDENTITY_MAP_END - MMIO_HOLE_END, flags);
}

int warden_build_host_tables(struct warden_host_tables *tables, unsigned long trampoline,
			     struct warden_message *message)
{
	struct paging paging = {
		.levels = __read_cr4() & X86_CR4_LA57 ? 5 : 4,
		.largest_page = boot_cpu_has(X86_FEATURE_GBPAGES) ? 3 : 2,
		.phys_to_virt = table_virt,
		.alloc_page = table_alloc,
		.context = tables,
	};
	unsigned long pfn = vmalloc_to_pfn((void *)trampoline);

	if (!boot_cpu_has(X86_FEATURE_GBPAGES))
		return warden_refuse(message, -ENODEV,
				     "this CPU has no 1 GiB pages (pdpe1gb): not supported");
	tables->levels = paging.levels;
	tables->root = table_alloc(tables);
	if (!tables->root)
		goto full;
	/* The image's code lies in the same pages as its data: no NX on it. */
	if (paging_map(&paging, tables->root, WARDEN_HV_LINK_ADDRESS, tables->memory_phys,
		       tables->memory_size, PAGE_WRITABLE))
		goto full;
	if (map_identity(&paging, tables))
		goto full;
	if (!pfn || paging_map(&paging, tables->root, trampoline & PAGE_MASK,
			       (u64)pfn << PAGE_SHIFT, PAGE_SIZE, 0))
		return warden_refuse(message, -EFAULT,
				     "cannot map the trampoline page at %lx (pfn %lx)",
				     trampoline, pfn);
	return 0;
full:
	return warden_refuse(message, -ENOMEM,
			     "hypervisor memory too small for the hypervisor's page tables");
}
