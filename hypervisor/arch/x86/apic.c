// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupt commands (ICR writes) of a cell, xAPIC or x2APIC: fixed,
 * lowest-priority and NMI IPIs to the cell's own CPUs go out; INIT and
 * startup to another CPU of the same cell are emulated (init_sipi.c), so
 * that root Linux can bring CPUs online; SMI never goes out.
 * ICR format: AMD APM vol. 2, 16.5.
 */
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/printk.h>

#define XAPIC_BASE		0xfee00000ULL
#define ICR_DELIVERY_MODE(c)	(((c) >> 8) & 7)
#define ICR_LOGICAL		(1U << 11)
#define ICR_SHORTHAND(c)	(((c) >> 18) & 3)
#define MODE_FIXED		0
#define MODE_LOWEST		1
#define MODE_NMI		4
#define MODE_INIT		5
#define MODE_STARTUP		6

static bool cell_owns_apic_id(const struct cell *cell, u32 apic_id)
{
	unsigned int n;

	for (n = 0; n < MAX_CPUS; n++)
		if (per_cpu(n)->cell == cell && per_cpu(n)->phys_id == apic_id)
			return true;
	return false;
}

static bool ipi_allowed(struct per_cpu *cpu, u32 destination, u32 command)
{
	unsigned int mode = ICR_DELIVERY_MODE(command);

	if (mode != MODE_FIXED && mode != MODE_LOWEST && mode != MODE_NMI)
		return false;
	/* The root cell owns every CPU that is not in another cell. */
	if (cpu->cell == &root_cell)
		return true;
	if (ICR_SHORTHAND(command) == 1)
		return true;		/* self */
	if (ICR_SHORTHAND(command) || (command & ICR_LOGICAL))
		return false;
	return cell_owns_apic_id(cpu->cell, destination);
}

void apic_write_icr(u32 destination, u32 command, bool x2apic)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;

	if (x2apic) {
		write_msr(MSR_X2APIC_ICR, ((u64)destination << 32) | command);
	} else {
		apic[0x310 / 4] = destination << 24;
		apic[0x300 / 4] = command;
	}
}

bool apic_send_ipi(struct per_cpu *cpu, u32 destination, u32 command, bool x2apic)
{
	cpu->exits[WARDEN_EXIT_IPI]++;
	if (ICR_DELIVERY_MODE(command) == MODE_INIT || ICR_DELIVERY_MODE(command) == MODE_STARTUP) {
		cpu->exits[WARDEN_EXIT_INIT_SIPI]++;
		return init_sipi_send(cpu, destination, command);
	}
	if (!ipi_allowed(cpu, destination, command)) {
		printk("warden: CPU %u: IPI %x to APIC %x dropped (cell '%s' may not send it)\n",
		       cpu->id, command, destination, cpu->cell->config->name);
		return false;
	}
	apic_write_icr(destination, command, x2apic);
	return true;
}

#define X2APIC_LVT_FIRST	0x832	/* timer, thermal, performance, LINT0, LINT1, error */
#define X2APIC_LVT_LAST		0x837
#define X2APIC_INITIAL_COUNT	0x838
#define XAPIC_LVT_FIRST		0x320
#define XAPIC_INITIAL_COUNT	0x380
#define LVT_MASKED		0x10000

/*
 * Puts this CPU's local APIC into the mode a cell or root expects, quiet:
 * every LVT masked and the timer stopped first, since QEMU keeps them across
 * a mode change where hardware resets them (../shared/facts/x2apic-under-qemu.md).
 * x2APIC to xAPIC goes through the disabled state (Intel SDM vol. 3, 10.12.5).
 */
void apic_set_mode(bool x2apic)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;
	u64 base = read_msr(MSR_APIC_BASE);
	unsigned int n;

	if (base & APIC_BASE_EXTD) {
		for (n = X2APIC_LVT_FIRST; n <= X2APIC_LVT_LAST; n++)
			write_msr(n, LVT_MASKED);
		write_msr(X2APIC_INITIAL_COUNT, 0);
	} else {
		for (n = 0; n < 6; n++)
			apic[(XAPIC_LVT_FIRST + 0x10 * n) / 4] = LVT_MASKED;
		apic[XAPIC_INITIAL_COUNT / 4] = 0;
	}
	if (!!(base & APIC_BASE_EXTD) == x2apic)
		return;
	if (x2apic) {
		write_msr(MSR_APIC_BASE, base | APIC_BASE_EXTD);
	} else {
		write_msr(MSR_APIC_BASE, base & ~(APIC_BASE_EXTD | APIC_BASE_ENABLE));
		write_msr(MSR_APIC_BASE, (base & ~APIC_BASE_EXTD) | APIC_BASE_ENABLE);
	}
}
