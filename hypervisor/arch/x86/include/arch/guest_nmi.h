/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The NMI blocking of a guest whose NMIs the hypervisor delivers (SVM
 * without virtual NMI): real hardware blocks further NMIs from the delivery
 * of one until the handler's IRET has run (AMD APM vol. 2, 8.2.3), and a
 * guest's NMI entry code relies on it (Linux's nested-NMI detection only
 * copes with NMIs that an IRET inside the handler let in). The hypervisor
 * intercepts IRET while an injected NMI is being handled; that exit comes
 * before the IRET runs (15.9), and the next exit may still come before it,
 * at the same RIP (an NMI held while the hypervisor handled the IRET exit
 * is taken at the VMRUN that resumes it). So NMIs open only at an exit
 * whose RIP has left the IRET. For an NMI that waits, the hypervisor
 * single-steps the IRET (RFLAGS.TF; the trap after it is an intercepted
 * #DB, which comes before any NMI or interrupt, Intel SDM vol. 3, table
 * 6-2), so the NMI goes in right after the IRET, as on hardware, not at
 * whatever exit comes next. Pure logic: svm.c drives it,
 * tests/hypervisor/test_guest_nmi.c runs it on the host.
 */
#ifndef WARDEN_ARCH_GUEST_NMI_H
#define WARDEN_ARCH_GUEST_NMI_H

#include <hv/types.h>

enum guest_nmi_state {
	GUEST_NMI_OPEN,		/* the guest may take an NMI now */
	GUEST_NMI_BLOCKED,	/* in its NMI handler, until the IRET exit */
	GUEST_NMI_OPENING,	/* IRET intercepted at iret_rip; open once RIP left it */
};

struct guest_nmi {
	enum guest_nmi_state state;
	bool pending;		/* an NMI for the guest waits to be injected */
	bool single_step;	/* the hypervisor set TF to see the IRET complete */
	u64 iret_rip;		/* where the intercepted IRET is */
};

/* Open with nothing pending: at the first VMRUN and after INIT. */
void guest_nmi_reset(struct guest_nmi *nmi);

/* An NMI for the guest reached the hypervisor (two that wait are one, as on hardware). */
void guest_nmi_raise(struct guest_nmi *nmi);

/* It was the hypervisor's own (a management request): the guest never sees it. */
void guest_nmi_drop(struct guest_nmi *nmi);

/* Every exit, first: the guest's RIP now; an IRET that has run opens NMIs again. */
void guest_nmi_exit(struct guest_nmi *nmi, u64 rip);

/* The IRET intercept's exit, with the IRET's RIP: it may stop intercepting IRET. */
void guest_nmi_iret_exit(struct guest_nmi *nmi, u64 rip);

/*
 * Before VMRUN: true when a pending NMI goes in now (the injection slot is
 * free and the guest is not blocking NMIs); the caller injects it and
 * intercepts IRET, and the guest blocks NMIs until that IRET has run.
 */
bool guest_nmi_inject(struct guest_nmi *nmi, bool injection_slot_free);

/*
 * Before VMRUN, when no NMI went in: true when the caller is to set TF in
 * the guest's RFLAGS (it was clear) to single-step the intercepted IRET,
 * because an NMI waits for it. The IRET loads the guest's own RFLAGS, so
 * only the trap after it remains of the TF.
 */
bool guest_nmi_single_step(struct guest_nmi *nmi);

/*
 * A #DB exit, with DR6.BS (single step): true when it is the trap of that
 * single step, which the guest never asked for and must not see.
 */
bool guest_nmi_single_step_trap(struct guest_nmi *nmi, bool single_step_reported);

#endif /* WARDEN_ARCH_GUEST_NMI_H */
