/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Assembler macros shared by the bare entry (entry.S) and the cell entry
 * (cell_entry.S): the MMU, cache and FP/SIMD enable, and the invalidation
 * of the image's cache lines before it. Include after sysreg.h.
 */
#ifndef SDK_ARM64_BOOT_MACROS_H
#define SDK_ARM64_BOOT_MACROS_H

/*
 * At EL2, the state EL1 needs: EL1 counter and timer access (CNTHCTL_EL2,
 * ARM DDI 0487 D13.10), CNTVOFF 0, MIDR/MPIDR as they are, no FP or ID
 * register traps, GICv3 system registers for EL1 (ICC_SRE_EL2, IHI 0069
 * 12.2), the list registers off, SCTLR_EL1 at its RES1 bits (MMU off).
 * The SDK's drop from EL2 and the cell test shim both use it.
 */
.macro el2_prepare_el1
	mrs	x9, cnthctl_el2
	orr	x9, x9, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x9
	msr	cntvoff_el2, xzr
	mrs	x9, midr_el1
	msr	vpidr_el2, x9
	mrs	x9, mpidr_el1
	msr	vmpidr_el2, x9
	mov	x9, #CPTR_EL2_DEFAULT
	msr	cptr_el2, x9
	msr	hstr_el2, xzr
	mrs	x9, ICC_SRE_EL2
	orr	x9, x9, #ICC_SRE_SRE
	orr	x9, x9, #ICC_SRE_ENABLE
	msr	ICC_SRE_EL2, x9
	isb
	msr	ICH_HCR_EL2, xzr
	ldr	x9, =SCTLR_EL1_RES1
	msr	sctlr_el1, x9
.endm

/* BSS zeroed (16-byte aligned by the linker script), SP at the boot stack. */
.macro clear_bss_boot_stack
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	ldr	x0, =__boot_stack_top
	mov	sp, x0
.endm

/*
 * From here the CPU's code runs on SP_EL0 (its stack, as SP was), and
 * exceptions on SP_EL1, the top of its own exception stack (vectors.S):
 * an exception switches to SP_EL1 (ARM DDI 0487 D1.6.2), so a stack
 * overflow into a guard page is still reported on a stack that works.
 * cpu: a register holding the CPU number. Clobbers x9, x10.
 */
.macro run_on_sp_el0 cpu
	mov	x9, sp
	msr	sp_el0, x9
	ldr	x9, =exception_stacks
	add	x10, \cpu, #1
	lsl	x10, x10, #EXCEPTION_STACK_SHIFT
	add	x9, x9, x10
	mov	sp, x9
	msr	spsel, #0
.endm

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
