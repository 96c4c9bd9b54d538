/* SPDX-License-Identifier: GPL-2.0-only */
/* x86 part of the per-CPU data: the SVM control blocks and the guest's registers. */
#ifndef WARDEN_ARCH_PERCPU_H
#define WARDEN_ARCH_PERCPU_H

#include <arch/guest_nmi.h>
#include <hv/types.h>

/* General registers in the order arch/x86/entry.S pushes them. */
struct registers {
	u64 r15, r14, r13, r12, r11, r10, r9, r8;
	u64 rdi, rsi, rbp, unused_rsp, rbx, rdx, rcx, rax;
};

struct arch_per_cpu {
	u8 vmcb[4096];		/* guest state and intercepts, AMD APM vol. 2, app. B */
	u8 host_save[4096];	/* VM_HSAVE_PA */
	struct registers *guest_registers;
	u64 linux_rsp;		/* Linux's stack at entry */
	u64 linux_rip;		/* where Linux resumes after the entry call */
	bool svm_enabled;
	struct guest_nmi nmi;	/* the guest's NMI blocking and a waiting NMI */
	u32 test_nmis_at_iret;	/* test images: WARDEN_TEST_PROBE_NMI_AT_IRET */
	u64 mtrr_def_type;	/* the guest's view of MTRR_DEF_TYPE */
	bool root_x2apic;	/* the APIC mode root Linux runs this CPU in */
	bool apic_disabled;	/* a cell disabled its APIC: it sees EN clear (msr.c) */
	u32 root_ldr, root_dfr;	/* root Linux's xAPIC logical ID of this CPU */
};

#endif /* WARDEN_ARCH_PERCPU_H */
