/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The way into the hypervisor and back, in the module's own text: Linux
 * cannot give us an executable mapping of the hypervisor memory (vmap sets
 * NX), so this page is mapped at the same virtual address in the
 * hypervisor's page tables and both CR3 switches happen here
 * (docs/hypervisor.md, "Entering").
 *
 * NMIs: from the CLGI below until this CPU runs as a guest (or comes back
 * here with an error and has Linux's page tables again) the global
 * interrupt flag is clear, so an NMI is held by the CPU instead of being
 * delivered through an IDT that the current page tables may not map (AMD
 * APM vol. 2, 15.17). The held NMI is taken when GIF is set again: by VMRUN
 * (then it goes to the guest, Linux) or by the STGI on the way back.
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

#define MSR_EFER	0xc0000080
#define EFER_SVME_BIT	12
#define EBUSY		16

	.text
	.balign 4096
/*
 * int warden_trampoline(u64 entry, u64 cpu, u64 hypervisor_cr3, u64 stack_top,
 *			 u64 test_spin)
 * Returns 0 when this CPU now runs as the root cell's guest (the hypervisor
 * resumes us here through VMRUN), or the hypervisor's -errno; -EBUSY at once
 * when EFER.SVME is already set (another hypervisor owns SVM). test_spin is
 * 0 except in the NMI test: that many PAUSE loops at the two places where
 * this CPU runs on the hypervisor's page tables with Linux's IDT loaded, so
 * that injected NMIs land there (tests/hypervisor/nmi.sh).
 */
SYM_FUNC_START(warden_trampoline)
	push %rbp
	mov %rsp, %rbp
	push %rbx
	push %r12
	push %r13
	pushfq
	cli
	mov %rdi, %r9		/* entry */
	mov %rdx, %r10		/* hypervisor CR3 */
	mov %rcx, %r11		/* hypervisor stack */
	mov %r8, %r13		/* test_spin */
	mov $MSR_EFER, %ecx
	rdmsr
	bt $EFER_SVME_BIT, %eax
	jc .Lbusy
	bts $EFER_SVME_BIT, %eax
	wrmsr
	clgi			/* NMIs held from here on (APM 15.17) */
	mov %cr3, %r12		/* Linux's page tables */
	mov %rsp, %rbx		/* Linux's stack */
	mov %rsi, %rdi		/* entry(cpu, linux_rsp) */
	mov %rbx, %rsi
	mov %r10, %cr3
	mov %r11, %rsp
	mov %r13, %rcx
.Lspin_in:
	jrcxz .Lspun_in
	pause
	dec %rcx
	jmp .Lspin_in
.Lspun_in:
	ANNOTATE_RETPOLINE_SAFE
	call *%r9
	/*
	 * Success: we run as the guest now (GIF is the guest's, set by VMRUN).
	 * Failure: the hypervisor has put back Linux's GDT and IDT but we are
	 * still on its page tables; GIF stays clear until Linux's are back.
	 */
	test %eax, %eax
	jz .Lrunning
	mov %r13, %rcx
.Lspin_out:
	jrcxz .Lspun_out
	pause
	dec %rcx
	jmp .Lspin_out
.Lspun_out:
	mov %r12, %cr3
	mov %rbx, %rsp
	mov %eax, %r13d
	stgi			/* a held NMI is taken here, by Linux */
	mov $MSR_EFER, %ecx
	rdmsr
	btr $EFER_SVME_BIT, %eax
	wrmsr
	mov %r13d, %eax
	jmp .Lout
.Lrunning:
	mov %r12, %cr3
	mov %rbx, %rsp
	jmp .Lout
.Lbusy:
	mov $-EBUSY, %eax
.Lout:
	popfq
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	RET
SYM_FUNC_END(warden_trampoline)

/*
 * The hypervisor leaves to here with its own stack but Linux's GDT and IDT
 * and GIF clear: rdi CR3, rsi RSP, rdx RIP, rcx RFLAGS, r8 CS, r9 SS, r10
 * DS, r11 ES of the guest. Switch to Linux's page tables and stack, allow
 * interrupts and NMIs again (STGI, while EFER.SVME is still 1), leave SVM
 * and return into the guest's context with IRET.
 */
SYM_CODE_START(warden_trampoline_leave)
	UNWIND_HINT_EMPTY
	mov %rdi, %cr3
	mov %rsi, %rsp
	mov %r10d, %ds
	mov %r11d, %es
	push %r9
	push %rsi
	push %rcx
	push %r8
	push %rdx
	stgi
	mov $MSR_EFER, %ecx
	rdmsr
	btr $EFER_SVME_BIT, %eax
	wrmsr
	xor %eax, %eax
	iretq
SYM_CODE_END(warden_trampoline_leave)
