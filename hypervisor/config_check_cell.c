// SPDX-License-Identifier: GPL-2.0-only
/*
 * Configuration validator: a cell's own contents, a cell against the system
 * (what it takes must belong to the root cell; nothing may cover the
 * hypervisor's memory or emulated windows), and two cells against each other.
 */
#include "config_check_internal.h"

/* PCI Local Bus spec 3.0, 6.1 / PCIe base spec 7.5: config space sizes. */
#define PCI_CONFIG_SIZE		0x100U
#define PCIE_CONFIG_SIZE	0x1000U

static void name_check(struct check *check, const struct cell_view *cell)
{
	const char *name = cell->config->name;
	unsigned int i;

	for (i = 0; i < WARDEN_CELL_NAME_SIZE && name[i]; i++)
		if (name[i] < 0x20 || name[i] >= 0x7f || name[i] == '\'') {
			check_error(check, "name: byte %u is 0x%x, not a printable character",
				    i, (unsigned char)name[i]);
			return;
		}
	if (i == WARDEN_CELL_NAME_SIZE)
		check_error(check, "name: not NUL-terminated within %u bytes",
			    WARDEN_CELL_NAME_SIZE);
	else if (!i)
		check_error(check, "name: empty");
}

static int cpu_set_empty(const struct cell_view *cell)
{
	unsigned int i;

	for (i = 0; i < cell->cpu_words; i++)
		if (cell->cpus[i])
			return 0;
	return 1;
}

static int region_checkable(const struct warden_memory_region *r)
{
	return check_range_valid(r->phys_start, r->size) &&
		check_range_valid(r->virt_start, r->size);
}

static void region_check(struct check *check, const struct cell_view *cell,
			 unsigned int i, unsigned int *comm_regions)
{
	const struct warden_memory_region *r = &cell->regions[i];
	const __u64 page = WARDEN_CONFIG_PAGE_SIZE;

	if (r->flags & ~(__u64)WARDEN_MEM_FLAGS_KNOWN)
		check_error(check, "memory region %u: flags 0x%llx has unknown bits 0x%llx",
			    i, r->flags, r->flags & ~(__u64)WARDEN_MEM_FLAGS_KNOWN);
	if (r->phys_start % page || r->virt_start % page || r->size % page)
		check_error(check, "memory region %u: phys_start 0x%llx virt_start 0x%llx size 0x%llx: not %llu-byte aligned",
			    i, r->phys_start, r->virt_start, r->size, page);
	if (!region_checkable(r))
		check_error(check, "memory region %u: phys_start 0x%llx virt_start 0x%llx size 0x%llx: empty or wraps around",
			    i, r->phys_start, r->virt_start, r->size);
	if (cell->is_root && r->virt_start != r->phys_start)
		check_error(check, "memory region %u: virt_start 0x%llx is not phys_start 0x%llx: the root cell is mapped 1:1",
			    i, r->virt_start, r->phys_start);
	if (!(r->flags & WARDEN_MEM_COMM_REGION))
		return;
	(*comm_regions)++;
	if (cell->is_root)
		check_error(check, "memory region %u: the root cell has no comm region", i);
	else if (*comm_regions > 1)
		check_error(check, "memory region %u: virt_start 0x%llx flags 0x%llx: a second comm region (a cell has one)",
			    i, r->virt_start, r->flags);
	if (r->phys_start || r->size != page)
		check_error(check, "memory region %u: comm region phys_start 0x%llx size 0x%llx: want phys_start 0 (the hypervisor provides it) and size 0x%llx",
			    i, r->phys_start, r->size, page);
}

static void regions_check(struct check *check, const struct cell_view *cell)
{
	const struct warden_memory_region *a, *b;
	unsigned int comm_regions = 0, i, j;

	for (i = 0; i < cell->region_count; i++)
		region_check(check, cell, i, &comm_regions);
	for (i = 0; i < cell->region_count; i++) {
		a = &cell->regions[i];
		for (j = 0; j < i && region_checkable(a); j++) {
			b = &cell->regions[j];
			if (!region_checkable(b))
				continue;
			if (check_ranges_overlap(a->virt_start, a->size, b->virt_start, b->size))
				check_error(check, "memory region %u: virt_start 0x%llx size 0x%llx overlaps region %u (virt_start 0x%llx)",
					    i, a->virt_start, a->size, j, b->virt_start);
			if (!((a->flags | b->flags) & WARDEN_MEM_COMM_REGION) &&
			    check_ranges_overlap(a->phys_start, a->size, b->phys_start, b->size))
				check_error(check, "memory region %u: phys_start 0x%llx size 0x%llx overlaps region %u (phys_start 0x%llx)",
					    i, a->phys_start, a->size, j, b->phys_start);
		}
	}
}

static int pio_checkable(const struct warden_pio_range *r)
{
	return r->length && r->base < WARDEN_PIO_PORTS &&
		r->length <= WARDEN_PIO_PORTS - r->base;
}

