// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The hypervisor's debug console: hypercall WARDEN_HC_DEBUG_CONSOLE_PUTC
 * (8, as in Jailhouse) with the character in the first argument. The
 * instruction is VMMCALL on AMD and VMCALL on Intel (code in RAX, first
 * argument in RDI); without a hypervisor either raises #UD, so it is only
 * used when the comm region permits it.
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include <warden/hypercall.h>
#include "arch_internal.h"

static bool use_vmcall;

void hypercall_detect(void)
{
	struct cpuid_result vendor = cpuid(0, 0);

	/* "GenuineIntel": EBX "Genu", EDX "ineI", ECX "ntel" */
	use_vmcall = vendor.ebx == 0x756e6547 && vendor.edx == 0x49656e69 &&
		     vendor.ecx == 0x6c65746e;
}

bool hypercall_debug_putc(char c)
{
	unsigned long result;

	if (!(comm_region()->flags & WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED))
		return false;
	if (use_vmcall)
		asm volatile("vmcall" : "=a"(result)
			     : "a"(WARDEN_HC_DEBUG_CONSOLE_PUTC), "D"((unsigned long)(unsigned char)c)
			     : "memory");
	else
		asm volatile("vmmcall" : "=a"(result)
			     : "a"(WARDEN_HC_DEBUG_CONSOLE_PUTC), "D"((unsigned long)(unsigned char)c)
			     : "memory");
	return true;
}
