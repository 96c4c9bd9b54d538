// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The CPUs' stacks as inmate/smp.h reports them: CPU 0's from the linker
 * script (add_inmate's STACK_SIZE), the others' SMP_STACK_SIZE ones that
 * the arch's smp_start_cpu() painted and handed out; and the exit report.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

extern uint8_t __boot_stack_bottom[], __boot_stack_top[];

/* The boot CPU's stack below what it uses right now. */
void smp_paint_boot_stack(void)
{
	stack_paint(__boot_stack_bottom, (uint8_t *)__builtin_frame_address(0) - 256);
}

size_t smp_stack_size(unsigned int cpu)
{
	if (cpu == 0)
		return (size_t)(__boot_stack_top - __boot_stack_bottom);
	return cpu < SMP_MAX_CPUS ? SMP_STACK_SIZE : 0;
}

size_t smp_stack_high_water(unsigned int cpu)
{
	uint8_t *stack;

	if (cpu == 0)
		return stack_high_water(__boot_stack_bottom, __boot_stack_top);
	stack = cpu < SMP_MAX_CPUS ? arch_started_stack(cpu) : NULL;
	return stack ? stack_high_water(stack, stack + SMP_STACK_SIZE) : 0;
}

/* inmate_exit(): how deep each CPU's stack went, and lost console output. */
void exit_report(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < platform_num_cpus() && cpu < SMP_MAX_CPUS; cpu++)
		if (smp_stack_high_water(cpu))
			printk("warden-sdk: CPU %u stack: %zu of %zu bytes used at most\n", cpu,
			       smp_stack_high_water(cpu), smp_stack_size(cpu));
	if (console_dropped())
		printk("warden-sdk: console ring was full: %lu characters dropped\n",
		       console_dropped());
}
