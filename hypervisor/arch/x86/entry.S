/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry from the driver's trampoline, the SVM run loop, the way back to
 * Linux, and the stubs of the hypervisor's exception handlers.
 *
 * The register frame matches struct registers (arch/percpu.h): r15 at the
 * lowest address, rax at the highest; 8 * 16 bytes.
 */
#define R15	0
#define R14	8
#define R13	16
#define R12	24
#define R11	32
#define R10	40
#define R9	48
#define R8	56
#define RDI	64
#define RSI	72
#define RBP	80
#define RBX	96
#define RDX	104
#define RCX	112

	.code64
	.section .text.entry, "ax"

/*
 * rdi: Linux's CPU number, rsi: Linux's RSP. The trampoline has switched to
 * our page tables and to this CPU's stack and called us with interrupts off;
 * [rsp] is where Linux resumes. Returns only when enabling failed (-errno).
 */
	.globl arch_entry
arch_entry:
	push %rax
	push %rcx
	push %rdx
	push %rbx
	push $0
	push %rbp
	push %rsi
	push %rdi
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, %rdx
	sub $8, %rsp
	call arch_entry_c
	add $8, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rdi
	pop %rsi
	pop %rbp
	add $8, %rsp
	pop %rbx
	pop %rdx
	pop %rcx
	add $8, %rsp		/* rax holds the result */
	ret

/*
 * svm_run_loop(struct registers *guest, u64 vmcb_phys): runs the guest for
 * good. The frame becomes the bottom of the stack; exits go to
 * svm_handle_exit(guest). VMRUN/#VMEXIT switch RAX, RSP and RIP themselves
 * (AMD APM vol. 2, 15.5); VMLOAD/VMSAVE move the guest's FS, GS, TR, LDTR
 * and syscall MSRs, which the hypervisor itself never uses (15.5.2).
 */
	.globl svm_run_loop
svm_run_loop:
	mov %rdi, %rsp
	push %rsi
1:	mov (%rsp), %rax
	mov 8+R15(%rsp), %r15
	mov 8+R14(%rsp), %r14
	mov 8+R13(%rsp), %r13
	mov 8+R12(%rsp), %r12
	mov 8+R11(%rsp), %r11
	mov 8+R10(%rsp), %r10
	mov 8+R9(%rsp), %r9
	mov 8+R8(%rsp), %r8
	mov 8+RDI(%rsp), %rdi
	mov 8+RSI(%rsp), %rsi
	mov 8+RBP(%rsp), %rbp
	mov 8+RBX(%rsp), %rbx
	mov 8+RDX(%rsp), %rdx
	mov 8+RCX(%rsp), %rcx
	vmload %rax
	vmrun %rax
	vmsave %rax
	mov %r15, 8+R15(%rsp)
	mov %r14, 8+R14(%rsp)
	mov %r13, 8+R13(%rsp)
	mov %r12, 8+R12(%rsp)
	mov %r11, 8+R11(%rsp)
	mov %r10, 8+R10(%rsp)
	mov %r9, 8+R9(%rsp)
	mov %r8, 8+R8(%rsp)
	mov %rdi, 8+RDI(%rsp)
	mov %rsi, 8+RSI(%rsp)
	mov %rbp, 8+RBP(%rsp)
	mov %rbx, 8+RBX(%rsp)
	mov %rdx, 8+RDX(%rsp)
	mov %rcx, 8+RCX(%rsp)
	lea 8(%rsp), %rdi
	call svm_handle_exit
	jmp 1b

/*
 * leave_to_linux(struct registers *guest, struct leave_state *state): loads
 * Linux's descriptor tables and callee-saved registers and jumps to the
 * trampoline's leave routine (mapped at the same address in Linux's and our
 * page tables), which switches CR3, builds an IRET frame on Linux's stack
 * and clears EFER.SVME. Register use is the trampoline's ABI
 * (driver/trampoline.S).
 */
	.globl leave_to_linux
leave_to_linux:
	lgdt 86(%rsi)		/* struct descriptor_pointer: limit at +6 */
	lidt 102(%rsi)
	mov R15(%rdi), %r15
	mov R14(%rdi), %r14
	mov R13(%rdi), %r13
	mov R12(%rdi), %r12
	mov RBP(%rdi), %rbp
	mov RBX(%rdi), %rbx
	mov 64(%rsi), %rax	/* trampoline leave routine */
	mov 56(%rsi), %r11	/* es */
	mov 48(%rsi), %r10	/* ds */
	mov 40(%rsi), %r9	/* ss */
	mov 32(%rsi), %r8	/* cs */
	mov 24(%rsi), %rcx	/* rflags */
	mov 16(%rsi), %rdx	/* rip */
	mov 0(%rsi), %rdi	/* cr3 */
	mov 8(%rsi), %rsi	/* rsp */
	jmp *%rax

/* The registers a C call may change: what an interrupted context needs back (72 bytes). */
.macro save_caller_saved
	push %rax
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %r8
	push %r9
	push %r10
	push %r11
.endm

.macro restore_caller_saved
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rax
.endm

/* Exception stubs, 16 bytes apart: push a zero error code where the CPU does not. */
	.globl exception_stubs
	.align 16
exception_stubs:
	vector = 0
	.rept 32
	.align 16
	.if vector != 8 && (vector < 10 || vector > 14) && vector != 17 && vector != 21 && vector != 29 && vector != 30
	push $0
	.endif
	push $vector
	jmp exception_common
	vector = vector + 1
	.endr

/*
 * Frame: vector, error code, then the CPU's RIP, CS, RFLAGS, RSP, SS.
 * arch_exception returns only when a fixup (read_msr_safe) took the
 * exception; it has then changed the saved RIP.
 */
exception_common:
	save_caller_saved
	lea 72(%rsp), %rdi
	push %rbp
	mov %rsp, %rbp
	and $~15, %rsp
	call arch_exception
	mov %rbp, %rsp
	pop %rbp
	restore_caller_saved
	add $16, %rsp		/* vector and error code */
	iretq

/*
 * NMI (vector 2): host mode runs with GIF clear, so an NMI should never get
 * here; if one does, it is the guest's: arch_nmi marks it for injection
 * with the next VMRUN, and IRET returns to the interrupted code.
 */
	.globl nmi_entry
nmi_entry:
	save_caller_saved
	mov %rsp, %rdi
	push %rbp
	mov %rsp, %rbp
	and $~15, %rsp
	call arch_nmi
	mov %rbp, %rsp
	pop %rbp
	restore_caller_saved
	iretq

/*
 * Vectors 32-255: an external interrupt the hypervisor lets in on purpose
 * (apic_drop_pending, apic.c) to empty a local APIC's IRR. Nothing to do:
 * the vector stays in service until apic_drop_pending writes the EOIs.
 */
	.globl interrupt_ignore
interrupt_ignore:
	iretq
