/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Startup: from the cell boot protocol (16-bit real mode at address 0,
 * docs/cell-abi.md) or from QEMU's Multiboot loader (32-bit protected mode,
 * image at BARE_LOAD_ADDRESS) into 64-bit long mode with the identity map
 * of pagetable.S, x87/SSE/AVX enabled, and a stack; then C.
 *
 * Every CPU comes through here: the first one to claim boot_cpu_claimed is
 * the boot CPU; a CPU started by smp_start_cpu() finds its stack in
 * smp_ap_stack; any other CPU entered at the reset address together with
 * the boot CPU (Jailhouse starts every CPU of a cell there): it writes its
 * APIC ID into boot_parked_apic_id (the comm region may not list the
 * cell's APIC IDs) and halts until smp_start_cpu() sends it INIT/SIPI.
 */
#include "boot_layout.h"

	.section .boot.reset, "ax"
	.code16
	.globl boot_reset_entry
boot_reset_entry:
	jmp	real_mode_entry

	/* Multiboot 1 header with the a.out kludge (Multiboot spec 0.6.96,
	 * 3.1): first 8 KiB of the file, 32-bit aligned. */
	.balign 4
multiboot_header:
	.long	MULTIBOOT_MAGIC
	.long	MULTIBOOT_AOUT_KLUDGE
	.long	-(MULTIBOOT_MAGIC + MULTIBOOT_AOUT_KLUDGE)
	.long	BARE_LOAD_ADDRESS + multiboot_header	/* header_addr */
	.long	BARE_LOAD_ADDRESS			/* load_addr */
	.long	BARE_LOAD_ADDRESS + __image_file_end	/* load_end_addr */
	.long	BARE_LOAD_ADDRESS + __image_file_end	/* bss_end_addr */
	.long	BARE_LOAD_ADDRESS + multiboot_entry	/* entry_addr */

real_mode_entry:
	cli
	cld
	ljmp	$0, $1f			/* CS base 0 whatever the reset left */
1:	xorw	%ax, %ax
	movw	%ax, %ds
	lgdtl	boot_gdt_descriptor
	movl	%cr0, %eax
	orl	$CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	$GDT_CODE32, $protected_mode_entry

	.code32
/*
 * QEMU -kernel: running at BARE_LOAD_ADDRESS + link address, flat
 * segments, EBX = Multiboot info. Stash the command line and memory size
 * into the image (still at its load address), copy the image to 0, then
 * continue there.
 */
multiboot_entry:
	cli
	cld
	cmpl	$MULTIBOOT_BOOT_MAGIC, %eax
	jne	multiboot_bad_magic
	testl	$MULTIBOOT_INFO_MEMORY, (%ebx)
	jz	1f
	movl	8(%ebx), %eax				/* mem_upper, KiB above 1 MiB */
	movl	%eax, BARE_LOAD_ADDRESS + boot_multiboot_mem_upper
1:	testl	$MULTIBOOT_INFO_CMDLINE, (%ebx)
	jz	3f
	movl	16(%ebx), %esi				/* cmdline */
	movl	$BARE_LOAD_ADDRESS + boot_cmdline, %edi
	movl	$__cmdline_size - 1, %ecx
2:	lodsb
	stosb
	testb	%al, %al
	jz	3f
	loop	2b
	movb	$0, (%edi)
3:	movl	$1, BARE_LOAD_ADDRESS + boot_bare_mode
	movl	$BARE_LOAD_ADDRESS, %esi
	xorl	%edi, %edi
	movl	$__image_file_end, %ecx
	rep movsb
	movl	$4f, %eax			/* the copy at the link address */
	jmp	*%eax
4:	lgdtl	boot_gdt_descriptor
	ljmpl	$GDT_CODE32, $protected_mode_entry

multiboot_bad_magic:
	hlt
	jmp	multiboot_bad_magic

protected_mode_entry:
	movw	$GDT_DATA, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	movw	%ax, %fs
	movw	%ax, %gs
	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_WP | CR0_PE), %eax
	movl	%eax, %cr0
	ljmpl	$GDT_CODE64, $long_mode_entry

	.code64
