// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * L3 cache allocation (Intel SDM vol. 3B, 17.19): what CPUID says the CPU
 * offers, whether a class and capacity bitmask are valid, and which MSRs
 * hold a class's masks. Pure, host-tested (tests/sdk/cat_logic_test.c);
 * cat.c does the CPUID and MSR accesses.
 *
 * CPUID.7.0:EBX[15] PQE; CPUID.0x10.0:EBX[1] L3 CAT; CPUID.0x10.1: EAX[4:0]
 * mask length - 1, ECX[2] CDP supported, EDX[15:0] highest class. With CDP
 * on (IA32_L3_QOS_CFG[0]) every class has two masks, data at
 * IA32_L3_QOS_MASK_(2n) and code at _(2n+1), and there are half as many
 * classes (17.19.6.2). A mask must be non-zero and its set bits contiguous
 * (17.19.4.2).
 */
#include <inmate/inmate.h>
#include <inmate/arch/cat.h>
#include <inmate/arch/x86.h>

#define CPUID7_EBX_PQE		(1u << 15)
#define CPUID10_EBX_L3_CAT	(1u << 1)
#define CPUID10_1_ECX_CDP	(1u << 2)

bool cat_caps_from_cpuid(uint32_t max_leaf, uint32_t leaf7_ebx, uint32_t leaf10_ebx,
			 const struct cpuid_result *leaf10_1, bool cdp_on, struct cat_info *info)
{
	memset(info, 0, sizeof(*info));
	if (max_leaf < 0x10 || !(leaf7_ebx & CPUID7_EBX_PQE) || !(leaf10_ebx & CPUID10_EBX_L3_CAT))
		return false;
	info->mask_bits = (leaf10_1->eax & 0x1f) + 1;
	info->cdp_supported = leaf10_1->ecx & CPUID10_1_ECX_CDP;
	info->cdp = info->cdp_supported && cdp_on;
	info->num_classes = (leaf10_1->edx & 0xffff) + 1;
	if (info->cdp)
		info->num_classes /= 2;
	return true;
}

int cat_check_request(const struct cat_info *caps, unsigned int cos, uint32_t mask)
{
	uint32_t low;

	if (cos >= caps->num_classes)
		return -SDK_ERANGE;
	if (mask == 0 || (caps->mask_bits < 32 && (mask >> caps->mask_bits)))
		return -SDK_EINVAL;
	low = mask & -mask;		/* lowest set bit */
	if ((mask + low) & mask)	/* a gap: adding the lowest bit leaves bits set */
		return -SDK_EINVAL;
	return 0;
}

unsigned int cat_mask_msr(const struct cat_info *caps, unsigned int cos, bool code)
{
	if (!caps->cdp)
		return MSR_L3_QOS_MASK_BASE + cos;
	return MSR_L3_QOS_MASK_BASE + 2 * cos + (code ? 1 : 0);
}

/* IA32_PQR_ASSOC: class in bits 63:32, the RMID in 9:0 is kept. */
uint64_t cat_pqr_assoc(uint64_t current, unsigned int cos)
{
	return (current & 0xffffffffull) | ((uint64_t)cos << 32);
}
