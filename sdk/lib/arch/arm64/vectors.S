/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The EL1 exception vector table (ARM DDI 0487 D1.10.2: 16 entries of 0x80
 * bytes, 2 KiB aligned) and the FP/SIMD save area helpers for interrupt
 * handlers that use floating point.
 */
	.arch	armv8-a+fp+simd
#include "sysreg.h"

#define FRAME_SIZE	272	/* x0..x30, ELR, SPSR, 16-byte aligned */

.macro vector kind
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x0, #\kind
	b	exception_common
.endm

.macro irq_vector
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	b	irq_common
.endm

.macro save_rest
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x1, elr_el1
	stp	x30, x1, [sp, #240]
	mrs	x1, spsr_el1
	str	x1, [sp, #256]
.endm

.macro restore_all
	ldr	x1, [sp, #256]
	msr	spsr_el1, x1
	ldp	x30, x1, [sp, #240]
	msr	elr_el1, x1
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	add	sp, sp, #FRAME_SIZE
	eret
.endm

	.section .text.vectors, "ax"
	.balign	2048
	.global exception_vectors
exception_vectors:
	/* current EL with SP_EL0: the SDK's code (run_on_sp_el0, boot_macros.h); the
	 * exception itself runs on SP_EL1, this CPU's exception stack */
	vector 0
	irq_vector
	vector 2
	vector 3
	/* current EL with SP_ELx: an exception while handling one (or a cell's boot,
	 * which stays on SP_EL1) */
	vector 4
	irq_vector
	vector 6
	vector 7
	/* lower EL, AArch64 and AArch32: none */
	vector 8
	vector 9
	vector 10
	vector 11
	vector 12
	vector 13
	vector 14
	vector 15

exception_common:
	save_rest
	mov	x1, sp
	bl	exception_report	/* does not return */
	b	.

irq_common:
	save_rest
	bl	irq_dispatch
	restore_all

/* Each CPU's exception stack, 16 KiB (EXCEPTION_STACK_SHIFT), CPU n's top at
 * exception_stacks + (n + 1) * 16 KiB. */
	.bss
	.balign	16
	.global	exception_stacks
exception_stacks:
	.skip	EXCEPTION_STACK_CPUS << EXCEPTION_STACK_SHIFT

/* fpu_save(area) / fpu_restore(area): q0..q31, FPCR, FPSR (528 bytes). */
	.text
	.global fpu_save
fpu_save:
	stp	q0, q1, [x0, #0]
	stp	q2, q3, [x0, #32]
	stp	q4, q5, [x0, #64]
	stp	q6, q7, [x0, #96]
	stp	q8, q9, [x0, #128]
	stp	q10, q11, [x0, #160]
	stp	q12, q13, [x0, #192]
	stp	q14, q15, [x0, #224]
	stp	q16, q17, [x0, #256]
	stp	q18, q19, [x0, #288]
	stp	q20, q21, [x0, #320]
	stp	q22, q23, [x0, #352]
	stp	q24, q25, [x0, #384]
	stp	q26, q27, [x0, #416]
	stp	q28, q29, [x0, #448]
	stp	q30, q31, [x0, #480]
	mrs	x1, fpcr
	mrs	x2, fpsr
	add	x3, x0, #512
	stp	x1, x2, [x3]
	ret

	.global fpu_restore
fpu_restore:
	ldp	q0, q1, [x0, #0]
	ldp	q2, q3, [x0, #32]
	ldp	q4, q5, [x0, #64]
	ldp	q6, q7, [x0, #96]
	ldp	q8, q9, [x0, #128]
	ldp	q10, q11, [x0, #160]
	ldp	q12, q13, [x0, #192]
	ldp	q14, q15, [x0, #224]
	ldp	q16, q17, [x0, #256]
	ldp	q18, q19, [x0, #288]
	ldp	q20, q21, [x0, #320]
	ldp	q22, q23, [x0, #352]
	ldp	q24, q25, [x0, #384]
	ldp	q26, q27, [x0, #416]
	ldp	q28, q29, [x0, #448]
	ldp	q30, q31, [x0, #480]
	add	x3, x0, #512
	ldp	x1, x2, [x3]
	msr	fpcr, x1
	msr	fpsr, x2
	ret
