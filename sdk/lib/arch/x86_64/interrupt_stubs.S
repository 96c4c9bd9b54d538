/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * One 16-byte entry stub per vector (the IDT points at
 * interrupt_stubs + 16 * vector), all ending in one common path that saves
 * the general registers and calls interrupt_dispatch(frame). The CPU pushes
 * an error code for vectors 8, 10-14, 17, 21, 29 and 30 (SDM vol. 3A,
 * 6.13); the other stubs push a 0 in its place so that every frame looks
 * the same. The x87/SSE state is saved (FXSAVE, SDM vol. 1, 10.5) only
 * around handlers that may use it: irq_call_saving_fpu below, chosen per
 * handler by irq.c. The SDK's own code is built without FPU/SSE.
 */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
			   (v) == 21 || (v) == 29 || (v) == 30)

	.text
	.balign 16
	.globl interrupt_stubs
interrupt_stubs:
	.set	vector, 0
	.rept	256
	.balign 16
	.ifeq	HAS_ERROR_CODE(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	interrupt_common
	.set	vector, vector + 1
	.endr

interrupt_common:
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rbx
	pushq	%rbp
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	movq	%rsp, %rdi		/* struct interrupt_frame * */
	movq	%rsp, %rbx		/* callee-saved: survives the call */
	andq	$-16, %rsp
	call	interrupt_dispatch
	movq	%rbx, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rbp
	popq	%rbx
	popq	%rdx
	popq	%rcx
	popq	%rax
	addq	$16, %rsp		/* vector and error code */
	iretq

/* irq_call_saving_fpu(handler, vector, context): handler(vector, context)
 * with the interrupted code's x87/SSE state saved in a 64-byte aligned
 * 512-byte FXSAVE area on the stack. */
	.globl irq_call_saving_fpu
irq_call_saving_fpu:
	pushq	%rbp
	movq	%rsp, %rbp
	andq	$-64, %rsp
	subq	$512, %rsp
	fxsave64 (%rsp)
	movq	%rdi, %rax
	movl	%esi, %edi
	movq	%rdx, %rsi
	call	*%rax
	fxrstor64 (%rsp)
	movq	%rbp, %rsp
	popq	%rbp
	ret

	.section .note.GNU-stack, "", @progbits
