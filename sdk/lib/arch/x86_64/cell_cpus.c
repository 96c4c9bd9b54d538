// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * A cell whose comm region has no APIC ID table (no Warden extension):
 * collect the APIC IDs the other CPUs reported when they entered at the
 * reset address with the boot CPU (entry.S), and hand the list to the
 * platform code. A hypervisor that starts only the first CPU sends none:
 * after CPU_REPORT_WAIT_NS the SDK falls back to consecutive IDs.
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include "arch_internal.h"
#include "boot_layout.h"
#include "../../sdk_internal.h"

#define CPU_REPORT_WAIT_NS	20000000ull	/* the others run ~200 instructions */
#define CPU_REPORT_POLL_NS	100000ull
#define NO_ID			0xffffffffu

/* Sleeping, not spinning, between looks: QEMU's TCG runs the CPUs of a
 * guest in turn and would let a spinning CPU run out its time slice (up to
 * 100 ms) before the others get to report. */
static unsigned int wait_for_reports(unsigned int others)
{
	uint64_t give_up = time_ns() + CPU_REPORT_WAIT_NS;
	unsigned int count;

	while ((count = __atomic_load_n(&boot_parked_count, __ATOMIC_ACQUIRE)) < others &&
	       time_ns() < give_up)
		sleep_until_ns(time_ns() + CPU_REPORT_POLL_NS);
	if (count > others)
		count = others;
	return count;
}

void cell_cpus_discover(void)
{
	unsigned int cpus = platform_num_cpus(), count, i;
	uint32_t reported[BOOT_MAX_PARKED], list[WARDEN_COMM_MAX_CPUS];
	uint64_t give_up;

	if (platform_has_cpu_table() || cpus < 2)
		return;
	if (cpus > WARDEN_COMM_MAX_CPUS)
		cpus = WARDEN_COMM_MAX_CPUS;
	count = wait_for_reports(cpus - 1);
	/* a CPU counts itself before it stores its ID */
	give_up = time_ns() + CPU_REPORT_WAIT_NS;
	for (i = 0; i < count; i++) {
		while ((reported[i] = __atomic_load_n(&boot_parked_apic_id[i], __ATOMIC_ACQUIRE)) ==
		       NO_ID && time_ns() < give_up)
			cpu_relax();
	}
	if (!cpu_list_build(apic_id(), reported, count, cpus, list) && count)
		printk("warden-sdk: %u of %u further CPUs entered at the reset address: assuming "
		       "consecutive APIC IDs\n", count, cpus - 1);
	platform_set_cpu_list(list, cpus);
}
