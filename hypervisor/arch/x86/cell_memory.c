// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory moving between the root cell and a cell: a cell's regions leave
 * root's nested page tables when it is created (root's TLBs are flushed on
 * every root CPU before anything else happens) and come back, cleared,
 * when it is destroyed. The cell gets its own nested tables and a comm
 * region page from the pool. AMD APM vol. 2, 15.25.
 */
#include <arch/guest_memory.h>
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
#include <warden/comm_region.h>

static const struct warden_memory_region *regions_of(const struct cell *cell, unsigned int *count)
{
	*count = cell->config->memory_regions.count;
	return config_table(cell->config, &cell->config->memory_regions);
}

/* Regions that leave root: all but the comm region and root-shared memory. */
static bool leaves_root(const struct warden_memory_region *region)
{
	return !(region->flags & (WARDEN_MEM_COMM_REGION | WARDEN_MEM_ROOT_SHARED));
}

/* The leaf bits root had for [phys, phys + size): those of its region there. */
static bool root_bits(u64 phys, u64 size, u64 *bits)
{
	const struct warden_memory_region *region;
	unsigned int n, count;

	region = regions_of(&root_cell, &count);
	for (n = 0; n < count; n++, region++)
		if (phys >= region->phys_start && size <= region->size &&
		    phys - region->phys_start <= region->size - size)
			return region_nested_bits(region->flags, bits);
	return false;
}

int arch_cell_read_root(u64 address, void *buffer, u64 size)
{
	struct paging nested = nested_paging();
	const struct warden_memory_region *regions;
	struct guest_memory memory;
	unsigned int count, chunk;
	u8 *bytes = buffer;

	regions = regions_of(&root_cell, &count);
	memory = (struct guest_memory){
		.nested = &nested, .nested_root = root_cell.arch.npt_root,
		.regions = regions, .region_count = count,
		.hv_start = hypervisor_header.memory_phys, .hv_size = hypervisor_header.memory_size,
		.host_limit = host_identity_map_end(),
	};
	for (; size; size -= chunk, address += chunk, bytes += chunk) {
		chunk = 0x1000 - (address & 0xfff);
		if (chunk > size)
			chunk = (unsigned int)size;
		if (guest_memory_read(&memory, address, bytes, chunk))
			return -EFAULT;
	}
	return 0;
}

/* Gives root back regions 0 .. count - 1 of cell, cleared. */
static void return_regions(struct cell *cell, unsigned int count)
{
	const struct warden_memory_region *region = config_table(cell->config,
								 &cell->config->memory_regions);
	struct paging root = nested_paging();
	unsigned int n;
	u64 bits;

	for (n = 0; n < count; n++, region++) {
		if (!leaves_root(region))
			continue;
		memset((void *)(unsigned long)region->phys_start, 0, region->size);
		if (!root_bits(region->phys_start, region->size, &bits) ||
		    paging_map(&root, root_cell.arch.npt_root, region->phys_start,
			       region->phys_start, region->size, bits))
			printk("warden: cell '%s': region %u (%llx+%llx) could not go back to root\n",
			       cell->config->name, n, region->phys_start, region->size);
	}
}

/* The cell's regions leave root's nested tables; root's TLBs still hold them. */
static int take_regions(struct cell *cell)
{
	const struct warden_memory_region *region;
	struct paging root = nested_paging();
	unsigned int n, count;

	region = regions_of(cell, &count);
	for (n = 0; n < count; n++, region++) {
		if (!leaves_root(region))
			continue;
		if (paging_unmap(&root, root_cell.arch.npt_root, region->phys_start,
				 region->size)) {
			return_regions(cell, n);
			return -ENOMEM;
		}
	}
	return 0;
}

static void fill_comm_region(struct cell *cell)
{
	struct warden_comm_region *comm = cell->arch.comm_page;

	memcpy(comm->signature, WARDEN_COMM_SIGNATURE, WARDEN_COMM_SIGNATURE_SIZE);
	comm->revision = WARDEN_COMM_ABI_REVISION;
	comm->cell_state = WARDEN_CELL_SHUT_DOWN;
}

/* The cell config's console in the comm region's (Jailhouse's) terms. */
static void describe_console(const struct warden_console *console,
			     struct warden_comm_console *description)
{
	if (console->type != WARDEN_CONSOLE_8250_PIO && console->type != WARDEN_CONSOLE_8250_MMIO)
		return;		/* WARDEN_CONSOLE_TYPE_NONE */
	description->type = WARDEN_CONSOLE_TYPE_8250;
	description->address = console->address;
	description->size = 8;
	description->divider = console->divisor;
	if (console->type == WARDEN_CONSOLE_8250_MMIO)
		description->flags |= WARDEN_CONSOLE_ACCESS_MMIO;
	if (console->flags & WARDEN_CONSOLE_REG_SHIFT_2)
		description->flags |= WARDEN_CONSOLE_REGDIST_4;
}

u32 platform_tsc_khz(void)
{
	return system_config->platform.tsc_khz ? system_config->platform.tsc_khz :
	       hypervisor_header.tsc_khz;
}

