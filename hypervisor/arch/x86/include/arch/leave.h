/* SPDX-License-Identifier: GPL-2.0-only */
/* The state arch/x86/entry.S:leave_to_linux hands to the driver's trampoline. */
#ifndef WARDEN_ARCH_LEAVE_H
#define WARDEN_ARCH_LEAVE_H

#include <arch/percpu.h>

struct descriptor_pointer {
	u16 padding[3];
	u16 limit;		/* limit and base form the LGDT/LIDT operand */
	u64 base;
} __packed;

struct leave_state {
	u64 cr3, rsp, rip, rflags;	/* 0 */
	u64 cs, ss, ds, es;		/* 32 */
	u64 trampoline;			/* 64 */
	u64 padding;
	struct descriptor_pointer gdtr;	/* 80 */
	struct descriptor_pointer idtr;	/* 96 */
};

_Static_assert(offsetof(struct leave_state, trampoline) == 64, "leave_state trampoline");
_Static_assert(offsetof(struct leave_state, gdtr) == 80, "leave_state gdtr");
_Static_assert(offsetof(struct leave_state, idtr) == 96, "leave_state idtr");
_Static_assert(offsetof(struct registers, rcx) == 112, "registers rcx");

void __noreturn leave_to_linux(struct registers *guest, struct leave_state *state);
void __noreturn svm_run_loop(struct registers *guest, u64 vmcb_phys);

#endif /* WARDEN_ARCH_LEAVE_H */
