// SPDX-License-Identifier: GPL-2.0-only
/*
 * A cell's x86 resources: nested page tables from its memory regions (AMD
 * APM vol. 2, 15.25), the I/O permission map from its port ranges (15.10.1)
 * and the MSR permission map (15.11).
 */
#include <arch/paging.h>
#include <arch/processor.h>
#include <arch/region_bits.h>
#include <arch/vcpu.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>
#include <hv/printk.h>
#include <hv/string.h>

#define XAPIC_PAGE	0xfee00000ULL
#define GIGABYTE_PAGES	(1U << 26)	/* CPUID 8000_0001 EDX */

static __u64 *identity(void *context, __u64 pa)
{
	(void)context;
	return (__u64 *)(unsigned long)pa;
}

static __u64 alloc_table(void *context)
{
	void *page = pool_alloc_page();

	(void)context;
	return page ? hv_virt_to_phys(page) : 0;
}

/* Pool pages are reached at virtual = physical too (driver/host_tables.c). */
static void free_table(void *context, __u64 pa)
{
	(void)context;
	pool_free_page((void *)(unsigned long)(pa - hypervisor_header.memory_phys +
					       WARDEN_HV_LINK_ADDRESS));
}

/*
 * The hypervisor reaches the root cell's RAM at virtual = physical
 * (driver/host_tables.c), in the lower half of its address space.
 */
u64 host_identity_map_end(void)
{
	return 1ULL << (hypervisor_header.paging_levels * 9 + 11);
}

/* Nested page tables of any cell: built from, and given back to, the pool. */
struct paging nested_paging(void)
{
	struct paging paging = {
		.levels = hypervisor_header.paging_levels,
		.largest_page = cpuid(0x80000001, 0).edx & GIGABYTE_PAGES ? 3 : 2,
		.phys_to_virt = identity,
		.alloc_page = alloc_table,
		.free_page = free_table,
	};
	return paging;
}

/* Maps [start, start + size) except the xAPIC page, which the hypervisor emulates. */
static int map_except_xapic(const struct paging *paging, u64 root, u64 virt, u64 phys,
			    u64 size, u64 bits)
{
	u64 below;

	if (virt > XAPIC_PAGE || virt + size <= XAPIC_PAGE)
		return paging_map(paging, root, virt, phys, size, bits);
	below = XAPIC_PAGE - virt;
	if (below && paging_map(paging, root, virt, phys, below, bits))
		return -1;
	if (size > below + 0x1000)
		return paging_map(paging, root, XAPIC_PAGE + 0x1000, phys + below + 0x1000,
				  size - below - 0x1000, bits);
	return 0;
}

/*
 * The root cell drives PCI configuration space directly. Its IOAPICs are
 * not mapped: every access traps and ioapic.c forwards it, refusing the
 * redirection entries that would reach a cell's CPU. Linux touches the
 * IOAPIC rarely (masking, affinity changes), so the trap costs root little
 * (docs/hypervisor.md has the figures); trapping from enable on avoids
 * changing root's tables and flushing its TLBs when cells come and go.
 */
static int map_platform_devices(const struct paging *paging, struct cell *cell)
{
	const struct warden_platform *platform = &system_config->platform;
	u64 bits = PAGE_USER | PAGE_WRITABLE | PAGE_NO_EXECUTE;

	if (!platform->mmconfig_base)
		return 0;
	return paging_map(paging, cell->arch.npt_root, platform->mmconfig_base,
			  platform->mmconfig_base,
			  (u64)(platform->mmconfig_end_bus - platform->mmconfig_start_bus + 1) << 20,
			  bits);
}

/* A region the tables cannot take: the enable's reason for root, a console line for a cell. */
static int refuse_region(const struct cell *cell, int error, unsigned int n,
			 const struct warden_memory_region *region, const char *why)
{
	if (cell == &root_cell)
		return enable_fail(error, "cell '%s': memory region %u (%llx+%llx) %s",
				   cell->config->name, n, region->phys_start, region->size, why);
	printk("warden: cell '%s': memory region %u (%llx+%llx) %s\n", cell->config->name, n,
	       region->phys_start, region->size, why);
	return -error;
}

