/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test-only EL2 cell shim (README in shim.c): physical layout on QEMU
 * virt with 1 GiB of RAM at 0x40000000 (the shim's own Image at 0x40200000,
 * QEMU's DTB at 0x48000000), and the EL2 register values it uses.
 */
#ifndef ARM64_CELL_SHIM_H
#define ARM64_CELL_SHIM_H

#define CELL_RAM_PHYS		0x50000000	/* -device loader,file=X-cell.bin,addr= */
#define CELL_RAM_SIZE		0x01000000	/* 16 MiB: guest 0..0xffffff */
#define COMM_PHYS		0x51000000	/* guest 0x80000000 */
#define CMDLINE_STAGING_PHYS	0x51001000	/* -device loader,file=cmdline.txt */
#define KNOBS_PHYS		0x51002000	/* -device loader,data=...: test knobs */

#define GUEST_COMM		0x80000000
#define GUEST_CMDLINE		0x1000

#define QEMU_GICD		0x08000000
#define QEMU_GICD_SIZE		0x10000
#define QEMU_GICR		0x080a0000	/* CPU 0's RD + SGI frames */
#define QEMU_GICR_SIZE		0x20000
#define QEMU_UART		0x09000000

/* HCR_EL2 (ARM DDI 0487 D13.2.46): EL1 is AArch64 (HCR_EL2_RW, the SDK's
 * sysreg.h), stage 2 on. TSC (bit 19), IMO/FMO (bits 3/4) stay clear: SMC
 * reaches QEMU's PSCI, IRQs go to EL1. The other EL2 values are the SDK's
 * (sysreg.h, boot_macros.h: el2_prepare_el1), which shim.S includes. */
#define HCR_EL2_VM		(1 << 0)

/*
 * VTCR_EL2 (D13.2.151): T0SZ 32 (4 GiB of IPA space), SL0 1 (the walk starts
 * at level 1 with the 4 KiB granule, a 4-entry table), inner/outer
 * write-back, inner shareable, TG0 4 KiB, PS 40 bits, bit 31 RES1.
 */
#define VTCR_VALUE		(32 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | \
				 (2 << 16) | (1u << 31))

#define PSCI_SYSTEM_OFF		0x84000008

#endif /* ARM64_CELL_SHIM_H */
