// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * PSCI calls (Arm DEN 0022) through SMC or HVC, as the device tree's
 * /psci "method" says, and the end of a bare run (SYSTEM_OFF).
 */
#include <inmate/inmate.h>
#include "arch_internal.h"

int64_t psci_call(uint64_t function, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = function;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	if (arm64_platform.psci_hvc)
		__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14",
				 "x15", "x16", "x17", "memory");
	else
		__asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14",
				 "x15", "x16", "x17", "memory");
	return (int64_t)x0;
}
