// SPDX-License-Identifier: GPL-2.0-only
/*
 * Root's IOAPIC register windows, emulated: root's nested page tables never
 * map them (cell.c), so each access of root Linux traps here and is
 * forwarded, except a redirection entry that would reach beyond root: an
 * entry of a pin that a cell's config lists under `irqchips`, or an unmasked
 * entry whose destination may be a cell CPU. Such a write is refused with a
 * console line and not made. Non-root cells get no IOAPIC access at all.
 *
 * Registers (Intel 82093AA IOAPIC datasheet, 3.0 and 3.2.4): IOREGSEL at
 * offset 0x00 selects, IOWIN at 0x10 reads and writes the selected register,
 * EOI at 0x40 (version 0x20 and later). Redirection entry n is registers
 * 0x10 + 2n (low: vector, delivery mode, bit 11 logical, bit 16 masked) and
 * 0x11 + 2n (high: destination in bits 31:24). A write of one half is
 * checked as the entry it leaves, with the other half as the IOAPIC holds
 * it. One lock serialises every access root makes: IOREGSEL is shared by
 * all CPUs, and the check must see the register the write will reach.
 *
 * Logical destinations: an 8-bit mask is matched against the logical ID
 * root Linux gave each cell CPU while it was root's and against the x2APIC
 * logical ID of a cell CPU (cluster 0 only: IDs below 16). A cell in xAPIC
 * mode may set another logical ID itself; closing that needs interrupt
 * remapping (docs/hypervisor.md).
 */
#include <arch/apic_logical.h>
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/printk.h>

#define IOREGSEL		0x00
#define IOWIN			0x10
#define REDIRECTION_FIRST	0x10
#define ENTRY_MASKED		(1U << 16)
#define ENTRY_LOGICAL		(1U << 11)
#define PHYSICAL_BROADCAST	0xff
#define MAX_REPORTS		32

static u32 ioapic_lock;

const struct warden_ioapic *ioapic_at(u64 address)
{
	const struct warden_platform *platform = &system_config->platform;
	const struct warden_ioapic *ioapic = config_table(system_config, &platform->ioapics);
	unsigned int n;

	for (n = 0; n < platform->ioapics.count; n++, ioapic++)
		if (address >> 12 == ioapic->address >> 12)
			return ioapic;
	return NULL;
}

static volatile u32 *window(const struct warden_ioapic *ioapic, unsigned int offset)
{
	return (volatile u32 *)(unsigned long)(ioapic->address + offset);
}

static u32 read_register(const struct warden_ioapic *ioapic, u32 selected, u32 index)
{
	u32 value;

	*window(ioapic, IOREGSEL) = index;
	value = *window(ioapic, IOWIN);
	*window(ioapic, IOREGSEL) = selected;
	return value;
}

/* The non-root cell whose config lists this pin of this IOAPIC, or NULL. */
static const struct cell *pin_owner(const struct warden_ioapic *ioapic, unsigned int pin)
{
	const struct warden_irqchip *chip;
	const struct cell *cell;
	unsigned int n, c, bit;

	for (n = 0; n < MAX_CPUS; n++) {
		cell = per_cpu(n)->cell;
		if (!cell || cell == &root_cell)
			continue;
		chip = config_table(cell->config, &cell->config->irqchips);
		for (c = 0; c < cell->config->irqchips.count; c++, chip++) {
			bit = pin - chip->pin_base;
			if (chip->address == ioapic->address && pin >= chip->pin_base &&
			    bit < WARDEN_IRQCHIP_PINS && (chip->pin_bitmap[bit / 64] >> (bit % 64)) & 1)
				return cell;
		}
	}
	return NULL;
}

/* Could an 8-bit logical destination reach this cell CPU? */
static bool logical_reaches(const struct per_cpu *target, u32 destination)
{
	return xapic_logical_match(target->arch.root_ldr, target->arch.root_dfr, destination) ||
	       x2apic_logical_match(target->phys_id, destination);
}

/* The cell CPU an unmasked entry may deliver to, or NULL. */
static const struct per_cpu *cell_target(u64 entry)
{
	u32 low = (u32)entry, destination = (u32)(entry >> 56);
	const struct per_cpu *target;
	unsigned int n;

	if (low & ENTRY_MASKED)
		return NULL;
	for (n = 0; n < MAX_CPUS; n++) {
		target = per_cpu(n);
		if (!target->cell || target->cell == &root_cell)
			continue;
		if (low & ENTRY_LOGICAL ? logical_reaches(target, destination) :
		    destination == PHYSICAL_BROADCAST || destination == target->phys_id)
			return target;
	}
	return NULL;
}

static bool entry_refused(struct per_cpu *cpu, const struct warden_ioapic *ioapic,
			  u32 selected, u32 value)
{
	static unsigned int reports;
	unsigned int pin = (selected - REDIRECTION_FIRST) / 2;
	const struct per_cpu *target;
	const struct cell *owner;
	u64 entry;

	if (selected < REDIRECTION_FIRST || pin >= ioapic->pin_count)
		return false;
	if (selected & 1)
		entry = ((u64)value << 32) | read_register(ioapic, selected, selected - 1);
	else
		entry = ((u64)read_register(ioapic, selected, selected + 1) << 32) | value;
	owner = pin_owner(ioapic, pin);
	target = owner ? NULL : cell_target(entry);
	if (!owner && !target)
		return false;
	if (__atomic_fetch_add(&reports, 1, __ATOMIC_RELAXED) >= MAX_REPORTS)
		return true;
	if (owner)
		printk("warden: CPU %u: root cell '%s': IOAPIC %llx pin %u entry %llx refused: "
		       "the pin belongs to cell '%s'\n", cpu->id, root_cell.config->name,
		       ioapic->address, pin, entry, owner->config->name);
	else
		printk("warden: CPU %u: root cell '%s': IOAPIC %llx pin %u entry %llx refused: "
		       "its destination reaches CPU %u of cell '%s'\n", cpu->id,
		       root_cell.config->name, ioapic->address, pin, entry, target->id,
		       target->cell->config->name);
	return true;
}

/* One 32-bit access of root at offset (within the page) of an IOAPIC. */
void ioapic_access(struct per_cpu *cpu, const struct warden_ioapic *ioapic,
		   unsigned int offset, bool write, u32 *value)
{
	u32 selected;

	while (__atomic_exchange_n(&ioapic_lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
	if (!write) {
		*value = *window(ioapic, offset);
	} else if (offset != IOWIN) {
		*window(ioapic, offset) = *value;
	} else {
		selected = *window(ioapic, IOREGSEL) & 0xff;
		if (!entry_refused(cpu, ioapic, selected, *value))
			*window(ioapic, IOWIN) = *value;
	}
	__atomic_store_n(&ioapic_lock, 0, __ATOMIC_RELEASE);
}
