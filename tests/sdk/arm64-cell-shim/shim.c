// SPDX-License-Identifier: GPL-2.0-only
/*
 * A test-only EL2 "cell shim": what a Jailhouse-style ARM64 hypervisor does
 * for a one-CPU cell, and nothing more, so that the SDK's cell images
 * (NAME-cell.bin, linked at 0) can be booted on QEMU before Warden has an
 * ARM64 hypervisor. It is not a hypervisor: no management interface, no
 * interrupt virtualisation (the cell drives the GIC CPU interface and its
 * redistributor directly, IRQs go straight to EL1), no PSCI emulation (SMC
 * reaches QEMU), one CPU, and it never runs again after the cell starts
 * unless the cell traps, which ends the run.
 *
 * It fills the comm region page (include/warden/comm_region.h, ARM64), puts
 * the command line at guest 0x1000 (the root cell's job with Jailhouse),
 * builds stage-2 tables that give the cell exactly: its RAM at guest 0
 * (16 MiB at CELL_RAM_PHYS, where QEMU's loader put the image), the comm
 * page at guest 0x80000000, and the GICD, CPU 0's GICR frames and the PL011
 * 1:1 as device memory; then ERETs to EL1 at guest 0, MMU off.
 *
 * Test knobs (a 32-bit word each at KNOBS_PHYS, written with QEMU's
 * -device loader,addr=...,data=...,data-len=4; zero by default):
 *   +0: the gic_version to announce instead of 3 (a refusal test)
 *   +4: non-zero: leave the comm page out of stage 2 (a fault test)
 */
#include <stdint.h>
#include <warden/comm_region.h>
#include "shim.h"

/* stage-2 descriptors (ARM DDI 0487 D8.3, D8.5.5): MemAttr[5:2], S2AP[7:6],
 * SH[9:8], AF[10], XN[54]; Normal inner/outer write-back, Device-nGnRE */
#define S2_NORMAL	((0xfull << 2) | (3ull << 6) | (3ull << 8) | (1ull << 10))
#define S2_DEVICE	((0x1ull << 2) | (3ull << 6) | (1ull << 10) | (1ull << 54))
#define S2_BLOCK	0x1ull		/* level 1/2 block */
#define S2_TABLE	0x3ull		/* next-level table */
#define S2_PAGE		0x3ull		/* level 3 page */
#define SZ_2M		0x200000ull
#define SZ_4K		0x1000ull

#define PL011_DR	0x00
#define PL011_FR	0x18
#define PL011_FR_TXFF	(1 << 5)
#define GICD_CTLR	0x0000
#define GICD_CTLR_RWP	(1u << 31)
#define GICD_CTLR_ARE	(1u << 4)
#define GICD_CTLR_GRP1	(1u << 1)

void shim_main(void);
void shim_trap(uint64_t kind);
void shim_enter_cell(uint64_t vttbr);

/* only the first 4 entries are used (T0SZ 32: IPA bits 31:30) */
static uint64_t s2_l1[512] __attribute__((aligned(4096)));
static uint64_t s2_l2_low[512] __attribute__((aligned(4096)));	/* IPA 0..1 GiB */
static uint64_t s2_l3_gic[512] __attribute__((aligned(4096)));	/* IPA 0x08000000.. */
static uint64_t s2_l3_uart[512] __attribute__((aligned(4096)));	/* IPA 0x09000000.. */
static uint64_t s2_l2_comm[512] __attribute__((aligned(4096)));	/* IPA 2..3 GiB */
static uint64_t s2_l3_comm[512] __attribute__((aligned(4096)));

static volatile uint32_t *mmio32(uint64_t address)
{
	return (volatile uint32_t *)(uintptr_t)address;
}

static void putc(char c)
{
	while (*mmio32(QEMU_UART + PL011_FR) & PL011_FR_TXFF)
		;
	*mmio32(QEMU_UART + PL011_DR) = (uint8_t)c;
}

static void puts(const char *s)
{
	while (*s)
		putc(*s++);
}

