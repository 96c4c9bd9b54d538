// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* platform_print()'s x86 lines: PM timer, TSC and APIC timer rates, MMCONFIG. */
#include <inmate/inmate.h>
#include "../../sdk_internal.h"

void arch_platform_print(void)
{
	printk("pm timer: port 0x%x, %u bits\n", platform_pm_timer_port(),
	       platform_pm_timer_32bit() ? 32 : 24);
	printk("tsc: %u kHz\n", platform_tsc_khz());
	printk("apic timer: %u kHz\n", platform_apic_khz());
	printk("mmconfig: 0x%llx\n", (unsigned long long)platform_mmconfig_base());
}
