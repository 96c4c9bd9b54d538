/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The way into the hypervisor and back, in the module's own text: Linux
 * cannot give us an executable mapping of the hypervisor memory (vmap sets
 * NX), so this page is mapped at the same virtual address in the
 * hypervisor's page tables and both CR3 switches happen here
 * (docs/hypervisor.md, "Entering").
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

	.text
	.balign 4096
/*
 * int warden_trampoline(u64 entry, u64 cpu, u64 hypervisor_cr3, u64 stack_top)
 * Returns 0 when this CPU now runs as the root cell's guest (the hypervisor
 * resumes us here through VMRUN), or the hypervisor's -errno.
 */
SYM_FUNC_START(warden_trampoline)
	push %rbp
	mov %rsp, %rbp
	push %rbx
	push %r12
	pushfq
	cli
	mov %cr3, %r12		/* Linux's page tables */
	mov %rsp, %rbx		/* Linux's stack */
	mov %rdi, %rax
	mov %rsi, %rdi		/* entry(cpu, linux_rsp) */
	mov %rbx, %rsi
	mov %rdx, %cr3
	mov %rcx, %rsp
	ANNOTATE_RETPOLINE_SAFE
	call *%rax
	mov %r12, %cr3
	mov %rbx, %rsp
	popfq
	pop %r12
	pop %rbx
	pop %rbp
	RET
SYM_FUNC_END(warden_trampoline)

/*
 * The hypervisor leaves to here with its own stack but Linux's GDT and IDT:
 * rdi CR3, rsi RSP, rdx RIP, rcx RFLAGS, r8 CS, r9 SS, r10 DS, r11 ES of the
 * guest. Switch to Linux's page tables and stack, allow interrupts and NMIs
 * again (STGI, while EFER.SVME is still 1), leave SVM and return into the
 * guest's context with IRET.
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
	mov $0xc0000080, %ecx	/* EFER */
	rdmsr
	btr $12, %eax		/* SVME */
	wrmsr
	xor %eax, %eax
	iretq
SYM_CODE_END(warden_trampoline_leave)
