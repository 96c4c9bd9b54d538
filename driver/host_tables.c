// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor's first page tables, built by the driver in the hypervisor
 * memory with the hypervisor's own page-table code (arch/x86/paging.c). They
 * map only what the hypervisor uses:
 * - the hypervisor memory at WARDEN_HV_LINK_ADDRESS, where the image is
 *   linked, and at virtual = physical (its page pool holds the nested page
 *   tables, reached by physical address);
 * - the root cell's RAM regions at virtual = physical, write-back: the
 *   memory of every cell comes from them, and the hypervisor reads guest
 *   page tables and instructions there;
 * - the local APIC page and an MMIO debug console, uncached;
 * - the trampoline page at the address Linux runs it at.
 * No device memory is mapped write-back and nothing else is mapped at all.
 * Depth (4 or 5 levels) follows Linux's CR4.LA57: it cannot change in long mode.
 */
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/cpufeature.h>
#include <asm/special_insns.h>
#include <arch/paging.h>
#include <warden/config.h>
#include <warden/hypervisor_image.h>
#include "warden.h"

#define XAPIC_PAGE		0xfee00000ULL
#define UNCACHED		(PAGE_CACHE_DISABLE | PAGE_WRITE_THROUGH)

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

/*
 * The root cell's memory regions, bounds-checked: the config comes from user
 * space and the hypervisor validates the rest of it only after entry.
 */
static const struct warden_memory_region *
root_regions(const struct warden_system_config *system, u32 size, u32 *count)
{
	const struct warden_cell_config *root;
	u64 end;

	if (system->root_cell_offset > size ||
	    size - system->root_cell_offset < sizeof(*root) ||
	    system->root_cell_size > size - system->root_cell_offset)
		return NULL;
	root = (const void *)system + system->root_cell_offset;
	end = (u64)root->memory_regions.offset +
	      (u64)root->memory_regions.count * sizeof(struct warden_memory_region);
	if (end > system->root_cell_size || root->memory_regions.offset % 8)
		return NULL;
	*count = root->memory_regions.count;
	return (const void *)root + root->memory_regions.offset;
}

static int map_identity(const struct paging *paging, struct warden_host_tables *tables,
			const struct warden_system_config *system, u32 size,
			struct warden_message *message)
{
	const struct warden_memory_region *region;
	const struct warden_console *console = &system->debug_console;
	u64 flags = PAGE_WRITABLE | PAGE_NO_EXECUTE;
	u64 lower_half = 1ULL << (paging->levels * 9 + 11);
	u32 count, n;

	region = root_regions(system, size, &count);
	if (!region)
		return warden_refuse(message, -EINVAL, "system config: the root cell's memory "
				     "regions lie outside the config's %u bytes", size);
	for (n = 0; n < count; n++, region++) {
		if (region->flags & (WARDEN_MEM_IO | WARDEN_MEM_COMM_REGION))
			continue;
		/* virtual = physical must stay in the lower canonical half. */
		if (region->phys_start >= lower_half || region->size > lower_half - region->phys_start)
			return warden_refuse(message, -EINVAL, "system config: root cell memory "
					     "region %u (%#llx+%#llx) lies above what %u-level paging "
					     "reaches", n, region->phys_start, region->size,
					     paging->levels);
		if (paging_map(paging, tables->root, region->phys_start, region->phys_start,
			       region->size, flags))
			return warden_refuse(message, -EINVAL, "system config: root cell memory "
					     "region %u (%#llx+%#llx) cannot be mapped: not "
					     "page-aligned, overlapping, or no memory left", n,
					     region->phys_start, region->size);
	}
	if (paging_map(paging, tables->root, tables->memory_phys, tables->memory_phys,
		       tables->memory_size, flags) ||
	    paging_map(paging, tables->root, XAPIC_PAGE, XAPIC_PAGE, PAGE_SIZE, flags | UNCACHED))
		return warden_refuse(message, -EINVAL, "the hypervisor memory %#llx+%#llx overlaps "
				     "a root cell RAM region or the local APIC page",
				     tables->memory_phys, tables->memory_size);
	if (console->type != WARDEN_CONSOLE_8250_PIO && console->address &&
	    paging_map(paging, tables->root, console->address & PAGE_MASK,
		       console->address & PAGE_MASK, PAGE_SIZE, flags | UNCACHED))
		return warden_refuse(message, -EINVAL, "debug console at %#llx cannot be mapped",
				     console->address);
	return 0;
}

int warden_build_host_tables(struct warden_host_tables *tables, unsigned long trampoline,
			     const struct warden_system_config *system, u32 config_size,
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
	int error;

	tables->levels = paging.levels;
	tables->root = table_alloc(tables);
	if (!tables->root)
		goto full;
	/* The image's code lies in the same pages as its data: no NX on it. */
	if (paging_map(&paging, tables->root, WARDEN_HV_LINK_ADDRESS, tables->memory_phys,
		       tables->memory_size, PAGE_WRITABLE))
		goto full;
	error = map_identity(&paging, tables, system, config_size, message);
	if (error)
		return error;
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
