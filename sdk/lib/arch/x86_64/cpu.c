// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The TSC, and ending the inmate: cell state, or QEMU's isa-debug-exit device. */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include "../../sdk_internal.h"

#define ISA_DEBUG_EXIT_PORT 0xf4	/* docs/platform.md */

void inmate_exit(int code)
{
	exit_report();
	console_flush();
	irq_disable();
	comm_set_state(code ? WARDEN_CELL_FAILED : WARDEN_CELL_SHUT_DOWN);
	if (platform_is_bare())
		outl(ISA_DEBUG_EXIT_PORT, (uint32_t)code);
	/* still here: no exit device, or a cell (the hypervisor takes over) */
	cpu_halt_forever();
}

uint64_t time_tsc(void)
{
	return rdtsc();
}
