// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The hypervisor's number of one of the cell's CPUs. The hypervisor tells a
 * cell the state of its own CPUs only, so the cell's CPUs are the numbers
 * it answers for; the cell's CPU i is the i-th of them in ascending order,
 * the order of the cell configuration's CPU set.
 */
#include <inmate/inmate.h>
#include <inmate/hypervisor.h>
#include <warden/comm_region.h>

int64_t hypervisor_cpu_number(unsigned int cell_cpu)
{
	unsigned int n, found = 0;
	int64_t state;

	for (n = 0; n < WARDEN_COMM_MAX_CPUS; n++) {
		state = hypervisor_cpu_state(n);
		if (state == -SDK_ENOTSUP)
			return state;
		if (state >= 0 && found++ == cell_cpu)
			return n;
	}
	return -SDK_ENOENT;
}
