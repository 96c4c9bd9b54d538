// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Sleeping until a TSC deadline without a lost wake-up. The condition is
 * checked with interrupts off, and only STI;HLT re-enables them: a timer
 * interrupt that arrives after the check stays pending, and STI's one-
 * instruction delay (SDM vol. 2B, STI) lets HLT start before it is taken,
 * so it ends the HLT at once instead of being handled before it. With
 * interrupts on during the check (the old `while (!done) sti; hlt;`
 * idiom) the same interrupt is handled before the HLT, which then sleeps
 * until some later interrupt.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

void (*test_wait_window_hook)(void);

int arch_sleep_until_tsc(uint64_t deadline_tsc)
{
	struct percpu *cpu = this_percpu();
	unsigned long irq_state = irq_save();
	unsigned long armed_count = 0;
	bool armed = false;
	uint64_t now;
	int err = 0;

	while ((now = time_tsc()) < deadline_tsc) {
		/* Arm once; again only if the timer fired early (the APIC rate
		 * is calibrated, the TSC is the clock). Other interrupts just
		 * bring us back here. */
		if (!armed || cpu->sdk_vector_count != armed_count) {
			armed_count = cpu->sdk_vector_count;
			err = timer_arm_wakeup(deadline_tsc, now);
			if (err)
				break;
			armed = true;
		}
		console_poll();		/* idle: the UART may take more output */
		if (test_wait_window_hook)
			test_wait_window_hook();
		asm volatile("sti; hlt; cli" : : : "memory");
	}
	irq_restore(irq_state);
	return err;
}
