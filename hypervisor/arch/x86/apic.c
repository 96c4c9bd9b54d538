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
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/printk.h>

#define XAPIC_BASE		0xfee00000ULL
#define ICR_DELIVERY_MODE(c)	(((c) >> 8) & 7)
#define ICR_LOGICAL		(1U << 11)
#define ICR_SHORTHAND(c)	(((c) >> 18) & 3)
#define ICR_ASSERT		(1U << 14)
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

void apic_send_nmi(u32 apic_id)
{
	apic_write_icr(apic_id, (MODE_NMI << 8) | ICR_ASSERT,
		       read_msr(MSR_APIC_BASE) & APIC_BASE_EXTD);
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

#define APIC_TPR		0x80
#define APIC_EOI		0xb0
#define APIC_SVR		0xf0
#define SVR_ENABLED_RESET	0x1ff	/* spurious vector 0xff, APIC software-enabled */
#define SVR_RESET		0xff	/* as after INIT (Intel SDM vol. 3, 10.4.7.1) */
#define APIC_ISR		0x100	/* 8 registers, 0x10 apart: vectors 0-255 */
#define APIC_IRR		0x200
#define XAPIC_CURRENT_COUNT	0x390
#define XAPIC_TIMER_DIVIDE	0x3e0
#define TIMER_DIVIDE_BY_1	0xb	/* Intel SDM vol. 3, 10.5.4 */

static u32 timer_khz;

/*
 * One reading of the current count, bracketed by two TSC reads: its time is
 * their middle. Under emulation the vCPU can be descheduled between two
 * reads for many milliseconds (a loaded host: QEMU's thread loses the CPU);
 * a reading whose bracket is wider than 20 us is not taken.
 */
static bool timer_sample(volatile u32 *apic, u32 tsc_khz, u64 *tsc, u32 *count)
{
	u64 before = arch_cpu_cycles(), after;

	*count = apic[XAPIC_CURRENT_COUNT / 4];
	after = arch_cpu_cycles();
	*tsc = before + (after - before) / 2;
	return after - before < tsc_khz / 50;
}

static void timer_sample_narrow(volatile u32 *apic, u32 tsc_khz, u64 *tsc, u32 *count)
{
	unsigned int tries = 0;

	while (!timer_sample(apic, tsc_khz, tsc, count) && ++tries < 1000)
		cpu_relax();
}

/*
 * Cells are told the APIC timer's rate (comm region apic_khz, never 0:
 * Jailhouse's apic-demo divides by it) when the system config leaves it out.
 * It is measured once, on a CPU that joins a cell (no guest uses its APIC
 * then): the timer counts down from the largest count, divided by 1 and
 * masked (a masked timer still counts, SDM 10.5.4), for 2 ms of TSC cycles
 * between two narrowly bracketed readings (timer_sample). In xAPIC mode,
 * since QEMU 10 aborts on a read of the current count through MSR 0x839
 * under icount (../shared/facts/x2apic-under-qemu.md); the caller sets the
 * mode it needs afterwards.
 */
void apic_measure_timer(u32 tsc_khz)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;
	u64 start, end;
	u32 first, last;

	if (timer_khz || !tsc_khz)
		return;
	apic_set_mode(false);
	apic[XAPIC_TIMER_DIVIDE / 4] = TIMER_DIVIDE_BY_1;
	apic[XAPIC_INITIAL_COUNT / 4] = ~0U;
	timer_sample_narrow(apic, tsc_khz, &start, &first);
	while (arch_cpu_cycles() - start < 2ULL * tsc_khz)
		cpu_relax();
	timer_sample_narrow(apic, tsc_khz, &end, &last);
	apic[XAPIC_INITIAL_COUNT / 4] = 0;
	timer_khz = (u32)((u64)(first - last) * tsc_khz / (end - start));
	printk("Warden: local APIC timer: %u kHz (measured against the TSC at %u kHz)\n",
	       timer_khz, tsc_khz);
}

u32 apic_timer_khz(void)
{
	return timer_khz;
}

/* A register of this CPU's local APIC in either mode (x2APIC: MSR 0x800 + offset / 16). */
static u32 apic_read(unsigned int reg)
{
	if (read_msr(MSR_APIC_BASE) & APIC_BASE_EXTD)
		return (u32)read_msr(0x800 + (reg >> 4));
	return ((volatile u32 *)(unsigned long)XAPIC_BASE)[reg / 4];
}

static void apic_write(unsigned int reg, u32 value)
{
	if (read_msr(MSR_APIC_BASE) & APIC_BASE_EXTD)
		write_msr(0x800 + (reg >> 4), value);
	else
		((volatile u32 *)(unsigned long)XAPIC_BASE)[reg / 4] = value;
}

static bool any_vector(unsigned int bitmap)
{
	unsigned int n;

	for (n = 0; n < 8; n++)
		if (apic_read(bitmap + 0x10 * n))
			return true;
	return false;
}

/*
 * Interrupts the previous owner left pending in this CPU's local APIC (root
 * Linux's timer vector, an IPI that came as it went offline) must not reach
 * the next one: a cell has no handler for them (a Jailhouse inmate
 * triple-faults at its first STI), and root Linux complains of a stale IRR.
 * No register clears the IRR (INIT would, but under QEMU a real INIT resets
 * the hypervisor's CPU too, init_sipi.c): the hypervisor accepts them itself
 * through stubs that do nothing (entry.S) and ends each with an EOI. A lower
 * priority class waits while a higher one is in service (Intel SDM vol. 3,
 * 10.8.3.1), hence the rounds. Linux software-disables the APIC of a CPU
 * it takes offline, which holds pending interrupts back (SDM 10.4.7.2): it
 * is enabled for this and left disabled, as INIT leaves it. An NMI held
 * meanwhile comes in too: the callers reset the vCPU afterwards, which
 * drops it.
 */
void apic_drop_pending(void)
{
	unsigned int round, n;

	apic_write(APIC_SVR, SVR_ENABLED_RESET);
	apic_write(APIC_TPR, 0);
	for (round = 0; round < 16 && (any_vector(APIC_IRR) || any_vector(APIC_ISR)); round++) {
		asm volatile("stgi; sti; nop; cli; clgi" : : : "memory");
		for (n = 0; n < 256 && any_vector(APIC_ISR); n++)
			apic_write(APIC_EOI, 0);
	}
	apic_write(APIC_SVR, SVR_RESET);
}

/*
 * For a cell that disabled its APIC (msr.c): xAPIC mode, LVTs masked, the
 * timer stopped and the APIC software-disabled, which holds back fixed
 * interrupts and still accepts NMIs (Intel SDM vol. 3, 10.4.7.2).
 */
void apic_stand_in_for_disabled(void)
{
	apic_set_mode(false);
	apic_write(APIC_SVR, SVR_RESET);
}
