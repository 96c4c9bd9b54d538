// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupt commands (ICR writes) of a cell, xAPIC or x2APIC: fixed,
 * lowest-priority and NMI IPIs to the cell's own CPUs go out (root's are
 * narrowed to root's CPUs by root_ipi.c); INIT and startup to another CPU
 * of the same cell are emulated (init_sipi.c), so that root Linux can bring
 * CPUs online; SMI never goes out.
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
	/* root_ipi.c narrows root's destinations to root's CPUs. */
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
	if (cpu->cell == &root_cell)
		return root_ipi_send(cpu, destination, command, x2apic);
	apic_write_icr(destination, command, x2apic);
	return true;
}

#define X2APIC_LVT_FIRST	0x832	/* timer, thermal, performance, LINT0, LINT1, error */
#define X2APIC_LVT_LAST		0x837
#define X2APIC_INITIAL_COUNT	0x838
#define XAPIC_LVT_FIRST		0x320
#define XAPIC_INITIAL_COUNT	0x380
#define LVT_MASKED		0x10000

#define X2APIC_EOI		0x80b
#define X2APIC_ISR		0x810	/* 8 registers of 32 vectors: ISR, then TMR, IRR */
#define X2APIC_IRR		0x820
#define XAPIC_EOI		0xb0
#define XAPIC_ISR		0x100	/* 8 registers 16 bytes apart */
#define XAPIC_IRR		0x200
#define X2APIC_SVR		0x80f
#define XAPIC_SVR		0xf0
#define SVR_APIC_ENABLED	0x100
#define DRAIN_ROUNDS		256	/* at most one per vector */

static bool x2apic_mode(void)
{
	return read_msr(MSR_APIC_BASE) & APIC_BASE_EXTD;
}

static void write_eoi(bool x2apic)
{
	if (x2apic)
		write_msr(X2APIC_EOI, 0);
	else
		((volatile u32 *)(unsigned long)XAPIC_BASE)[XAPIC_EOI / 4] = 0;
}

/* entry.S: an external interrupt taken in host mode while draining. */
void apic_host_interrupt(void)
{
	write_eoi(x2apic_mode());
}

/* Any bit of the 256-vector register set (ISR or IRR) at x2APIC MSR / xAPIC offset. */
static bool vectors_pending(bool x2apic, unsigned int x2apic_msr, unsigned int xapic_offset)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;
	unsigned int n;

	for (n = 0; n < 8; n++)
		if (x2apic ? read_msr(x2apic_msr + n) : apic[(xapic_offset + 0x10 * n) / 4])
			return true;
	return false;
}

/*
 * What the APIC still holds from the CPU's last owner must not reach the
 * next: an interrupt in service is ended (EOI), a requested one (such as
 * root Linux's timer tick, pending when Linux took the CPU offline) is
 * taken here in host mode with the priority at 0 and dropped
 * (external_interrupt_entry). INIT would clear both on hardware, but the
 * hypervisor sends none (init_sipi.c) and QEMU keeps them across mode
 * changes. A software-disabled APIC (Linux disables it on a CPU it takes
 * offline) holds what it has requested: enabled for the drain, the old SVR
 * back after it. GIF is clear in host mode (AMD APM vol. 2, 15.17): opened
 * for one instruction at a time.
 */
static void apic_drain(bool x2apic)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;
	u32 svr = x2apic ? (u32)read_msr(X2APIC_SVR) : apic[XAPIC_SVR / 4];
	unsigned int round;

	if (x2apic)
		write_msr(X2APIC_SVR, svr | SVR_APIC_ENABLED);
	else
		apic[XAPIC_SVR / 4] = svr | SVR_APIC_ENABLED;

	for (round = 0; round < DRAIN_ROUNDS && vectors_pending(x2apic, X2APIC_ISR, XAPIC_ISR);
	     round++)
		write_eoi(x2apic);
	asm volatile("mov %0, %%cr8" : : "r"(0UL) : "memory");
	for (round = 0; round < DRAIN_ROUNDS && vectors_pending(x2apic, X2APIC_IRR, XAPIC_IRR);
	     round++)
		asm volatile("stgi; sti; nop; cli; clgi" : : : "memory");
	if (x2apic)
		write_msr(X2APIC_SVR, svr);
	else
		apic[XAPIC_SVR / 4] = svr;
}

/*
 * Puts this CPU's local APIC into the mode a cell or root expects, quiet:
 * every LVT masked and the timer stopped first, since QEMU keeps them across
 * a mode change where hardware resets them (../shared/facts/x2apic-under-qemu.md),
 * and nothing left pending or in service (apic_drain).
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
	apic_drain(base & APIC_BASE_EXTD);
	if (!!(base & APIC_BASE_EXTD) == x2apic)
		return;
	if (x2apic) {
		write_msr(MSR_APIC_BASE, base | APIC_BASE_EXTD);
	} else {
		write_msr(MSR_APIC_BASE, base & ~(APIC_BASE_EXTD | APIC_BASE_ENABLE));
		write_msr(MSR_APIC_BASE, (base & ~APIC_BASE_EXTD) | APIC_BASE_ENABLE);
	}
}
