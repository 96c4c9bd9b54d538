// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * L3 cache allocation detection (Intel SDM vol. 3B, 17.19.4): CPUID.7.0:
 * EBX[15] (PQE), CPUID.0x10.0:EBX[1] (L3 CAT), CPUID.0x10.1: EAX[4:0] =
 * mask length - 1, EDX[15:0] = highest class of service; the current class
 * is IA32_PQR_ASSOC[63:32], its mask IA32_L3_QOS_MASK_n.
 */
#include <inmate/inmate.h>
#include <inmate/arch/cat.h>
#include <inmate/arch/x86.h>

#define CPUID7_EBX_PQE		(1u << 15)
#define CPUID10_EBX_L3_CAT	(1u << 1)

int cat_detect(struct cat_info *info)
{
	struct cpuid_result leaf;
	uint32_t cell_mask;

	memset(info, 0, sizeof(*info));
	if (cpuid(0, 0).eax < 0x10 || !(cpuid(7, 0).ebx & CPUID7_EBX_PQE))
		return -SDK_ENOTSUP;
	if (!(cpuid(0x10, 0).ebx & CPUID10_EBX_L3_CAT))
		return -SDK_ENOTSUP;
	leaf = cpuid(0x10, 1);
	info->mask_bits = (leaf.eax & 0x1f) + 1;
	info->num_classes = (leaf.edx & 0xffff) + 1;
	/* A cell usually cannot read the MSRs (the hypervisor owns CAT):
	 * it reports the cell's ways in the comm region. */
	cell_mask = comm_region()->ext_magic == WARDEN_COMM_EXT_MAGIC ?
		    comm_region()->cat_capacity_mask : 0;
	if (cell_mask) {
		info->capacity_mask = cell_mask;
	} else {
		info->class_of_service = (unsigned int)(rdmsr(MSR_PQR_ASSOC) >> 32);
		info->capacity_mask = (uint32_t)rdmsr(MSR_L3_QOS_MASK_BASE +
						      info->class_of_service);
	}
	return 0;
}
