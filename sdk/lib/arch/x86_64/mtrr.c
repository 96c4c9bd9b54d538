// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Memory types at boot. With MTRR_DEF_TYPE.E clear all memory is uncached
 * (Intel SDM vol. 3A, 11.11.2.1); a cell starts that way under Jailhouse,
 * which keeps it uncached until the inmate sets E. The SDK then sets E with
 * write-back as the default type: device memory stays uncached through the
 * page tables (PCD for 2-4 GiB, pagetable.S), which win over the MTRRs for
 * UC. Where E is already set (firmware did it, bare boot) the SDK writes
 * nothing: a hypervisor may trap the write.
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"

#define CPUID1_EDX_MTRR		(1u << 12)

void mtrr_enable_at_boot(void)
{
	uint64_t def_type;

	if (!(cpuid(1, 0).edx & CPUID1_EDX_MTRR))
		return;
	def_type = rdmsr(MSR_MTRR_DEF_TYPE);
	if (def_type & MTRR_DEF_TYPE_ENABLE)
		return;
	wrmsr(MSR_MTRR_DEF_TYPE, (def_type & ~0xffull) | MTRR_DEF_TYPE_ENABLE | MTRR_TYPE_WB);
}
