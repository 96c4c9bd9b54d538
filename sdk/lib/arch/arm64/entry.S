/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * ARM64 entry: the Linux arm64 Image header (Documentation/arch/arm64/booting.rst
 * of Linux: QEMU's -kernel loads the image at RAM base + text_offset and
 * passes the DTB in x0), the drop from EL2 to EL1, BSS, stack, MMU and the
 * FP/SIMD enable, for the boot CPU and for CPUs started with PSCI CPU_ON.
 */
#include "sysreg.h"
#include "boot_macros.h"

	.section .boot.header, "ax"
	.global boot_reset_entry
boot_reset_entry:
	b	boot_start		/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset: load at the 2 MiB-aligned RAM base */
	.quad	__image_size		/* image_size incl. BSS; non-zero makes text_offset valid */
	.quad	0x2			/* flags: little endian, 4 KiB pages */
	.quad	0, 0, 0
	.ascii	"ARM\x64"		/* magic */
	.long	0

/*
 * From EL2 (QEMU virt with virtualization=on enters there) to EL1h with all
 * exceptions masked: EL1 in AArch64, no traps of timer, GIC system
 * registers or FP to EL2, MIDR/MPIDR read through unchanged
 * (ARM DDI 0487, D1.x and the HCR_EL2, CNTHCTL_EL2, CPTR_EL2, ICC_SRE_EL2
 * register descriptions). Clobbers x9.
 */
.macro drop_to_el1
	mrs	x9, CurrentEL
	cmp	x9, #(2 << 2)
	b.ne	9f
	mov	x9, #HCR_EL2_RW
	msr	hcr_el2, x9
	el2_prepare_el1
	msr	vttbr_el2, xzr
	mov	x9, #SPSR_EL1H_MASKED
	msr	spsr_el2, x9
	adr	x9, 9f
	msr	elr_el2, x9
	isb
	eret
9:
.endm

	.section .boot.text, "ax"
boot_start:
	msr	daifset, #0xf
	mov	x19, x0				/* DTB */
	adr	x0, boot_reset_entry		/* linked for one address only */
	ldr	x1, =boot_reset_entry
	cmp	x0, x1
	b.ne	wrong_load_address
	drop_to_el1
	clear_bss_boot_stack
	bl	build_identity_map
	bl	invalidate_image
	cpu_enable_mmu_fp
	mov	x20, #0
	run_on_sp_el0 x20
	mov	x0, x19
	bl	boot_cpu_main
	b	cpu_halt_forever

/* No console is known yet: stop (the harness reports no output). */
wrong_load_address:
	wfi
	b	wrong_load_address

/*
 * PSCI CPU_ON entry (context_id in x0: the cell CPU number). The MMU is
 * off: smp_stack_tops is read from memory as the boot CPU wrote it (it
 * cleaned it to the point of coherency).
 */
	.global secondary_entry
secondary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	drop_to_el1
	ldr	x1, =smp_stack_tops
	ldr	x1, [x1, x19, lsl #3]
	mov	sp, x1
	cpu_enable_mmu_fp
	run_on_sp_el0 x19
	mov	x0, x19
	bl	smp_secondary_main
	b	cpu_halt_forever

/* the image's stale cache lines gone before caches go on (boot_macros.h) */
invalidate_image:
	invalidate_image_body
	ret

	.bss
	.balign	4096
	.global boot_pt_l1
boot_pt_l1:
	.skip	4096
