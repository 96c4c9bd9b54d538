// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * GICv3 (Arm IHI 0069): distributor with affinity routing, this CPU's
 * redistributor (found by its GICR_TYPER affinity), the system-register
 * CPU interface; all interrupts group 1, one priority.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"

#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR		0x0080
#define GICD_CTLR_RWP		(1u << 31)
#define GICD_CTLR_ARE		(1u << 4)
#define GICD_CTLR_GRP1		(1u << 1)
#define GICR_TYPER		0x0008
#define GICR_WAKER		0x0014
#define GICR_TYPER_LAST		(1u << 4)
#define WAKER_PROCESSOR_SLEEP	(1u << 1)
#define WAKER_CHILDREN_ASLEEP	(1u << 2)
#define GICR_SGI_FRAME		0x10000
#define GICR_IGROUPR0		0x0080
#define GICR_ISENABLER0		0x0100
#define GICR_IPRIORITYR		0x0400
#define GICR_FRAME_STRIDE	0x20000		/* RD + SGI frames (no VLPI frames) */
#define IRQ_PRIORITY		0xa0

static uint32_t mmio_read32(uint64_t address)
{
	return *(volatile uint32_t *)(uintptr_t)address;
}

static uint64_t mmio_read64(uint64_t address)
{
	return *(volatile uint64_t *)(uintptr_t)address;
}

static void mmio_write32(uint64_t address, uint32_t value)
{
	*(volatile uint32_t *)(uintptr_t)address = value;
}

void gic_init_distributor(void)
{
	uint64_t d = arm64_platform.gicd_base;
	unsigned int lines = 32 * ((mmio_read32(d + GICD_TYPER) & 0x1f) + 1), i;

	for (i = 32; i < lines; i += 32)
		mmio_write32(d + GICD_IGROUPR + i / 8, 0xffffffff);
	mmio_write32(d + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_GRP1);
	while (mmio_read32(d + GICD_CTLR) & GICD_CTLR_RWP)
		cpu_relax();
}

/* GICR_TYPER[63:32] holds Aff3.Aff2.Aff1.Aff0 of the CPU the frame serves. */
static uint64_t this_redistributor(void)
{
	uint32_t affinity = arm64_cpu_affinity();
	uint64_t frame, typer;

	for (frame = arm64_platform.gicr_base;
	     frame < arm64_platform.gicr_base + arm64_platform.gicr_size;
	     frame += GICR_FRAME_STRIDE) {
		typer = mmio_read64(frame + GICR_TYPER);
		if ((uint32_t)(typer >> 32) == affinity)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

static uint64_t sgi_frame(void)
{
	uint64_t rd = this_redistributor();

	if (!rd) {
		printk("warden-sdk: no GICv3 redistributor for MPIDR 0x%llx\n",
		       (unsigned long long)read_sysreg(mpidr_el1));
		inmate_exit(1);
	}
	return rd + GICR_SGI_FRAME;
}

void gic_init_cpu(void)
{
	uint64_t rd = sgi_frame() - GICR_SGI_FRAME, sgi = rd + GICR_SGI_FRAME;
	unsigned int i;

	mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~WAKER_PROCESSOR_SLEEP);
	while (mmio_read32(rd + GICR_WAKER) & WAKER_CHILDREN_ASLEEP)
		cpu_relax();
	mmio_write32(sgi + GICR_IGROUPR0, 0xffffffff);
	for (i = 0; i < 32; i += 4)
		mmio_write32(sgi + GICR_IPRIORITYR + i, IRQ_PRIORITY * 0x01010101u);
	write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | ICC_SRE_SRE);
	isb();
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_BPR1_EL1, 0);
	write_sysreg(ICC_CTLR_EL1, 0);		/* EOImode 0: EOI also deactivates */
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
	gic_enable_ppi_sgi(GIC_SGI_IPI);
}

void gic_enable_ppi_sgi(unsigned int intid)
{
	mmio_write32(sgi_frame() + GICR_ISENABLER0, 1u << intid);
}

unsigned int gic_acknowledge(void)
{
	unsigned int intid = (unsigned int)read_sysreg(ICC_IAR1_EL1) & 0xffffff;

	dsb(sy);
	return intid;
}

void gic_end_of_interrupt(unsigned int intid)
{
	write_sysreg(ICC_EOIR1_EL1, intid);
	isb();
}

/* ICC_SGI1R_EL1: Aff3 [55:48], Aff2 [39:32], INTID [27:24], Aff1 [23:16],
 * RS [47:44] (Aff0 / 16), target list [15:0] (bit Aff0 % 16). */
void gic_send_sgi(uint64_t mpidr, unsigned int intid)
{
	uint64_t aff0 = mpidr & 0xff, aff1 = (mpidr >> 8) & 0xff;
	uint64_t aff2 = (mpidr >> 16) & 0xff, aff3 = (mpidr >> 32) & 0xff;

	dsb(ishst);
	write_sysreg(ICC_SGI1R_EL1, aff3 << 48 | (aff0 / 16) << 44 | aff2 << 32 |
		     (uint64_t)intid << 24 | aff1 << 16 | 1ull << (aff0 % 16));
	isb();
}
