// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * L3 cache allocation: the CPUID and MSR side (cat_logic.c has the rules,
 * inmate/arch/cat.h the policy: a cell asks the comm region, bare mode asks
 * and programs the CPU).
 */
#include <inmate/inmate.h>
#include <inmate/arch/cat.h>
#include <inmate/arch/x86.h>

#define MSR_L3_QOS_CFG		0x00000c81
#define L3_QOS_CFG_CDP		(1ull << 0)

/* Bare only: CPUID, and whether CDP is on (an MSR read). */
static bool read_caps(struct cat_info *info)
{
	struct cpuid_result leaf10_1 = cpuid(0x10, 1);
	uint32_t max_leaf = cpuid(0, 0).eax;
	bool cdp_on = false;

	if (max_leaf < 0x10)
		return false;
	if (leaf10_1.ecx & (1u << 2))		/* CDP supported: is it on? */
		cdp_on = rdmsr(MSR_L3_QOS_CFG) & L3_QOS_CFG_CDP;
	return cat_caps_from_cpuid(max_leaf, cpuid(7, 0).ebx, cpuid(0x10, 0).ebx, &leaf10_1,
				   cdp_on, info);
}

/* In a cell: only what the hypervisor reported, no MSR. */
static int detect_in_cell(struct cat_info *info)
{
	const struct warden_comm_region *comm = comm_region();
	struct cpuid_result leaf10_1 = cpuid(0x10, 1);
	uint32_t max_leaf = cpuid(0, 0).eax;

	if (comm->ext_magic != WARDEN_COMM_EXT_MAGIC || comm->ext_revision < 2 ||
	    !comm->cat_capacity_mask)
		return -SDK_ENOTSUP;
	if (max_leaf >= 0x10)
		cat_caps_from_cpuid(max_leaf, cpuid(7, 0).ebx, cpuid(0x10, 0).ebx, &leaf10_1, false,
				    info);
	info->class_of_service = comm->cat_class_of_service;
	info->capacity_mask = comm->cat_capacity_mask;
	return 0;
}

int cat_detect(struct cat_info *info)
{
	memset(info, 0, sizeof(*info));
	if (!platform_is_bare())
		return detect_in_cell(info);
	if (!read_caps(info))
		return -SDK_ENOTSUP;
	info->class_of_service = (unsigned int)(rdmsr(MSR_PQR_ASSOC) >> 32);
	info->capacity_mask = (uint32_t)rdmsr(cat_mask_msr(info, info->class_of_service, false));
	return 0;
}

int cat_setup(unsigned int cos, uint32_t mask)
{
	struct cat_info caps;
	int err;

	if (!platform_is_bare() || !read_caps(&caps))
		return -SDK_ENOTSUP;
	err = cat_check_request(&caps, cos, mask);
	if (err)
		return err;
	wrmsr(cat_mask_msr(&caps, cos, false), mask);
	if (caps.cdp)
		wrmsr(cat_mask_msr(&caps, cos, true), mask);
	wrmsr(MSR_PQR_ASSOC, cat_pqr_assoc(rdmsr(MSR_PQR_ASSOC), cos));
	return 0;
}
