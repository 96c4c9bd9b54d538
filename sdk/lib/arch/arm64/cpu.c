// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Ending the inmate: cell state, and bare PSCI SYSTEM_OFF (QEMU quits). */
#include <inmate/inmate.h>
#include "arch_internal.h"

static void report_stacks(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < platform_num_cpus() && cpu < SMP_MAX_CPUS; cpu++)
		if (smp_stack_high_water(cpu))
			printk("warden-sdk: CPU %u stack: %zu of %zu bytes used at most\n", cpu,
			       smp_stack_high_water(cpu), smp_stack_size(cpu));
}

void inmate_exit(int code)
{
	report_stacks();
	if (console_dropped())
		printk("warden-sdk: console ring was full: %lu characters dropped\n",
		       console_dropped());
	if (platform_is_bare())
		printk("warden-sdk: exit code %d\n", code);
	console_flush();
	irq_disable();
	comm_set_state(code ? WARDEN_CELL_FAILED : WARDEN_CELL_SHUT_DOWN);
	if (platform_is_bare())
		psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	cpu_halt_forever();
}
