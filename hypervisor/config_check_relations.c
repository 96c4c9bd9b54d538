// SPDX-License-Identifier: GPL-2.0-only
/*
 * Configuration validator: a cell against the system config (everything a
 * non-root cell takes must be the root cell's to give; nothing may cover the
 * hypervisor memory or a window the hypervisor emulates) and two non-root
 * cells against each other.
 */
#include "config_check_internal.h"

static int names_equal(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static int region_usable(const struct warden_memory_region *r)
{
	return !(r->flags & WARDEN_MEM_COMM_REGION) &&
		check_range_valid(r->phys_start, r->size) &&
		check_range_valid(r->virt_start, r->size);
}

/* Is [start, start + size) covered by the root cell's regions, joined? */
static int root_memory_covers(const struct cell_view *root, __u64 start, __u64 size)
{
	const struct warden_memory_region *r;
	__u64 cursor = start, last = start + size - 1, r_last = 0;
	unsigned int steps, i;

	for (steps = 0; steps <= root->region_count; steps++) {
		for (i = 0; i < root->region_count; i++) {
			r = &root->regions[i];
			if (!region_usable(r))
				continue;
			r_last = r->phys_start + r->size - 1;
			if (cursor >= r->phys_start && cursor <= r_last)
				break;
		}
		if (i == root->region_count)
			return 0;
		if (r_last >= last)
			return 1;
		cursor = r_last + 1;
	}
	return 0;
}

static int root_ports_cover(const struct cell_view *root, __u32 base, __u32 length)
{
	const struct warden_pio_range *r = 0;
	__u32 cursor = base, end = base + length;
	unsigned int steps, i;

	for (steps = 0; steps <= root->pio_count; steps++) {
		for (i = 0; i < root->pio_count; i++) {
			r = &root->pio[i];
			if (r->length && r->base < WARDEN_PIO_PORTS &&
			    r->length <= WARDEN_PIO_PORTS - r->base &&
			    cursor >= r->base && cursor < r->base + r->length)
				break;
		}
		if (i == root->pio_count)
			return 0;
		if (r->base + r->length >= end)
			return 1;
		cursor = r->base + r->length;
	}
	return 0;
}

static int first_bit(const __u64 *words, unsigned int count)
{
	unsigned int i, bit;

	for (i = 0; i < count; i++)
		for (bit = 0; bit < 64; bit++)
			if ((words[i] >> bit) & 1)
				return (int)(i * 64 + bit);
	return -1;
}

static void cpus_check(struct check *check, const struct cell_view *root,
		       const struct cell_view *cell)
{
	__u64 word, extra[1];
	unsigned int i;
	int cpu;

	if (cell->is_root) {
		if (!config_cell_has_cpu(root->config, 0))
			check_error(check, "cpus: CPU 0 is missing: the root cell keeps the boot CPU");
		return;
	}
	if (config_cell_has_cpu(cell->config, 0))
		check_error(check, "cpus: CPU 0 cannot be given away: the root cell keeps the boot CPU");
	for (i = 0; i < cell->cpu_words; i++) {
		word = cell->cpus[i] & ~(i < root->cpu_words ? root->cpus[i] : 0);
		if (!word)
			continue;
		extra[0] = word;
		cpu = first_bit(extra, 1) + (int)i * 64;
		check_error(check, "cpus: CPU %u is not owned by the root cell", (unsigned int)cpu);
	}
}

static const struct warden_ioapic *find_ioapic(const struct system_view *system,
					       __u64 address)
{
	unsigned int i;

	for (i = 0; i < system->ioapic_count; i++)
		if (system->ioapics[i].address == address)
			return &system->ioapics[i];
	return 0;
}

static const struct warden_irqchip *find_irqchip(const struct cell_view *cell,
						 const struct warden_irqchip *like)
{
	unsigned int i;

	for (i = 0; i < cell->irqchip_count; i++)
		if (cell->irqchips[i].address == like->address &&
		    cell->irqchips[i].pin_base == like->pin_base)
			return &cell->irqchips[i];
	return 0;
}

static void irqchips_check(struct check *check, const struct system_view *system,
			   const struct cell_view *cell)
{
	const struct warden_irqchip *chip, *root_chip;
	const struct warden_ioapic *ioapic;
	__u64 beyond[2], foreign[2];
	unsigned int i, w, pin;
	int bit;

	for (i = 0; i < cell->irqchip_count; i++) {
		chip = &cell->irqchips[i];
		ioapic = find_ioapic(system, chip->address);
		if (!ioapic) {
			check_error(check, "irqchip %u: address 0x%llx is no IOAPIC of the platform",
				    i, chip->address);
			continue;
		}
		root_chip = cell->is_root ? 0 : find_irqchip(&system->root, chip);
		for (w = 0; w < 2; w++) {
			beyond[w] = foreign[w] = 0;
			for (bit = 0; bit < 64; bit++) {
				pin = chip->pin_base + w * 64 + (unsigned int)bit;
				if (!((chip->pin_bitmap[w] >> bit) & 1))
					continue;
				if (pin >= ioapic->pin_count)
					beyond[w] |= 1ULL << bit;
			}
			if (!cell->is_root)
				foreign[w] = chip->pin_bitmap[w] &
					~(root_chip ? root_chip->pin_bitmap[w] : 0);
		}
		bit = first_bit(beyond, 2);
		if (bit >= 0)
			check_error(check, "irqchip %u: pin %u is out of range: IOAPIC 0x%llx has %u pins",
				    i, chip->pin_base + (unsigned int)bit, chip->address,
				    ioapic->pin_count);
		bit = first_bit(foreign, 2);
		if (bit >= 0)
			check_error(check, "irqchip %u: pin %u of IOAPIC 0x%llx is not owned by the root cell",
				    i, chip->pin_base + (unsigned int)bit, chip->address);
	}
}

static void pci_check(struct check *check, const struct system_view *system,
		      const struct cell_view *cell)
{
	const struct warden_pci_device *dev;
	unsigned int i, j;

	for (i = 0; i < cell->pci_count; i++) {
		dev = &cell->pci[i];
		if (dev->iommu != WARDEN_PCI_NO_IOMMU && dev->iommu >= system->iommu_count)
			check_error(check, "pci device %u (bdf %02x:%02x.%x): iommu %u is not one of the %u iommu units",
				    i, dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7,
				    dev->iommu, system->iommu_count);
		if (cell->is_root)
			continue;
		for (j = 0; j < system->root.pci_count; j++)
			if (system->root.pci[j].domain == dev->domain &&
			    system->root.pci[j].bdf == dev->bdf)
				break;
		if (j == system->root.pci_count)
			check_error(check, "pci device %u (domain %x bdf %02x:%02x.%x): not owned by the root cell",
				    i, dev->domain, dev->bdf >> 8, (dev->bdf >> 3) & 0x1f,
				    dev->bdf & 7);
	}
}

void cell_check_in_system(struct check *check, const struct system_view *system,
			  const struct cell_view *cell)
{
	const struct cell_view *root = &system->root;
	const struct warden_memory_region *r;
	const struct warden_pio_range *p;
	unsigned int i;

	if (!cell->is_root && root->name[0] && names_equal(root->name, cell->name))
		check_error(check, "name: '%s' is also the root cell's name", cell->name);
	cpus_check(check, root, cell);
	for (i = 0; i < cell->region_count; i++) {
		r = &cell->regions[i];
		if (!region_usable(r))
			continue;
		platform_check_windows(check, system, 1, "memory region", i, r->phys_start,
				       r->size);
		if (!cell->is_root && !root_memory_covers(root, r->phys_start, r->size))
			check_error(check, "memory region %u: phys_start 0x%llx size 0x%llx is not owned by the root cell",
				    i, r->phys_start, r->size);
	}
	for (i = 0; i < cell->pio_count && !cell->is_root; i++) {
		p = &cell->pio[i];
		if (p->length && p->base < WARDEN_PIO_PORTS &&
		    p->length <= WARDEN_PIO_PORTS - p->base &&
		    !root_ports_cover(root, p->base, p->length))
			check_error(check, "pio range %u: ports 0x%x-0x%x are not owned by the root cell",
				    i, p->base, p->base + p->length - 1);
	}
	irqchips_check(check, system, cell);
	pci_check(check, system, cell);
}

static void pair_memory_check(struct check *check, const struct cell_view *a,
			      const struct cell_view *b)
{
	const struct warden_memory_region *ra, *rb;
	unsigned int i, j;

	for (i = 0; i < a->region_count; i++) {
		ra = &a->regions[i];
		for (j = 0; j < b->region_count && region_usable(ra); j++) {
			rb = &b->regions[j];
			if (!region_usable(rb) ||
			    (ra->flags & rb->flags & WARDEN_MEM_ROOT_SHARED))
				continue;
			if (check_ranges_overlap(ra->phys_start, ra->size, rb->phys_start, rb->size))
				check_error(check, "memory region %u: phys_start 0x%llx size 0x%llx overlaps cell '%s' memory region %u (phys_start 0x%llx)",
					    i, ra->phys_start, ra->size, b->name, j, rb->phys_start);
		}
	}
}

static void pair_devices_check(struct check *check, const struct cell_view *a,
			       const struct cell_view *b)
{
	const struct warden_pio_range *pa, *pb;
	const struct warden_irqchip *chip;
	__u64 common[2];
	unsigned int i, j;
	int bit;

	for (i = 0; i < a->pio_count; i++)
		for (j = 0; j < b->pio_count; j++) {
			pa = &a->pio[i];
			pb = &b->pio[j];
			if (pa->length && pb->length &&
			    check_ranges_overlap(pa->base, pa->length, pb->base, pb->length))
				check_error(check, "pio range %u: base 0x%x length 0x%x overlaps cell '%s' pio range %u (base 0x%x)",
					    i, pa->base, pa->length, b->name, j, pb->base);
		}
	for (i = 0; i < a->irqchip_count; i++) {
		chip = find_irqchip(b, &a->irqchips[i]);
		if (!chip)
			continue;
		common[0] = a->irqchips[i].pin_bitmap[0] & chip->pin_bitmap[0];
		common[1] = a->irqchips[i].pin_bitmap[1] & chip->pin_bitmap[1];
		bit = first_bit(common, 2);
		if (bit >= 0)
			check_error(check, "irqchip %u: pin %u of IOAPIC 0x%llx is also used by cell '%s'",
				    i, chip->pin_base + (unsigned int)bit, chip->address, b->name);
	}
	for (i = 0; i < a->pci_count; i++)
		for (j = 0; j < b->pci_count; j++)
			if (a->pci[i].domain == b->pci[j].domain && a->pci[i].bdf == b->pci[j].bdf)
				check_error(check, "pci device %u (bdf %02x:%02x.%x): is also cell '%s' pci device %u",
					    i, a->pci[i].bdf >> 8, (a->pci[i].bdf >> 3) & 0x1f,
					    a->pci[i].bdf & 7, b->name, j);
}

void cell_check_pair(struct check *check, const struct cell_view *a,
		     const struct cell_view *b)
{
	unsigned int i;
	int cpu;
	__u64 common[1];

	check_set_scope(check, "cell", a->name);
	if (names_equal(a->name, b->name))
		check_error(check, "name: '%s' is used by two cells", a->name);
	for (i = 0; i < a->cpu_words && i < b->cpu_words; i++) {
		common[0] = a->cpus[i] & b->cpus[i];
		cpu = first_bit(common, 1);
		if (cpu >= 0)
			check_error(check, "cpus: CPU %u is also used by cell '%s'", i * 64 + (unsigned int)cpu,
				    b->name);
	}
	pair_memory_check(check, a, b);
	pair_devices_check(check, a, b);
}