/* What the inmate learns at start (docs/cell-abi.md): platform, console, its CPUs. */
void arch_cell_prepare_start(struct cell *cell)
{
	const struct warden_cell_config *config = cell->config;
	const struct warden_memory_region *region;
	struct warden_comm_region *comm = cell->arch.comm_page;
	unsigned int n, count, cpus = 0;

	cell->arch.cpus_started = 0;
	comm->cell_state = WARDEN_CELL_RUNNING;
	comm->msg_to_cell = 0;
	comm->reply_from_cell = 0;
	describe_console(&config->console, &comm->console);
	/* PCI configuration space only for a cell that has PCI devices. */
	comm->pci_mmconfig_base = config->pci_devices.count ?
				  system_config->platform.mmconfig_base : 0;
	comm->pm_timer_address = system_config->platform.pm_timer_port;
	comm->flags = config->flags & WARDEN_CELL_DEBUG_CONSOLE ?
		      WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED : 0;
	comm->tsc_khz = platform_tsc_khz();
	/* Measured when a CPU joined the cell (apic.c) unless the config gives it. */
	comm->apic_khz = system_config->platform.apic_khz ? system_config->platform.apic_khz :
			 apic_timer_khz();
	comm->ext_magic = WARDEN_COMM_EXT_MAGIC;
	comm->ext_revision = WARDEN_COMM_EXT_REVISION;
	if (system_config->platform.pm_timer_bits == 32)
		comm->ext_flags |= WARDEN_COMM_EXT_PM_TIMER_32BIT;
	region = regions_of(cell, &count);
	for (n = 0; n < count; n++, region++)
		if (region->virt_start == 0 && !(region->flags & WARDEN_MEM_COMM_REGION))
			comm->ram_size = region->size;
	comm->cat_capacity_mask = (u32)config->cat_mask;
	for (n = 0; n < MAX_CPUS && cpus < WARDEN_COMM_MAX_CPUS; n++)
		if (config_cell_has_cpu(config, n))
			comm->cpu_apic_id[cpus++] = per_cpu(n)->phys_id;
	comm->num_cpus = (u16)cpus;
}

void *arch_cell_comm_region(struct cell *cell)
{
	return cell->arch.comm_page;
}

/* Loadable regions: root's while the cell does not run, so that it loads images. */
int arch_cell_set_loadable(struct cell *cell, bool loadable)
{
	const struct warden_memory_region *region;
	struct paging root = nested_paging();
	unsigned int n, count;
	u64 bits;
	int error = 0;

	region = regions_of(cell, &count);
	for (n = 0; n < count; n++, region++) {
		if (!(region->flags & WARDEN_MEM_LOADABLE) || !leaves_root(region))
			continue;
		if (!loadable)
			error |= paging_unmap(&root, root_cell.arch.npt_root, region->phys_start,
					      region->size);
		else if (!root_bits(region->phys_start, region->size, &bits) ||
			 paging_map(&root, root_cell.arch.npt_root, region->phys_start,
				    region->phys_start, region->size, bits))
			error = -1;
	}
	return error ? -ENOMEM : 0;
}

/* Frees the cell's nested tables: every mapping goes, then the empty tables. */
static void free_nested_tables(struct cell *cell)
{
	const struct warden_memory_region *region;
	struct paging paging = nested_paging();
	unsigned int n, count;

	region = regions_of(cell, &count);
	for (n = 0; n < count; n++, region++)
		paging_unmap(&paging, cell->arch.npt_root, region->virt_start, region->size);
	paging.free_page(NULL, cell->arch.npt_root);
}

int arch_cell_create(struct cell *cell)
{
	int error;

	cell->arch.comm_page = pool_alloc_page();
	if (!cell->arch.comm_page)
		return -ENOMEM;
	fill_comm_region(cell);
	error = arch_cell_init(cell);
	if (!error)
		error = take_regions(cell);
	if (error) {
		if (cell->arch.npt_root)
			free_nested_tables(cell);
		pool_free_page(cell->arch.comm_page);
	}
	return error;
}

void arch_cell_destroy(struct cell *cell)
{
	unsigned int count;

	regions_of(cell, &count);
	return_regions(cell, count);
	free_nested_tables(cell);
	pool_free_page(cell->arch.comm_page);
}

/*
 * After memory left root: every root CPU flushes its nested TLB entries
 * before the cell can have the memory; the others by a management request,
 * waited for, this one with its next VMRUN.
 */
void arch_flush_root_tlbs(struct per_cpu *caller)
{
	unsigned int n;

	vcpu_vmcb(caller)->tlb_control = TLB_CONTROL_FLUSH_ALL;
	for (n = 0; n < MAX_CPUS; n++)
		if (n != caller->id && per_cpu(n)->cell == &root_cell &&
		    per_cpu(n)->state == WARDEN_CPU_RUNNING)
			management_request(per_cpu(n), REQUEST_FLUSH_TLB, NULL);
	for (n = 0; n < MAX_CPUS; n++)
		if (n != caller->id && per_cpu(n)->cell == &root_cell &&
		    per_cpu(n)->state == WARDEN_CPU_RUNNING)
			management_wait(per_cpu(n), REQUEST_FLUSH_TLB);
}

void arch_cpu_join(struct per_cpu *target, struct cell *cell)
{
	management_request(target, REQUEST_JOIN, cell);
	management_wait(target, REQUEST_JOIN);
}

void arch_cpu_start(struct per_cpu *target)
{
	management_post(target, REQUEST_START);	/* it is parked: it polls */
	management_wait(target, REQUEST_START);
}

void arch_cpu_park(struct per_cpu *target)
{
	management_request(target, REQUEST_PARK, NULL);
	management_wait(target, REQUEST_PARK);
}

void arch_cpu_leave(struct per_cpu *target)
{
	management_request(target, REQUEST_LEAVE, NULL);
	management_wait(target, REQUEST_LEAVE);
}
