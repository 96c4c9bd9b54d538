/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * ARM64 entry of a cell inmate (inmate-arm64-cell.ld: linked at 0), in
 * place of entry.S: a Jailhouse-style hypervisor loads the image at
 * guest-physical 0 and enters it there at EL1 with the MMU off, one CPU, no
 * device tree (docs/cell-abi.md, "ARM64"). Only cell links pull this file
 * in (library warden_sdk_cell, linked before the SDK library), so that the
 * bare images stay as they are.
 */
#include "sysreg.h"
#include "boot_macros.h"

	.section .boot.header, "ax"
	.global boot_reset_entry
boot_reset_entry:
	b	cell_boot_start		/* the Image header of entry.S, unused here */
	.long	0
	.quad	0
	.quad	__image_size
	.quad	0x2
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

/*
 * Running where linked, and linked at 0 (a cell image), at EL1 (the cell
 * protocol; CurrentEL, ARM DDI 0487 D1.x): else stop, nothing is known to
 * report on. The comm region is read and the map built with the MMU off;
 * cell_platform_read() stops the CPU itself if the region is not usable.
 */
	.section .boot.text, "ax"
cell_boot_start:
	msr	daifset, #0xf
	adr	x0, boot_reset_entry
	ldr	x1, =boot_reset_entry
	cmp	x0, x1
	b.ne	cell_wrong_entry
	cbnz	x1, cell_wrong_entry
	mrs	x9, CurrentEL
	cmp	x9, #(1 << 2)
	b.ne	cell_wrong_entry
	clear_bss_boot_stack
	bl	cell_platform_read
	bl	cell_build_identity_map
	invalidate_image_body
	cpu_enable_mmu_fp
	bl	cell_cpu_main
	b	cpu_halt_forever

cell_wrong_entry:
	wfi
	b	cell_wrong_entry

/*
 * smp.c's PSCI CPU_ON target. A cell has one CPU and smp_start_cpu()
 * refuses any other, so no CPU is ever started here: one that is stops.
 */
	.global secondary_entry
secondary_entry:
	msr	daifset, #0xf
	b	cell_wrong_entry

	.bss
	.balign	4096
	.global boot_pt_l1
boot_pt_l1:
	.skip	4096
