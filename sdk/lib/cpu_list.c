// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The cell's CPU list when the comm region does not carry Warden's APIC ID
 * table (a Jailhouse-style hypervisor). Such a hypervisor starts every CPU
 * of the cell at the reset address; the ones that lose the race for the
 * boot CPU report their APIC IDs (entry.S) and halt. Pure: host-tested in
 * tests/sdk/boot_logic_test.c.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

/*
 * out[0] = the boot CPU, then the reported IDs in ascending order. When not
 * all num_cpus - 1 others reported (a hypervisor that starts only the
 * first CPU), the IDs are unknown: assume consecutive IDs from the boot
 * CPU's, as Jailhouse's own inmates do. Returns true if the list is the
 * reported one.
 */
bool cpu_list_build(uint32_t boot_apic_id, const uint32_t *reported, unsigned int count,
		    unsigned int num_cpus, uint32_t *out)
{
	unsigned int i, j;
	uint32_t id;

	out[0] = boot_apic_id;
	if (count + 1 != num_cpus) {
		for (i = 1; i < num_cpus; i++)
			out[i] = boot_apic_id + i;
		return false;
	}
	for (i = 0; i < count; i++) {	/* insertion sort: a few CPUs */
		id = reported[i];
		for (j = i + 1; j > 1 && out[j - 1] > id; j--)
			out[j] = out[j - 1];
		out[j] = id;
	}
	return true;
}
