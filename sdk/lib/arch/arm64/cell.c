// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Boot as a Jailhouse-style cell (image linked at 0, inmate-arm64-cell.ld):
 * no device tree. The hypervisor enters at guest-physical 0 at EL1 with the
 * MMU off and describes the platform in the ARM64 comm region at
 * 0x80000000 (include/warden/comm_region.h, docs/cell-abi.md "ARM64"): the
 * console UART, GIC version and GICD/GICR bases. One CPU, the virtual
 * timer on PPI 27, the command line at 0x1000 (Jailhouse's ARM64 inmates
 * keep it at image base + 0x1000).
 *
 * cell_platform_read() and cell_build_identity_map() run from cell_entry.S
 * with the MMU off, before any console exists; cell_cpu_main() then starts
 * as setup.c's boot_cpu_main() does bare.
 *
 * Only cell links use this file (library warden_sdk_cell, linked before the
 * SDK library): it defines what setup.c, cpu.c and platform_dt.c define for
 * a bare image (comm region and command-line addresses, inmate_exit(),
 * arm64_platform), so that none of those is
 * pulled into a cell image and the bare images stay exactly as they are.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"
#include "../../sdk_internal.h"

/* a one-CPU cell: GICR frames to search for ours (GICR_TYPER.Last ends it sooner) */
#define CELL_GICR_SIZE		(SMP_MAX_CPUS * 0x20000ull)

struct arm64_platform arm64_platform;

static uint64_t cell_pt_l2_low[512] __attribute__((aligned(4096)));
static uint64_t cell_pt_l2_comm[512] __attribute__((aligned(4096)));
static uint64_t cell_pt_l3_comm[512] __attribute__((aligned(4096)));
extern uint64_t boot_pt_l1[512];

static volatile struct warden_arm64_comm_region *cell_comm(void)
{
	return (volatile struct warden_arm64_comm_region *)WARDEN_ARM64_COMM_REGION_ADDRESS;
}

/*
 * The cell cannot run: with a region to tell, its state says why, then the
 * cell ends as inmate_exit() ends it (PSCI SYSTEM_OFF: a hypervisor stops
 * the cell, the test shim lets QEMU quit) and the CPU halts if that
 * returns. Without one (state 0) nothing is known to be there: just halt.
 */
static void __attribute__((noreturn)) cell_stop(uint32_t state)
{
	if (state) {
		cell_comm()->cell_state = state;
		dsb(sy);
		psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	}
	cpu_halt_forever();
}

/* Polled output with the MMU off, before the console ring exists. */
static void cell_raw_puts(const char *s)
{
	for (; *s; s++) {
		while (!uart_tx_empty())
			;
		uart_tx(*s);
	}
	while (!uart_tx_empty())
		;
}

/*
 * Check and take the platform from the comm region. What cannot be used
 * stops the cell: a wrong signature silently (no region, so no console
 * either), a wrong revision with cell state 4 (as Jailhouse's inmates do),
 * a console other than a PL011 with cell state "failed", and anything
 * else with a line on that PL011 first.
 */
void cell_platform_read(void);

void cell_platform_read(void)
{
	volatile struct warden_arm64_comm_region *comm = cell_comm();
	struct arm64_platform *p = &arm64_platform;
	char line[160];
	unsigned int i;

	for (i = 0; i < WARDEN_COMM_SIGNATURE_SIZE; i++)
		if (comm->signature[i] != WARDEN_COMM_SIGNATURE[i])
			cell_stop(0);
	if (comm->revision != WARDEN_COMM_ABI_REVISION)
		cell_stop(WARDEN_CELL_FAILED_COMM_REV);
	if (comm->console.type != WARDEN_CONSOLE_TYPE_PL011 || !comm->console.address)
		cell_stop(WARDEN_CELL_FAILED);
	pl011_init(comm->console.address);
	if (comm->gic_version != 3) {
		snprintk(line, sizeof(line), "warden-sdk: cell refused: comm region gic_version %u, "
			 "the SDK supports GICv3 only\n", comm->gic_version);
		cell_raw_puts(line);
		cell_stop(WARDEN_CELL_FAILED);
	}
	if (!comm->gicd_base || !comm->gicr_base) {
		snprintk(line, sizeof(line), "warden-sdk: cell refused: comm region GICD 0x%llx, "
			 "GICR 0x%llx\n", (unsigned long long)comm->gicd_base,
			 (unsigned long long)comm->gicr_base);
		cell_raw_puts(line);
		cell_stop(WARDEN_CELL_FAILED);
	}
	p->uart_base = comm->console.address;
	p->gicd_base = comm->gicd_base;
	p->gicr_base = comm->gicr_base;
	p->gicr_size = CELL_GICR_SIZE;
	p->virtual_timer_ppi = WARDEN_ARM64_CELL_TIMER_PPI;
	p->physical_timer_ppi = WARDEN_ARM64_CELL_PHYSICAL_TIMER_PPI;
	p->timer_ppi = p->virtual_timer_ppi;
	p->psci_hvc = false;		/* SMC: a hypervisor traps or passes it */
	p->ram_size = 0;		/* the ARM comm region does not say */
	p->num_cpus = 1;
	p->cpu_mpidr[0] = read_sysreg(mpidr_el1) & 0xff00ffffffull;
}

