// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Sleeping until a counter value: the SDK's timer wake-up and WFI. */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

void (*test_wait_window_hook)(void);

/* The check and the WFI happen with interrupts masked; the wake-up is
 * taken right after (irq_restore of an enabled state, or a brief unmask). */
int arch_sleep_until_tsc(uint64_t deadline)
{
	unsigned long flags = irq_save();

	while (time_tsc() < deadline) {
		console_poll();
		timer_arm_wakeup(deadline);
		irq_disable();
		if (test_wait_window_hook)
			test_wait_window_hook();
		__asm__ volatile("dsb sy; wfi" ::: "memory");
		irq_enable();
		irq_disable();
	}
	irq_restore(flags);
	return 0;
}
