/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The cell shim's entry (a Linux arm64 Image header, so that QEMU's -kernel
 * loads it at 0x40200000 and enters at EL2 with the MMU off), its EL2
 * vectors, and the jump into the cell at EL1.
 */
#include "shim.h"
#include "sysreg.h"		/* the SDK's (sdk/lib/arch/arm64) */
#include "boot_macros.h"

	.section .head, "ax"
	.global _start
_start:
	b	shim_start		/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	__shim_size		/* image_size incl. BSS */
	.quad	0x2			/* little endian, 4 KiB pages */
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

shim_start:
	msr	daifset, #0xf
	mrs	x9, CurrentEL
	cmp	x9, #(2 << 2)
	b.ne	.			/* not at EL2: nothing to emulate with */
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	ldr	x0, =__stack_top
	mov	sp, x0
	ldr	x0, =shim_vectors
	msr	vbar_el2, x0
	isb
	bl	shim_main
	b	.

/*
 * shim_enter_cell(vttbr): the EL2 state EL1 needs, as the SDK's own entry
 * does when it drops from EL2 (sdk/lib/arch/arm64/entry.S): EL1 counter and
 * timer access (CNTHCTL_EL2, D13.10), no FP or ID register traps, GICv3
 * system registers for EL1 (ICC_SRE_EL2, IHI 0069 12.2), MIDR/MPIDR as they
 * are; then stage 2 on and ERET to EL1h at guest 0 with the MMU off
 * (ARM DDI 0487 D5.2 for stage 2, D1.10 for the exception return).
 */
	.text
	.global shim_enter_cell
shim_enter_cell:
	el2_prepare_el1
	/* the cell's virtual count starts at 0, as hypervisors make it for a
	 * guest: CNTVOFF = the physical count now, so the cell's virtual and
	 * physical counts differ (ARM DDI 0487 D12.1.1) */
	isb
	mrs	x9, cntpct_el0
	msr	cntvoff_el2, x9
	ldr	x9, =VTCR_VALUE
	msr	vtcr_el2, x9
	msr	vttbr_el2, x0
	isb
	tlbi	vmalls12e1
	dsb	nsh
	isb
	ldr	x9, =(HCR_EL2_RW | HCR_EL2_VM)
	msr	hcr_el2, x9
	mov	x9, #SPSR_EL1H_MASKED
	msr	spsr_el2, x9
	msr	elr_el2, xzr		/* the cell's entry: guest-physical 0 */
	isb
	mov	x0, xzr
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	eret

/* EL2 vectors (D1.10.2): every entry reports and powers off (shim_trap). */
.macro trap kind
	.balign	0x80
	mov	x0, #\kind
	b	shim_trap
.endm

	.balign	2048
shim_vectors:
	trap	0	/* current EL, SP0: sync, IRQ, FIQ, SError */
	trap	1
	trap	2
	trap	3
	trap	4	/* current EL, SPx */
	trap	5
	trap	6
	trap	7
	trap	8	/* lower EL, AArch64: the cell */
	trap	9
	trap	10
	trap	11
	trap	12	/* lower EL, AArch32 */
	trap	13
	trap	14
	trap	15