/*
 * The stage-1 identity map of a cell (4 KiB granule, 39-bit VA, walk from
 * level 1: ARM DDI 0487 D8.2, D8.3): RAM from 0 up to the 2 MiB block of
 * the lowest device address is Normal write-back (2 MiB blocks of the
 * first GiB); the comm region page is Normal (one level-3 page); every
 * other address is Device-nGnRE, so that the hypervisor's stage 2 decides
 * what exists (its fault, not a stage-1 one, reports a stray access).
 */
void cell_build_identity_map(void);

void cell_build_identity_map(void)
{
	const struct arm64_platform *p = &arm64_platform;
	uint64_t floor = p->uart_base, comm = WARDEN_ARM64_COMM_REGION_ADDRESS, address;
	unsigned int i;

	if (p->gicd_base < floor)
		floor = p->gicd_base;
	if (p->gicr_base < floor)
		floor = p->gicr_base;
	floor &= ~(SZ_2M - 1);
	for (i = 0; i < 512; i++)
		boot_pt_l1[i] = ((uint64_t)i * SZ_1G) | PTE_BLOCK_DEVICE;
	for (i = 0; i < 512; i++) {
		address = (uint64_t)i * SZ_2M;
		cell_pt_l2_low[i] = address | (address < floor ? PTE_BLOCK_NORMAL : PTE_BLOCK_DEVICE);
	}
	boot_pt_l1[0] = (uintptr_t)cell_pt_l2_low | PTE_TABLE;
	for (i = 0; i < 512; i++) {
		cell_pt_l2_comm[i] = ((comm & ~(SZ_1G - 1)) + i * SZ_2M) | PTE_BLOCK_DEVICE;
		cell_pt_l3_comm[i] = ((comm & ~(SZ_2M - 1)) + i * 4096ull) | PTE_BLOCK_DEVICE |
				     PTE_PAGE;
	}
	cell_pt_l3_comm[(comm >> 12) & 511] = comm | PTE_BLOCK_NORMAL | PTE_PAGE;
	cell_pt_l2_comm[(comm >> 21) & 511] = (uintptr_t)cell_pt_l3_comm | PTE_TABLE;
	boot_pt_l1[comm >> 30] = (uintptr_t)cell_pt_l2_comm | PTE_TABLE;
	dsb(sy);
}

/*
 * The generic code uses the hypervisor's ARM64 region through the generic
 * part it shares with the x86 structure (state, messages, console); it
 * reads none of the x86 fields here (arch_comm_region_has_x86_part): one
 * CPU, no PM timer, no Warden extension, the clock from CNTFRQ_EL0.
 */
uintptr_t arch_comm_region_address(void)
{
	return WARDEN_ARM64_COMM_REGION_ADDRESS;
}

bool arch_comm_region_has_x86_part(void)
{
	return false;
}

uintptr_t arch_cmdline_address(void)
{
	return WARDEN_ARM64_CELL_CMDLINE_ADDRESS;
}

/*
 * The end of a cell: its state, the exit code on the console, then PSCI
 * SYSTEM_OFF through SMC (a hypervisor stops the cell or refuses; the test
 * shim lets it reach QEMU, which quits) and a halt if that returns.
 */
void inmate_exit(int code)
{
	exit_report();
	printk("warden-sdk: exit code %d\n", code);
	console_flush();
	irq_disable();
	comm_set_state(code ? WARDEN_CELL_FAILED : WARDEN_CELL_SHUT_DOWN);
	psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	cpu_halt_forever();
}

void cell_cpu_main(void);

/* As boot_cpu_main() (setup.c) without the device tree and the bare comm
 * region; the platform came from the comm region (cell_platform_read). */
void cell_cpu_main(void)
{
	write_sysreg(tpidr_el1, smp_percpu(0));
	smp_paint_boot_stack();
	this_cpu()->mpidr = read_sysreg(mpidr_el1) & 0xff00ffffffull;
	arm64_boot_cpu_run("cell", false, (uint32_t)(read_sysreg(cntfrq_el0) / 1000));
}
