/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Assembler macros shared by the bare entry (entry.S) and the cell entry
 * (cell_entry.S): the MMU, cache and FP/SIMD enable, and the invalidation
 * of the image's cache lines before it. Include after sysreg.h.
 */
#ifndef SDK_ARM64_BOOT_MACROS_H
#define SDK_ARM64_BOOT_MACROS_H

/* MMU on with the identity map, FP/SIMD on, VBAR set (boot_pt_l1 built). */
.macro cpu_enable_mmu_fp
	ldr	x9, =MAIR_VALUE
	msr	mair_el1, x9
	ldr	x9, =TCR_VALUE
	msr	tcr_el1, x9
	ldr	x9, =boot_pt_l1
	msr	ttbr0_el1, x9
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	mrs	x9, sctlr_el1
	orr	x9, x9, #SCTLR_M
	orr	x9, x9, #SCTLR_C
	orr	x9, x9, #SCTLR_I
	msr	sctlr_el1, x9
	isb
	mov	x9, #CPACR_FPEN_ALL
	msr	cpacr_el1, x9
	ldr	x9, =exception_vectors
	msr	vbar_el1, x9
	isb
.endm

/*
 * Written with the MMU off, the image, BSS and page table are in memory,
 * but a boot loader that ran with caches on may have left stale lines of
 * them: invalidate them by address before caches go on (ARM DDI 0487
 * D7.5.9.x, "data cache maintenance"), and the instruction cache too.
 * CTR_EL0.DminLine gives the smallest line size.
 */
.macro invalidate_image_body
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4
	mov	x2, #4
	lsl	x2, x2, x3			/* bytes per line */
	ldr	x0, =__image_start
	ldr	x1, =__image_end
	sub	x3, x2, #1
	bic	x0, x0, x3
1:	dc	ivac, x0
	add	x0, x0, x2
	cmp	x0, x1
	b.lo	1b
	dsb	sy
	ic	iallu
	dsb	nsh
	isb
.endm

#endif /* SDK_ARM64_BOOT_MACROS_H */
