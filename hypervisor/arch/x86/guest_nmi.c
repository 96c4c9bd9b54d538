// SPDX-License-Identifier: GPL-2.0-only
/* The guest's NMI blocking, as include/arch/guest_nmi.h describes it. */
#include <arch/guest_nmi.h>

void guest_nmi_reset(struct guest_nmi *nmi)
{
	nmi->state = GUEST_NMI_OPEN;
	nmi->pending = false;
	nmi->single_step = false;
	nmi->iret_rip = 0;
}

void guest_nmi_raise(struct guest_nmi *nmi)
{
	nmi->pending = true;
}

void guest_nmi_drop(struct guest_nmi *nmi)
{
	nmi->pending = false;
}

/*
 * An IRET that faults also moves RIP (to the fault's handler): the guest
 * then has left the NMI handler's return as it would on hardware.
 */
void guest_nmi_exit(struct guest_nmi *nmi, u64 rip)
{
	if (nmi->state == GUEST_NMI_OPENING && rip != nmi->iret_rip)
		nmi->state = GUEST_NMI_OPEN;
}

void guest_nmi_iret_exit(struct guest_nmi *nmi, u64 rip)
{
	if (nmi->state != GUEST_NMI_BLOCKED)
		return;
	nmi->state = GUEST_NMI_OPENING;
	nmi->iret_rip = rip;
}

bool guest_nmi_inject(struct guest_nmi *nmi, bool injection_slot_free)
{
	if (!nmi->pending || nmi->state != GUEST_NMI_OPEN || !injection_slot_free)
		return false;
	nmi->pending = false;
	nmi->state = GUEST_NMI_BLOCKED;
	return true;
}

bool guest_nmi_single_step(struct guest_nmi *nmi)
{
	if (nmi->state != GUEST_NMI_OPENING || !nmi->pending || nmi->single_step)
		return false;
	nmi->single_step = true;
	return true;
}

/*
 * An IRET that faults takes the hypervisor's TF into the fault's frame
 * instead: the step stays armed, and the trap after the fault handler's
 * own IRET is the one taken here. Only a guest whose NMI handler returns
 * to a bad frame gets there.
 */
bool guest_nmi_single_step_trap(struct guest_nmi *nmi, bool single_step_reported)
{
	if (!nmi->single_step || !single_step_reported)
		return false;
	nmi->single_step = false;
	return true;
}
