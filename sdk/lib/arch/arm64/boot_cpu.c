// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * What the boot CPU does after its platform is known, bare (setup.c, from
 * the device tree) and in a cell (cell.c, from the comm region) alike:
 * console, GIC, timer and clock, the banner, inmate_main(); and the counter
 * and CPU ID both boots read.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"
#include "../../sdk_internal.h"

uint64_t time_tsc(void)
{
	isb();	/* no read ahead of earlier instructions (ARM DDI 0487 D12.1.2) */
	return read_sysreg(cntvct_el0);
}

uint32_t arch_boot_apic_id(void)
{
	return (uint32_t)(read_sysreg(mpidr_el1) & 0xffffff);
}

/*
 * mode: "bare" or "cell" for the banner; own_distributor: set up the GIC
 * distributor too (bare: the machine is the inmate's; in a cell the
 * distributor is the platform's, configured by the hypervisor or root
 * cell, and a cell sets up only its CPU's redistributor and CPU interface).
 */
void arm64_boot_cpu_run(const char *mode, bool own_distributor, uint32_t counter_khz)
{
	char name[48];

	pl011_init(arm64_platform.uart_base);
	snprintk(name, sizeof(name), "pl011:0x%llx", (unsigned long long)arm64_platform.uart_base);
	console_attach(true, false, name, "");
	if (own_distributor)
		gic_init_distributor();
	gic_init_cpu();
	timer_select();
	platform_set_clock(counter_khz, counter_khz);
	timer_cpu_init();
	if (!cmdline_get_bool("quiet", false))
		printk("warden-sdk: %s boot (arm64), %u CPU(s), counter %u kHz, GICv3, console %s\n",
		       mode, platform_num_cpus(), platform_tsc_khz(), console_name());
	inmate_main();
	inmate_exit(0);
}
