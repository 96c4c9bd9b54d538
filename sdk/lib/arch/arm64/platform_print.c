// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* platform_print()'s ARM64 lines: the counter, the timer in use, the GICv3 and the PSCI conduit. */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

void arch_platform_print(void)
{
	const struct arm64_platform *p = &arm64_platform;

	printk("counter: %u kHz\n", platform_tsc_khz());
	printk("timer: %s, INTID %u\n", timer_hardware_name(), p->timer_ppi);
	printk("gic: v3, distributor 0x%llx, redistributors 0x%llx\n",
	       (unsigned long long)p->gicd_base, (unsigned long long)p->gicr_base);
	printk("psci: %s\n", p->psci_hvc ? "hvc" : "smc");
}
