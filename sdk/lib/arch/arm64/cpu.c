// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Ending the inmate: cell state, and bare PSCI SYSTEM_OFF (QEMU quits). */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

void inmate_exit(int code)
{
	exit_report();
	if (platform_is_bare())
		printk("warden-sdk: exit code %d\n", code);
	console_flush();
	irq_disable();
	comm_set_state(code ? WARDEN_CELL_FAILED : WARDEN_CELL_SHUT_DOWN);
	if (platform_is_bare())
		psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	cpu_halt_forever();
}