long_mode_entry:
	movw	$GDT_DATA, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorw	%ax, %ax
	movw	%ax, %fs
	movw	%ax, %gs
	movq	smp_ap_stack(%rip), %rsp
	testq	%rsp, %rsp
	jnz	secondary_cpu
	movl	$1, %eax
	xchgl	%eax, boot_cpu_claimed(%rip)
	testl	%eax, %eax
	jnz	park_cpu		/* started with the others at reset */

	leaq	__boot_stack_top(%rip), %rsp	/* linker script: STACK_SIZE */
	leaq	__bss_start(%rip), %rdi
	leaq	__bss_end(%rip), %rcx
	subq	%rdi, %rcx
	xorl	%eax, %eax
	rep stosb
	call	enable_fpu
	call	boot_cpu_main
	jmp	halt_forever

secondary_cpu:
	call	enable_fpu
	call	smp_secondary_main
	jmp	halt_forever

/* No stack here, and the boot CPU may be clearing BSS: registers and .data
 * only. The APIC ID: CPUID leaf 0xb EDX (x2APIC ID, SDM vol. 2A, CPUID)
 * where the CPU has that leaf, else CPUID.1:EBX[31:24]. */
park_cpu:
	xorl	%eax, %eax
	cpuid
	cmpl	$0xb, %eax
	jb	1f
	movl	$0xb, %eax
	xorl	%ecx, %ecx
	cpuid
	movl	%edx, %esi
	jmp	2f
1:	movl	$1, %eax
	cpuid
	shrl	$24, %ebx
	movl	%ebx, %esi
2:	movl	$1, %eax
	lock xaddl %eax, boot_parked_count(%rip)
	cmpl	$BOOT_MAX_PARKED, %eax
	jae	halt_forever
	leaq	boot_parked_apic_id(%rip), %rdx
	movl	%esi, (%rdx,%rax,4)
halt_forever:
	cli
	hlt
	jmp	halt_forever

/*
 * x87/SSE, and AVX state through XSAVE where the CPU has it (Intel SDM
 * vol. 3A, 13.1 and 13.3): CR0.MP/NE on, EM/TS off, CR4.OSFXSR and
 * OSXMMEXCPT, CR4.OSXSAVE and XCR0 = x87|SSE|AVX as supported.
 */
enable_fpu:
	movq	%cr0, %rax
	andq	$~(CR0_EM | CR0_TS), %rax
	orq	$(CR0_MP | CR0_NE), %rax
	movq	%rax, %cr0
	movq	%cr4, %rax
	orq	$(CR4_OSFXSR | CR4_OSXMMEXCPT), %rax
	movq	%rax, %cr4
	movl	$1, %eax
	xorl	%ecx, %ecx
	cpuid
	btl	$26, %ecx			/* CPUID.1:ECX.XSAVE */
	jnc	1f
	movq	%cr4, %rax
	orq	$CR4_OSXSAVE, %rax
	movq	%rax, %cr4
	movl	$0xd, %eax
	xorl	%ecx, %ecx
	cpuid					/* EAX: supported XCR0 bits */
	andl	$(XCR0_X87 | XCR0_SSE | XCR0_AVX), %eax
	xorl	%edx, %edx
	xorl	%ecx, %ecx
	xsetbv
1:	fninit
	ldmxcsr	default_mxcsr(%rip)
	ret

	.balign 8
boot_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff	/* GDT_CODE32: flat 32-bit code */
	.quad	0x00cf92000000ffff	/* GDT_DATA: flat data */
	.quad	0x00af9a000000ffff	/* GDT_CODE64: 64-bit code (L=1) */
	.globl	boot_gdt_tss
boot_gdt_tss:				/* GDT_TSS(cpu): filled in by tss.c */
	.fill	2 * BOOT_MAX_TSS, 8, 0
boot_gdt_end:
	.balign 8
	.word	0
	.globl boot_gdt_descriptor
boot_gdt_descriptor:
	.word	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt
default_mxcsr:
	.long	0x1f80			/* all exceptions masked (reset value) */

	.data
	.balign 8
	.globl boot_bare_mode, boot_multiboot_mem_upper, smp_ap_stack
	.globl boot_parked_count, boot_parked_apic_id
boot_bare_mode:
	.long	0
boot_multiboot_mem_upper:
	.long	0
boot_cpu_claimed:
	.long	0
	.long	0
smp_ap_stack:
	.quad	0
boot_parked_count:
	.long	0
boot_parked_apic_id:
	.fill	BOOT_MAX_PARKED, 4, 0xffffffff

	.section .note.GNU-stack, "", @progbits
