// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test-only module parameters (tests/hypervisor/nmi.sh); both are off unless
 * set at insmod.
 * - test_nmi_window_spin: PAUSE loops the trampoline spends on the
 *   hypervisor's page tables with Linux's IDT loaded, so that injected NMIs
 *   land where they once could crash the machine.
 * - test_lint1_nmi: lets every CPU take NMIs from LINT1, where QEMU's
 *   monitor injects them; Linux leaves LINT1 masked on all but CPU 0.
 */
#include <linux/module.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include "warden.h"

unsigned long warden_test_nmi_window_spin;
module_param_named(test_nmi_window_spin, warden_test_nmi_window_spin, ulong, 0644);
MODULE_PARM_DESC(test_nmi_window_spin, "test only: widen the NMI windows of enable (PAUSE loops)");

static bool test_lint1_nmi;
module_param(test_lint1_nmi, bool, 0444);
MODULE_PARM_DESC(test_lint1_nmi, "test only: unmask LINT1 as NMI on every CPU at load");

static void unmask_lint1_nmi(void *unused)
{
	apic_write(APIC_LVT1, APIC_DM_NMI);
}

void warden_test_hooks_init(void)
{
	if (test_lint1_nmi)
		on_each_cpu(unmask_lint1_nmi, NULL, 1);
}