/* A cell's comm region: the page the hypervisor provides, read and write, no execute. */
static int map_comm_region(const struct paging *paging, struct cell *cell,
			   const struct warden_memory_region *region)
{
	if (cell == &root_cell || !cell->arch.comm_page)
		return 0;
	return paging_map(paging, cell->arch.npt_root, region->virt_start,
			  hv_virt_to_phys(cell->arch.comm_page), 0x1000,
			  PAGE_USER | PAGE_WRITABLE | PAGE_NO_EXECUTE);
}

static int build_nested_tables(struct cell *cell)
{
	const struct warden_memory_region *region = config_table(cell->config,
								 &cell->config->memory_regions);
	struct paging paging = nested_paging();
	unsigned int n;
	u64 bits;
	void *root = pool_alloc_page();

	if (!root)
		return -ENOMEM;
	cell->arch.npt_root = hv_virt_to_phys(root);
	cell->arch.npt_levels = paging.levels;
	for (n = 0; n < cell->config->memory_regions.count; n++, region++) {
		if (region->flags & WARDEN_MEM_COMM_REGION) {
			if (map_comm_region(&paging, cell, region))
				return refuse_region(cell, ENOMEM, n, region, "(comm region) cannot be mapped: "
						     "nested page tables failed");
			continue;
		}
		if (!region_nested_bits(region->flags, &bits))
			continue;
		if (hv_memory_contains(region->phys_start, 1) ||
		    hv_memory_contains(region->phys_start + region->size - 1, 1))
			return refuse_region(cell, EINVAL, n, region,
					     "overlaps the hypervisor memory");
		if (map_except_xapic(&paging, cell->arch.npt_root, region->virt_start,
				     region->phys_start, region->size, bits))
			return refuse_region(cell, ENOMEM, n, region,
					     "cannot be mapped: nested page tables failed");
	}
	if (cell == &root_cell && map_platform_devices(&paging, cell))
		return enable_fail(ENOMEM, "root cell: MMCONFIG mapping failed");
	/* The console ring, read-only: root Linux reads the hypervisor's messages. */
	if (cell == &root_cell &&
	    paging_map(&paging, cell->arch.npt_root,
		       hv_virt_to_phys((void *)(unsigned long)hypervisor_header.console_ring),
		       hv_virt_to_phys((void *)(unsigned long)hypervisor_header.console_ring),
		       hypervisor_header.console_ring_size, PAGE_USER | PAGE_NO_EXECUTE))
		return -ENOMEM;
	return 0;
}

static void allow_ports(struct cell *cell)
{
	const struct warden_pio_range *range = config_table(cell->config,
							    &cell->config->pio_ranges);
	unsigned int n, port;

	memset(cell->arch.io_bitmap, 0xff, IO_BITMAP_SIZE);
	for (n = 0; n < cell->config->pio_ranges.count; n++, range++)
		for (port = range->base; port < range->base + range->length &&
		     port < WARDEN_PIO_PORTS; port++)
			cell->arch.io_bitmap[port / 8] &= (u8)~(1U << (port % 8));
	/*
	 * Every cell may read the ACPI PM timer (a free-running counter; the
	 * map has one bit per port for both directions, and the register
	 * ignores writes).
	 */
	port = system_config->platform.pm_timer_port;
	for (n = 0; port && n < 4; n++)
		cell->arch.io_bitmap[(port + n) / 8] &= (u8)~(1U << ((port + n) % 8));
}

unsigned int arch_cell_paging_levels(const struct cell *cell)
{
	return cell->arch.npt_levels;
}

int arch_cell_init(struct cell *cell)
{
	int error = build_nested_tables(cell);

	if (error)
		return error;
	allow_ports(cell);
	msr_bitmap_build(cell);
	return 0;
}
