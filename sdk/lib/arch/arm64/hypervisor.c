// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The hypervisor interface on ARM64: no Warden ARM64 hypervisor exists yet
 * (issue 15 is the SDK part), so these say so instead of trapping.
 */
#include <inmate/inmate.h>

bool hypervisor_present(void)
{
	return false;
}

int64_t hypervisor_cpu_state(unsigned int hv_cpu)
{
	return -SDK_ENOTSUP;
}

int64_t hypervisor_cpu_exits(unsigned int hv_cpu, unsigned int reason)
{
	return -SDK_ENOTSUP;
}

/* console.c: no debug-console hypercall without a hypervisor */
bool hypercall_debug_putc(char c)
{
	return false;
}