static void puthex(uint64_t value)
{
	int shift = 60;

	puts("0x");
	while (shift > 0 && !(value >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		putc("0123456789abcdef"[(value >> shift) & 0xf]);
}

#define read_sysreg(reg) ({ uint64_t v; __asm__ volatile("mrs %0, " #reg : "=r"(v)); v; })

static void __attribute__((noreturn)) power_off(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;

	__asm__ volatile("smc #0" : "+r"(x0) : : "memory");
	for (;;)
		__asm__ volatile("wfi");
}

/*
 * Any exception taken to EL2 ends the run with a line saying why. A data or
 * instruction abort from the cell (ESR_EL2.EC 0x24/0x20) with a translation,
 * access-flag or permission fault is a stage-2 fault: HPFAR_EL2 holds the
 * IPA's page, FAR_EL2 the offset (D13.2.37, D13.2.54).
 */
void shim_trap(uint64_t kind)
{
	uint64_t esr = read_sysreg(esr_el2), ec = esr >> 26, fsc = esr & 0x3f;
	uint64_t ipa = ((read_sysreg(hpfar_el2) >> 4) << 12) | (read_sysreg(far_el2) & 0xfff);

	if (kind == 8 && (ec == 0x24 || ec == 0x20) && fsc >= 0x04 && fsc <= 0x0f) {
		puts("\nshim: stage-2 fault at IPA ");
		puthex(ipa);
		puts(", ESR ");
		puthex(esr);
		puts(", cell PC ");
		puthex(read_sysreg(elr_el2));
	} else {
		puts(kind >= 8 ? "\nshim: trap from the cell: " : "\nshim: exception in the shim: ");
		puts("vector ");
		puthex(kind);
		puts(", ESR ");
		puthex(esr);
		puts(", ELR ");
		puthex(read_sysreg(elr_el2));
		puts(", FAR ");
		puthex(read_sysreg(far_el2));
	}
	puts("; powering off\n");
	power_off();
}

static void fill_comm_region(uint32_t gic_version)
{
	struct warden_arm64_comm_region *comm = (void *)(uintptr_t)COMM_PHYS;
	unsigned int i;

	for (i = 0; i < WARDEN_COMM_REGION_SIZE / 8; i++)
		((volatile uint64_t *)comm)[i] = 0;
	for (i = 0; i < WARDEN_COMM_SIGNATURE_SIZE; i++)
		comm->signature[i] = WARDEN_COMM_SIGNATURE[i];
	comm->revision = WARDEN_COMM_ABI_REVISION;
	comm->cell_state = WARDEN_CELL_RUNNING;
	comm->console.address = QEMU_UART;
	comm->console.size = 0x1000;
	comm->console.type = WARDEN_CONSOLE_TYPE_PL011;
	comm->console.flags = WARDEN_CONSOLE_ACCESS_MMIO | WARDEN_CONSOLE_REGDIST_4;
	comm->gic_version = (uint8_t)gic_version;
	comm->gicd_base = QEMU_GICD;
	comm->gicr_base = QEMU_GICR;
}

/* Jailhouse's `cell load -s STRING -a 0x1000`: the string into guest 0x1000. */
static unsigned int load_cmdline(void)
{
	const volatile char *from = (const char *)(uintptr_t)CMDLINE_STAGING_PHYS;
	volatile char *to = (char *)(uintptr_t)(CELL_RAM_PHYS + GUEST_CMDLINE);
	unsigned int n;

	for (n = 0; n < 4095 && from[n] && from[n] != '\n'; n++)
		to[n] = from[n];
	if (n)
		to[n] = 0;
	return n;
}

static void map_pages(uint64_t *l3, uint64_t address, uint64_t size, uint64_t attrs)
{
	uint64_t end = address + size;

	for (; address < end; address += SZ_4K)
		l3[(address >> 12) & 511] = address | attrs | S2_PAGE;
}

static uint64_t build_stage2(int map_comm)
{
	unsigned int i;

	for (i = 0; i < CELL_RAM_SIZE / SZ_2M; i++)
		s2_l2_low[i] = (CELL_RAM_PHYS + i * SZ_2M) | S2_NORMAL | S2_BLOCK;
	map_pages(s2_l3_gic, QEMU_GICD, QEMU_GICD_SIZE, S2_DEVICE);
	map_pages(s2_l3_gic, QEMU_GICR, QEMU_GICR_SIZE, S2_DEVICE);
	s2_l2_low[QEMU_GICD >> 21] = (uintptr_t)s2_l3_gic | S2_TABLE;
	map_pages(s2_l3_uart, QEMU_UART, SZ_4K, S2_DEVICE);
	s2_l2_low[QEMU_UART >> 21] = (uintptr_t)s2_l3_uart | S2_TABLE;
	s2_l1[0] = (uintptr_t)s2_l2_low | S2_TABLE;
	if (map_comm) {
		s2_l3_comm[0] = COMM_PHYS | S2_NORMAL | S2_PAGE;
		s2_l2_comm[0] = (uintptr_t)s2_l3_comm | S2_TABLE;
		s2_l1[GUEST_COMM >> 30] = (uintptr_t)s2_l2_comm | S2_TABLE;
	}
	__asm__ volatile("dsb sy" ::: "memory");
	return (uintptr_t)s2_l1;	/* VTTBR_EL2: VMID 0 */
}

/* The distributor as the root cell would leave it: affinity routing, group 1 on (IHI 0069 12.9.4). */
static void gic_distributor_on(void)
{
	*mmio32(QEMU_GICD + GICD_CTLR) = GICD_CTLR_ARE | GICD_CTLR_GRP1;
	while (*mmio32(QEMU_GICD + GICD_CTLR) & GICD_CTLR_RWP)
		;
}

void shim_main(void)
{
	const volatile uint32_t *knobs = (const uint32_t *)(uintptr_t)KNOBS_PHYS;
	uint32_t gic_version = knobs[0] ? knobs[0] : 3;
	int map_comm = !knobs[1];
	unsigned int cmdline;
	uint64_t vttbr;

	fill_comm_region(gic_version);
	cmdline = load_cmdline();
	gic_distributor_on();
	vttbr = build_stage2(map_comm);
	puts("shim: cell RAM 16 MiB at ");
	puthex(CELL_RAM_PHYS);
	puts(", comm region at guest 0x80000000");
	puts(map_comm ? "" : " NOT MAPPED (knob)");
	puts(", gic_version ");
	puthex(gic_version);
	puts(", command line of ");
	puthex(cmdline);
	puts(" bytes; entering EL1 at guest 0\n");
	shim_enter_cell(vttbr);
}
