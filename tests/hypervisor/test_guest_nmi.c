// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/arch/x86/guest_nmi.c: when the hypervisor
 * may inject an NMI into a guest. The sequence that crashed root Linux in
 * CI (hypervisor.nmi-storm): the IRET of the guest's NMI handler is
 * intercepted, an NMI that came meanwhile is taken at the VMRUN resuming
 * that IRET, so the next exit is at the IRET's own RIP; injecting there put
 * an NMI into Linux's NMI entry code (nested_nmi_out), which corrupted its
 * NMI stack.
 */
#include <stdio.h>
#include <arch/guest_nmi.h>

static int failures, checks;

#define EXPECT(cond) do { checks++; if (!(cond)) { \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

#define HANDLER_IRET	0xffffffff81e01234ULL	/* the NMI handler's IRET */
#define INTERRUPTED	0xffffffff81000500ULL	/* where the NMI came in */

/* One NMI injected and its handler running: BLOCKED. */
static void inject_one(struct guest_nmi *nmi)
{
	guest_nmi_reset(nmi);
	guest_nmi_raise(nmi);
	EXPECT(guest_nmi_inject(nmi, true));
	EXPECT(nmi->state == GUEST_NMI_BLOCKED && !nmi->pending);
}

static void test_blocked_until_iret(void)
{
	struct guest_nmi nmi;

	inject_one(&nmi);
	guest_nmi_raise(&nmi);			/* a second one while in the handler */
	guest_nmi_exit(&nmi, INTERRUPTED + 0x40);
	EXPECT(!guest_nmi_inject(&nmi, true));
	EXPECT(nmi.pending);
	guest_nmi_exit(&nmi, HANDLER_IRET);	/* an exit at the IRET, not the IRET's exit */
	EXPECT(!guest_nmi_inject(&nmi, true));
	guest_nmi_iret_exit(&nmi, HANDLER_IRET);
	EXPECT(nmi.state == GUEST_NMI_OPENING);
	EXPECT(!guest_nmi_inject(&nmi, true));	/* the IRET has not run yet */
}

/* The regression: an exit before the intercepted IRET ran. */
static void test_exit_at_the_iret_keeps_nmis_blocked(void)
{
	struct guest_nmi nmi;

	inject_one(&nmi);
	guest_nmi_iret_exit(&nmi, HANDLER_IRET);
	guest_nmi_raise(&nmi);			/* the NMI held during that exit */
	guest_nmi_exit(&nmi, HANDLER_IRET);	/* taken at VMRUN: RIP still at the IRET */
	EXPECT(nmi.state == GUEST_NMI_OPENING);
	EXPECT(!guest_nmi_inject(&nmi, true));
	guest_nmi_exit(&nmi, HANDLER_IRET);	/* and again */
	EXPECT(!guest_nmi_inject(&nmi, true));
	EXPECT(nmi.pending);
	guest_nmi_exit(&nmi, INTERRUPTED);	/* the IRET ran: back where the NMI came in */
	EXPECT(nmi.state == GUEST_NMI_OPEN);
	EXPECT(guest_nmi_inject(&nmi, true));
	EXPECT(nmi.state == GUEST_NMI_BLOCKED);
}

static void test_injection_slot_and_drop(void)
{
	struct guest_nmi nmi;

	guest_nmi_reset(&nmi);
	EXPECT(!guest_nmi_inject(&nmi, true));	/* nothing pending */
	guest_nmi_raise(&nmi);
	guest_nmi_raise(&nmi);			/* two that wait are one */
	EXPECT(!guest_nmi_inject(&nmi, false));	/* an interrupted event goes first */
	EXPECT(nmi.pending && nmi.state == GUEST_NMI_OPEN);
	EXPECT(guest_nmi_inject(&nmi, true));
	EXPECT(!nmi.pending);
	guest_nmi_iret_exit(&nmi, HANDLER_IRET);
	guest_nmi_exit(&nmi, INTERRUPTED);
	EXPECT(!guest_nmi_inject(&nmi, true));	/* the second was the same NMI */
	guest_nmi_raise(&nmi);
	guest_nmi_drop(&nmi);			/* a management NMI */
	EXPECT(!guest_nmi_inject(&nmi, true));
}

static void test_stray_iret_exit_and_reset(void)
{
	struct guest_nmi nmi;

	guest_nmi_reset(&nmi);
	guest_nmi_iret_exit(&nmi, HANDLER_IRET);	/* not in a handler: nothing changes */
	EXPECT(nmi.state == GUEST_NMI_OPEN);
	inject_one(&nmi);
	guest_nmi_raise(&nmi);
	guest_nmi_reset(&nmi);				/* INIT: open, nothing pending */
	EXPECT(nmi.state == GUEST_NMI_OPEN && !nmi.pending);
}

/* A waiting NMI goes in right after the IRET: the hypervisor single-steps it. */
static void test_single_step_over_the_iret(void)
{
	struct guest_nmi nmi;

	inject_one(&nmi);
	guest_nmi_iret_exit(&nmi, HANDLER_IRET);
	EXPECT(!guest_nmi_single_step(&nmi));	/* nothing waits: no step */
	guest_nmi_raise(&nmi);
	guest_nmi_exit(&nmi, HANDLER_IRET);	/* the NMI exit at the IRET */
	EXPECT(!guest_nmi_inject(&nmi, true));
	EXPECT(guest_nmi_single_step(&nmi));	/* set TF */
	EXPECT(!guest_nmi_single_step(&nmi));	/* once */
	EXPECT(!guest_nmi_single_step_trap(&nmi, false));	/* a #DB without BS: the guest's */
	guest_nmi_exit(&nmi, INTERRUPTED);	/* the trap's exit, after the IRET */
	EXPECT(guest_nmi_single_step_trap(&nmi, true));	/* ours: dropped */
	EXPECT(!guest_nmi_single_step_trap(&nmi, true));	/* the next is the guest's */
	EXPECT(guest_nmi_inject(&nmi, true));
}

static void test_no_step_outside_the_iret(void)
{
	struct guest_nmi nmi;

	inject_one(&nmi);
	guest_nmi_raise(&nmi);
	EXPECT(!guest_nmi_single_step(&nmi));	/* still in the handler: no IRET exit yet */
	guest_nmi_reset(&nmi);
	guest_nmi_raise(&nmi);
	EXPECT(!guest_nmi_single_step(&nmi));	/* open: it is injected instead */
	EXPECT(!guest_nmi_single_step_trap(&nmi, true));	/* the guest's own single step */
	inject_one(&nmi);
	guest_nmi_iret_exit(&nmi, HANDLER_IRET);
	guest_nmi_raise(&nmi);
	EXPECT(guest_nmi_single_step(&nmi));
	guest_nmi_reset(&nmi);			/* INIT drops the step too */
	EXPECT(!guest_nmi_single_step_trap(&nmi, true));
}

int main(void)
{
	test_blocked_until_iret();
	test_exit_at_the_iret_keeps_nmis_blocked();
	test_injection_slot_and_drop();
	test_stray_iret_exit_and_reset();
	test_single_step_over_the_iret();
	test_no_step_outside_the_iret();
	printf("guest NMI: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
