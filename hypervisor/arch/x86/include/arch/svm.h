/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The VMCB (AMD APM vol. 2, appendix B) as far as Warden uses it, and the
 * exit codes (appendix C).
 */
#ifndef WARDEN_ARCH_SVM_H
#define WARDEN_ARCH_SVM_H

#include <hv/types.h>

struct vmcb_segment {
	u16 selector;
	u16 attributes;
	u32 limit;
	u64 base;
};

struct vmcb {
	/* Control area, B-1 */
	u32 intercept_cr;		/* 0x000 */
	u32 intercept_dr;
	u32 intercept_exceptions;
	u32 intercept_misc1;		/* 0x00c */
	u32 intercept_misc2;		/* 0x010 */
	u8 reserved_1[0x040 - 0x014];
	u64 iopm_base_pa;		/* 0x040 */
	u64 msrpm_base_pa;		/* 0x048 */
	u64 tsc_offset;			/* 0x050 */
	u32 guest_asid;			/* 0x058 */
	u8 tlb_control;			/* 0x05c */
	u8 reserved_2[3];
	u64 interrupt_control;		/* 0x060 */
	u64 interrupt_shadow;		/* 0x068 */
	u64 exit_code;			/* 0x070 */
	u64 exit_info1;			/* 0x078 */
	u64 exit_info2;			/* 0x080 */
	u64 exit_interrupt_info;	/* 0x088 */
	u64 nested_control;		/* 0x090: bit 0 NP_ENABLE */
	u8 reserved_3[0x0a8 - 0x098];
	u64 event_injection;		/* 0x0a8 */
	u64 nested_cr3;			/* 0x0b0 */
	u64 virtualization_ext;		/* 0x0b8 */
	u32 clean_bits;			/* 0x0c0 */
	u32 reserved_4;
	u64 next_rip;			/* 0x0c8 */
	u8 reserved_5[0x400 - 0x0d0];
	/* State save area, B-2 */
	struct vmcb_segment es, cs, ss, ds, fs, gs;	/* 0x400 */
	struct vmcb_segment gdtr, ldtr, idtr, tr;	/* 0x460 */
	u8 reserved_6[0x4cb - 0x4a0];
	u8 cpl;				/* 0x4cb */
	u32 reserved_7;
	u64 efer;			/* 0x4d0 */
	u8 reserved_8[0x548 - 0x4d8];
	u64 cr4, cr3, cr0, dr7, dr6, rflags, rip;	/* 0x548 */
	u8 reserved_9[0x5d8 - 0x580];
	u64 rsp;			/* 0x5d8 */
	u8 reserved_10[0x5f8 - 0x5e0];
	u64 rax;			/* 0x5f8 */
	u64 star, lstar, cstar, sfmask, kernel_gs_base;
	u64 sysenter_cs, sysenter_esp, sysenter_eip;
	u64 cr2;			/* 0x640 */
	u8 reserved_11[0x668 - 0x648];
	u64 g_pat;			/* 0x668 */
	u8 reserved_12[0x1000 - 0x670];
};

_Static_assert(offsetof(struct vmcb, iopm_base_pa) == 0x40, "vmcb iopm");
_Static_assert(offsetof(struct vmcb, exit_code) == 0x70, "vmcb exit_code");
_Static_assert(offsetof(struct vmcb, nested_cr3) == 0xb0, "vmcb nested_cr3");
_Static_assert(offsetof(struct vmcb, next_rip) == 0xc8, "vmcb next_rip");
_Static_assert(offsetof(struct vmcb, cpl) == 0x4cb, "vmcb cpl");
_Static_assert(offsetof(struct vmcb, efer) == 0x4d0, "vmcb efer");
_Static_assert(offsetof(struct vmcb, rip) == 0x578, "vmcb rip");
_Static_assert(offsetof(struct vmcb, rsp) == 0x5d8, "vmcb rsp");
_Static_assert(offsetof(struct vmcb, rax) == 0x5f8, "vmcb rax");
_Static_assert(offsetof(struct vmcb, cr2) == 0x640, "vmcb cr2");
_Static_assert(offsetof(struct vmcb, g_pat) == 0x668, "vmcb g_pat");
_Static_assert(sizeof(struct vmcb) == 0x1000, "vmcb size");

/* intercept_misc1 (VMCB 0x00c) */
#define INTERCEPT_NMI		(1U << 1)
#define INTERCEPT_INIT		(1U << 3)
#define INTERCEPT_CPUID		(1U << 18)
#define INTERCEPT_IRET		(1U << 20)
#define INTERCEPT_INVLPGA	(1U << 26)
#define INTERCEPT_IOIO		(1U << 27)
#define INTERCEPT_MSR		(1U << 28)
#define INTERCEPT_SHUTDOWN	(1U << 31)
/* intercept_misc2 (VMCB 0x010) */
#define INTERCEPT_VMRUN		(1U << 0)
#define INTERCEPT_VMMCALL	(1U << 1)
#define INTERCEPT_VMLOAD	(1U << 2)
#define INTERCEPT_VMSAVE	(1U << 3)
#define INTERCEPT_STGI		(1U << 4)
#define INTERCEPT_CLGI		(1U << 5)
#define INTERCEPT_SKINIT	(1U << 6)

/* IOIO EXITINFO1 bits, 15.10.2 */
#define IOIO_IN			(1ULL << 0)
#define IOIO_STRING		(1ULL << 2)
#define IOIO_REP		(1ULL << 3)

#define NESTED_PAGING_ENABLE	1ULL
#define TLB_CONTROL_FLUSH_ALL	1
#define TLB_CONTROL_FLUSH_GUEST	3	/* this ASID only, with CPUID 8000_000A EDX bit 6 */

/* Exit codes, appendix C */
#define EXIT_EXCEPTION_DB	0x041	/* 0x40 + vector */
#define EXIT_EXCEPTION_AC	0x051
#define EXIT_NMI		0x061
#define EXIT_INIT		0x063
#define EXIT_CPUID		0x072
#define EXIT_IRET		0x074
#define EXIT_INVLPGA		0x07a
#define EXIT_IOIO		0x07b
#define EXIT_MSR		0x07c
#define EXIT_SHUTDOWN		0x07f
#define EXIT_VMRUN		0x080
#define EXIT_VMMCALL		0x081
#define EXIT_VMLOAD		0x082
#define EXIT_VMSAVE		0x083
#define EXIT_STGI		0x084
#define EXIT_CLGI		0x085
#define EXIT_SKINIT		0x086
#define EXIT_NPF		0x400
#define EXIT_INVALID		0xffffffffU	/* low 32 bits; QEMU leaves the top clear */

/* EVENTINJ, 15.20 */
#define EVENT_VALID		(1ULL << 31)
#define EVENT_ERROR_VALID	(1ULL << 11)
#define EVENT_TYPE_NMI		(2ULL << 8)
#define EVENT_TYPE_EXCEPTION	(3ULL << 8)
#define VECTOR_DB		1
#define VECTOR_NMI		2
#define VECTOR_UD		6
#define VECTOR_GP		13
#define VECTOR_PF		14
#define VECTOR_AC		17

#endif /* WARDEN_ARCH_SVM_H */