static void pio_check(struct check *check, const struct cell_view *cell)
{
	const struct warden_pio_range *a, *b;
	unsigned int i, j;

	for (i = 0; i < cell->pio_count; i++) {
		a = &cell->pio[i];
		if (!pio_checkable(a)) {
			check_error(check, "pio range %u: base 0x%x length 0x%x: empty or beyond port 0x%x",
				    i, a->base, a->length, WARDEN_PIO_PORTS - 1);
			continue;
		}
		for (j = 0; j < i; j++) {
			b = &cell->pio[j];
			if (pio_checkable(b) &&
			    check_ranges_overlap(a->base, a->length, b->base, b->length))
				check_error(check, "pio range %u: base 0x%x length 0x%x overlaps pio range %u (base 0x%x)",
					    i, a->base, a->length, j, b->base);
		}
	}
}

static void irqchips_check(struct check *check, const struct cell_view *cell)
{
	const struct warden_irqchip *chip;
	unsigned int i, j;

	for (i = 0; i < cell->irqchip_count; i++) {
		chip = &cell->irqchips[i];
		if (chip->reserved)
			check_error(check, "irqchip %u: reserved field is 0x%x, not 0", i,
				    chip->reserved);
		if (chip->pin_base % 64)
			check_error(check, "irqchip %u: pin_base %u is not a multiple of 64",
				    i, chip->pin_base);
		for (j = 0; j < i; j++)
			if (cell->irqchips[j].address == chip->address &&
			    cell->irqchips[j].pin_base == chip->pin_base)
				check_error(check, "irqchip %u: address 0x%llx pin_base %u repeats irqchip %u",
					    i, chip->address, chip->pin_base, j);
	}
}

static void pci_check(struct check *check, const struct cell_view *cell)
{
	const struct warden_pci_device *dev;
	const struct warden_pci_capability *cap;
	unsigned int i, j, limit;

	for (i = 0; i < cell->pci_count; i++) {
		dev = &cell->pci[i];
		if (!dev->type || dev->type > WARDEN_PCI_TYPE_MAX)
			check_error(check, "pci device %u (bdf %02x:%02x.%x): type %u is unknown", i,
				    dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7, dev->type);
		if (dev->flags & ~WARDEN_PCI_FLAGS_KNOWN)
			check_error(check, "pci device %u (bdf %02x:%02x.%x): flags 0x%x has unknown bits",
				    i, dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7, dev->flags);
		if (dev->caps_count && (dev->caps_start >= cell->cap_count ||
					dev->caps_count > cell->cap_count - dev->caps_start))
			check_error(check, "pci device %u (bdf %02x:%02x.%x): caps_start %u count %u beyond the %u capabilities",
				    i, dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7,
				    dev->caps_start, dev->caps_count, cell->cap_count);
		for (j = 0; j < i; j++)
			if (cell->pci[j].domain == dev->domain && cell->pci[j].bdf == dev->bdf)
				check_error(check, "pci device %u (bdf %02x:%02x.%x): repeats pci device %u",
					    i, dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7, j);
	}
	for (i = 0; i < cell->cap_count; i++) {
		cap = &cell->caps[i];
		limit = cap->flags & WARDEN_PCI_CAP_EXTENDED ? PCIE_CONFIG_SIZE : PCI_CONFIG_SIZE;
		if (cap->flags & ~WARDEN_PCI_CAP_FLAGS_KNOWN)
			check_error(check, "pci capability %u: flags 0x%x has unknown bits", i,
				    cap->flags);
		if (!cap->length || cap->start + cap->length > limit)
			check_error(check, "pci capability %u (id 0x%x): start 0x%x length 0x%x beyond config space 0x%x",
				    i, cap->id, cap->start, cap->length, limit);
	}
}

static void reset_address_check(struct check *check, const struct cell_view *cell)
{
	const struct warden_memory_region *r;
	__u64 address = cell->config->cpu_reset_address;
	unsigned int i;

	if (cell->is_root)
		return;
	for (i = 0; i < cell->region_count; i++) {
		r = &cell->regions[i];
		if ((r->flags & WARDEN_MEM_EXECUTE) && region_checkable(r) &&
		    address >= r->virt_start && address - r->virt_start < r->size)
			return;
	}
	check_error(check, "cpu_reset_address 0x%llx is not inside an executable memory region",
		    address);
}

void cell_check_contents(struct check *check, const struct cell_view *cell)
{
	const struct warden_cell_config *config = cell->config;

	name_check(check, cell);
	if (config->flags & ~WARDEN_CELL_FLAGS_KNOWN)
		check_error(check, "flags 0x%x has unknown bits 0x%x", config->flags,
			    config->flags & ~WARDEN_CELL_FLAGS_KNOWN);
	if (cpu_set_empty(cell))
		check_error(check, "cpus: the CPU set is empty");
	console_check(check, &config->console, "console");
	regions_check(check, cell);
	pio_check(check, cell);
	irqchips_check(check, cell);
	pci_check(check, cell);
	reset_address_check(check, cell);
}
