// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the L3 CAT rules (sdk/lib/arch/x86_64/cat_logic.c): what CPUID offers (QEMU:
 * nothing), the class count with CDP on, mask validity, and which MSRs hold a class's masks.
 */
#include <stdint.h>
#include <stdio.h>
#include "host_check.h"
#include <inmate/inmate.h>
#include <inmate/arch/cat.h>
#include <inmate/arch/x86.h>


int main(void)
{
	/* 11-bit masks, CDP supported, classes 0..15 */
	struct cpuid_result leaf10_1 = { .eax = 10, .ecx = 1u << 2, .edx = 15 };
	struct cat_info caps;

	expect(!cat_caps_from_cpuid(0xd, 1u << 15, 2, &leaf10_1, false, &caps),
	       "max leaf below 0x10: no CAT");
	expect(!cat_caps_from_cpuid(0x1f, 0, 2, &leaf10_1, false, &caps), "no PQE: no CAT");
	expect(!cat_caps_from_cpuid(0x1f, 1u << 15, 0, &leaf10_1, false, &caps),
	       "leaf 0x10 without L3 (QEMU): no CAT");
	expect(cat_caps_from_cpuid(0x1f, 1u << 15, 2, &leaf10_1, false, &caps) &&
	       caps.mask_bits == 11 && caps.num_classes == 16 && caps.cdp_supported && !caps.cdp,
	       "11-bit masks, 16 classes, CDP supported but off");
	expect(cat_mask_msr(&caps, 5, false) == 0xc95, "class 5's mask without CDP");
	expect(cat_check_request(&caps, 15, 0x7f0) == 0, "class 15, 7 ways");
	expect(cat_check_request(&caps, 16, 0x0f) == -SDK_ERANGE, "class 16 does not exist");
	expect(cat_check_request(&caps, 1, 0) == -SDK_EINVAL, "empty mask");
	expect(cat_check_request(&caps, 1, 0x303) == -SDK_EINVAL, "mask with a gap");
	expect(cat_check_request(&caps, 1, 0x800) == -SDK_EINVAL, "bit 11 of an 11-bit mask");
	expect(cat_check_request(&caps, 1, 0x400) == 0, "bit 10 alone");
	cat_caps_from_cpuid(0x1f, 1u << 15, 2, &leaf10_1, true, &caps);
	expect(caps.cdp && caps.num_classes == 8, "CDP on: half the classes");
	expect(cat_check_request(&caps, 8, 0x0f) == -SDK_ERANGE, "class 8 with CDP on");
	expect(cat_mask_msr(&caps, 3, false) == 0xc96 && cat_mask_msr(&caps, 3, true) == 0xc97,
	       "CDP: class 3's data mask at 0xc96, code mask at 0xc97");
	expect(cat_pqr_assoc(0x00000005000000aaull, 3) == 0x00000003000000aaull,
	       "PQR_ASSOC: class in 63:32, RMID kept");
	return check_summary("cat_logic_test");
}
