// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor's page tables, one set per CPU, built by the driver in the
 * hypervisor memory with the hypervisor's own page-table code
 * (arch/x86/paging.c). They map only what the hypervisor uses:
 * - the hypervisor memory at WARDEN_HV_LINK_ADDRESS, where the image is
 *   linked: the CPU's own per-CPU area writable, the other CPUs' read-only,
 *   and the guard page below each stack not at all;
 * - the page tables and the page pool behind the config at virtual =
 *   physical (the pool holds the nested page tables, reached by physical
 *   address);
 * - the root cell's RAM regions at virtual = physical, write-back: the
 *   memory of every cell comes from them, and the hypervisor reads guest
 *   page tables and instructions there;
 * - the local APIC page, the IOAPICs' register windows (the hypervisor
 *   forwards root's accesses) and an MMIO debug console, uncached;
 * - the trampoline page at the address Linux runs it at.
 * No device memory is mapped write-back and nothing else is mapped at all.
 * Depth (4 or 5 levels) follows Linux's CR4.LA57: it cannot change in long mode.
 */
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/cpufeature.h>
#include <asm/special_insns.h>
#include <arch/paging.h>
#include <arch/region_bits.h>
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
	u64 flags = PAGE_WRITABLE | PAGE_NO_EXECUTE, bits;
	u64 lower_half = 1ULL << (paging->levels * 9 + 11);
	u32 count, n;

	region = root_regions(system, size, &count);
	if (!region)
		return warden_refuse(message, -EINVAL, "system config: the root cell's memory "
				     "regions lie outside the config's %u bytes", size);
	for (n = 0; n < count; n++, region++) {
		if (!region_host_bits(region->flags, &bits))
			continue;
		/* virtual = physical must stay in the lower canonical half. */
		if (region->phys_start >= lower_half || region->size > lower_half - region->phys_start)
			return warden_refuse(message, -EINVAL, "system config: root cell memory "
					     "region %u (%#llx+%#llx) lies above what %u-level paging "
					     "reaches", n, region->phys_start, region->size,
					     paging->levels);
		if (paging_map(paging, tables->root, region->phys_start, region->phys_start,
			       region->size, bits))
			return warden_refuse(message, -EINVAL, "system config: root cell memory "
					     "region %u (%#llx+%#llx) cannot be mapped: not "
					     "page-aligned, overlapping, or no memory left", n,
					     region->phys_start, region->size);
	}
	if (paging_map(paging, tables->root, tables->memory_phys + tables->tables_start,
		       tables->memory_phys + tables->tables_start,
		       tables->memory_size - tables->tables_start, flags) ||
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

/* The platform IOAPICs' register windows, uncached: root's accesses trap and are forwarded. */
static int map_ioapics(const struct paging *paging, struct warden_host_tables *tables,
		       const struct warden_system_config *system, u32 size,
		       struct warden_message *message)
{
	const struct warden_config_table *table = &system->platform.ioapics;
	const struct warden_ioapic *ioapic = (const void *)system + table->offset;
	u64 flags = PAGE_WRITABLE | PAGE_NO_EXECUTE | UNCACHED;
	u32 n;

	if ((u64)table->offset + (u64)table->count * sizeof(*ioapic) > size || table->offset % 8)
		return warden_refuse(message, -EINVAL, "system config: the IOAPIC table lies "
				     "outside the config's %u bytes", size);
	for (n = 0; n < table->count; n++, ioapic++)
		if (paging_map(paging, tables->root, ioapic->address & PAGE_MASK,
			       ioapic->address & PAGE_MASK, PAGE_SIZE, flags))
			return warden_refuse(message, -EINVAL, "system config: IOAPIC %u at %#llx "
					     "cannot be mapped for the hypervisor", n,
					     ioapic->address);
	return 0;
}

/* offset, size and flags of one piece of the image mapping */
static int map_image_part(const struct paging *paging, struct warden_host_tables *tables,
			  u64 offset, u64 size, u64 flags)
{
	if (!size)
		return 0;
	return paging_map(paging, tables->root, WARDEN_HV_LINK_ADDRESS + offset,
			  tables->memory_phys + offset, size, flags);
}

/*
 * The hypervisor memory at the link address as CPU cpu sees it. Code and
 * data share pages (no NX there); per-CPU areas are data.
 */
static int map_image(const struct paging *paging, struct warden_host_tables *tables,
		     const struct warden_hypervisor_header *header, unsigned int cpu)
{
	u64 areas = header->percpu_base - WARDEN_HV_LINK_ADDRESS, size = header->percpu_size;
	u64 guard = header->percpu_stack_guard, end = areas + header->max_cpus * size;
	u64 flags;
	unsigned int n;

	if (map_image_part(paging, tables, 0, areas, PAGE_WRITABLE))
		return -1;
	for (n = 0; n < header->max_cpus; n++) {
		flags = PAGE_NO_EXECUTE | (n == cpu ? PAGE_WRITABLE : 0);
		if (map_image_part(paging, tables, areas + n * size, guard, flags) ||
		    map_image_part(paging, tables, areas + n * size + guard + PAGE_SIZE,
				   size - guard - PAGE_SIZE, flags))
			return -1;
	}
	/* The rest: data behind the per-CPU areas, config, page tables and pool. */
	return map_image_part(paging, tables, end, tables->memory_size - end, PAGE_WRITABLE);
}

static int check_image_layout(const struct warden_hypervisor_header *header, u64 tables_start,
			      struct warden_message *message)
{
	u64 areas = header->percpu_base - WARDEN_HV_LINK_ADDRESS;

	if (header->percpu_base < WARDEN_HV_LINK_ADDRESS || (areas | header->percpu_size) % PAGE_SIZE ||
	    header->percpu_stack_guard % PAGE_SIZE ||
	    header->percpu_stack_guard + PAGE_SIZE > header->percpu_size ||
	    areas + header->max_cpus * header->percpu_size > tables_start)
		return warden_refuse(message, -EINVAL, "hypervisor image: per-CPU areas at %#llx "
				     "(%llu bytes, guard at %llu) are not page-aligned inside it",
				     header->percpu_base, header->percpu_size,
				     header->percpu_stack_guard);
	return 0;
}

/* One set of tables for CPU cpu; its root goes to tables->root. */
static int build_cpu_tables(struct warden_host_tables *tables, unsigned int cpu,
			    unsigned long trampoline, const struct warden_hypervisor_header *header,
			    const struct warden_system_config *system, u32 config_size,
			    struct warden_message *message)
{
	struct paging paging = {
		.levels = tables->levels,
		.largest_page = boot_cpu_has(X86_FEATURE_GBPAGES) ? 3 : 2,
		.phys_to_virt = table_virt,
		.alloc_page = table_alloc,
		.context = tables,
	};
	unsigned long pfn = vmalloc_to_pfn((void *)trampoline);
	int error;

	tables->root = table_alloc(tables);
	if (!tables->root || map_image(&paging, tables, header, cpu))
		return warden_refuse(message, -ENOMEM,
				     "hypervisor memory too small for the hypervisor's page tables");
	error = map_identity(&paging, tables, system, config_size, message);
	if (!error)
		error = map_ioapics(&paging, tables, system, config_size, message);
	if (error)
		return error;
	if (!pfn || paging_map(&paging, tables->root, trampoline & PAGE_MASK,
			       (u64)pfn << PAGE_SHIFT, PAGE_SIZE, 0))
		return warden_refuse(message, -EFAULT,
				     "cannot map the trampoline page at %lx (pfn %lx)",
				     trampoline, pfn);
	return 0;
}

int warden_build_host_tables(struct warden_host_tables *tables, unsigned long trampoline,
			     const struct warden_hypervisor_header *header,
			     const struct warden_system_config *system, u32 config_size,
			     struct warden_message *message)
{
	unsigned int cpu;
	int error;

	tables->levels = __read_cr4() & X86_CR4_LA57 ? 5 : 4;
	tables->tables_start = tables->next_free;
	error = check_image_layout(header, tables->tables_start, message);
	for_each_online_cpu(cpu) {
		if (error)
			break;
		if (cpu >= ARRAY_SIZE(tables->cpu_roots))
			return warden_refuse(message, -E2BIG, "CPU %u: the driver builds page "
					     "tables for %zu CPUs", cpu,
					     ARRAY_SIZE(tables->cpu_roots));
		error = build_cpu_tables(tables, cpu, trampoline, header, system, config_size,
					 message);
		tables->cpu_roots[cpu] = tables->root;
	}
	return error;
}
