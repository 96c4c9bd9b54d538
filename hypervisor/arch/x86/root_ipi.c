// SPDX-License-Identifier: GPL-2.0-only
/*
 * Root Linux's interrupt commands while cells hold CPUs: they reach root's
 * CPUs only. With no cell CPU anywhere a command goes out as root wrote it
 * (the fast path). Otherwise:
 * - a physical destination that is a cell CPU is dropped, with a console
 *   line;
 * - a shorthand "all including self" or "all excluding self", and the
 *   physical broadcast ID (0xff xAPIC, 0xffffffff x2APIC), become one
 *   physical IPI to each root CPU they name: under QEMU a shorthand from an
 *   xAPIC CPU reaches x2APIC CPUs too (shared/facts/x2apic-under-qemu.md);
 * - a logical destination becomes physical IPIs to the root CPUs whose
 *   logical ID it matches (flat or cluster model in xAPIC mode, cluster in
 *   x2APIC mode: Intel SDM vol. 3, 10.6.2.2 and 10.12.10; AMD APM vol. 2,
 *   16.6.1). Root's logical IDs are known (each root CPU records its own,
 *   svm.c and mmio.c); a cell CPU's is not, as a cell in xAPIC mode may
 *   choose its own, so nothing logical goes out while cells exist.
 * Lowest priority to several root CPUs goes to the first of them, which is
 * a legal choice for that mode. INIT and SIPI never get here: init_sipi.c
 * emulates them between root's own CPUs.
 */
#include <arch/apic_logical.h>
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/printk.h>

#define XAPIC_BASE		0xfee00000ULL
#define XAPIC_ICR_LOW		0x300
#define XAPIC_ICR_HIGH		0x310
#define ICR_DELIVERY_MODE(c)	(((c) >> 8) & 7)
#define ICR_DELIVERY_STATUS	(1U << 12)
#define ICR_LOGICAL		(1U << 11)
#define ICR_SHORTHAND(c)	(((c) >> 18) & 3)
#define ICR_SHORTHAND_MASK	(3U << 18)
#define SHORTHAND_SELF		1
#define SHORTHAND_ALL		2
#define SHORTHAND_OTHERS	3
#define MODE_LOWEST		1
#define XAPIC_BROADCAST		0xffU
#define X2APIC_BROADCAST	0xffffffffU
#define MAX_REPORTS		32

static bool in_cell(const struct per_cpu *cpu)
{
	return cpu->cell && cpu->cell != &root_cell;
}

bool root_ipi_cells_hold_cpus(void)
{
	unsigned int n;

	for (n = 0; n < MAX_CPUS; n++)
		if (in_cell(per_cpu(n)))
			return true;
	return false;
}

struct per_cpu *root_ipi_owner(u32 apic_id)
{
	unsigned int n;

	for (n = 0; n < MAX_CPUS; n++)
		if (per_cpu(n)->cell && per_cpu(n)->phys_id == apic_id)
			return per_cpu(n);
	return NULL;
}

/* This CPU's logical ID as root Linux set it (xAPIC; x2APIC derives it from the ID). */
void root_ipi_record_logical_id(struct per_cpu *cpu)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;

	if (cpu->arch.root_x2apic)
		return;
	cpu->arch.root_ldr = apic[0xd0 / 4];
	cpu->arch.root_dfr = apic[0xe0 / 4];
}

/* Does a logical destination (the sender's format) name this root CPU? */
static bool logical_match(const struct per_cpu *target, u32 destination, bool x2apic)
{
	if (x2apic)
		return x2apic_logical_match(target->phys_id, destination);
	return xapic_logical_match(target->arch.root_ldr, target->arch.root_dfr, destination);
}

/* The root CPUs a command names, one bit per CPU index. */
static u32 root_targets(const struct per_cpu *cpu, u32 destination, u32 command, bool x2apic)
{
	unsigned int shorthand = ICR_SHORTHAND(command), n;
	bool broadcast = !shorthand && !(command & ICR_LOGICAL) &&
			 destination == (x2apic ? X2APIC_BROADCAST : XAPIC_BROADCAST);
	struct per_cpu *target;
	u32 targets = 0;

	for (n = 0; n < MAX_CPUS; n++) {
		target = per_cpu(n);
		if (target->cell != &root_cell)
			continue;
		if (shorthand == SHORTHAND_OTHERS ? target != cpu :
		    shorthand == SHORTHAND_ALL || broadcast ? true :
		    logical_match(target, destination, x2apic))
			targets |= 1U << n;
	}
	return targets;
}

static void wait_icr_idle(bool x2apic)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;

	/* x2APIC has no delivery status (Intel SDM vol. 3, 10.12.9). */
	while (!x2apic && (apic[XAPIC_ICR_LOW / 4] & ICR_DELIVERY_STATUS))
		cpu_relax();
}

/* One physical IPI to each target; xAPIC's ICR high is left as root wrote it. */
static void send_each(u32 targets, u32 destination, u32 command, bool x2apic)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;
	unsigned int n;

	command &= ~(ICR_LOGICAL | ICR_SHORTHAND_MASK);
	for (n = 0; n < MAX_CPUS; n++) {
		if (!(targets & (1U << n)))
			continue;
		wait_icr_idle(x2apic);
		apic_write_icr(per_cpu(n)->phys_id, command, x2apic);
		if (ICR_DELIVERY_MODE(command) == MODE_LOWEST)
			break;
	}
	if (!x2apic)
		apic[XAPIC_ICR_HIGH / 4] = destination << 24;
}

static bool drop(struct per_cpu *cpu, u32 destination, u32 command, const struct per_cpu *target)
{
	static unsigned int reports;

	if (__atomic_fetch_add(&reports, 1, __ATOMIC_RELAXED) < MAX_REPORTS)
		printk("warden: CPU %u: root cell '%s': IPI %x to APIC %x dropped: CPU %u "
		       "belongs to cell '%s'\n", cpu->id, root_cell.config->name, command,
		       destination, target->id, target->cell->config->name);
	return false;
}

bool root_ipi_send(struct per_cpu *cpu, u32 destination, u32 command, bool x2apic)
{
	struct per_cpu *target;

	if (ICR_SHORTHAND(command) == SHORTHAND_SELF || !root_ipi_cells_hold_cpus()) {
		apic_write_icr(destination, command, x2apic);
		return true;
	}
	if (!ICR_SHORTHAND(command) && !(command & ICR_LOGICAL)) {
		target = root_ipi_owner(destination);
		if (target && in_cell(target))
			return drop(cpu, destination, command, target);
		if (destination != (x2apic ? X2APIC_BROADCAST : XAPIC_BROADCAST)) {
			apic_write_icr(destination, command, x2apic);
			return true;
		}
	}
	send_each(root_targets(cpu, destination, command, x2apic), destination, command, x2apic);
	return true;
}
