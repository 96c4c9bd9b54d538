// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Hypercalls: the instruction is VMMCALL on AMD and VMCALL on Intel (code
 * in RAX, arguments in RDI and RSI, result in RAX); without a hypervisor
 * either raises #UD. The debug console (WARDEN_HC_DEBUG_CONSOLE_PUTC, 8, as
 * in Jailhouse) is only used when the comm region permits it; the CPU
 * information calls (inmate/hypervisor.h) only when Warden's CPUID
 * signature is there.
 */
#include <inmate/inmate.h>
#include <inmate/hypervisor.h>
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

static long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	long result;

	if (use_vmcall)
		asm volatile("vmcall" : "=a"(result) : "a"(code), "D"(arg1), "S"(arg2) : "memory");
	else
		asm volatile("vmmcall" : "=a"(result) : "a"(code), "D"(arg1), "S"(arg2) : "memory");
	return result;
}

bool hypercall_debug_putc(char c)
{
	if (!(comm_region()->flags & WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED))
		return false;
	hypercall(WARDEN_HC_DEBUG_CONSOLE_PUTC, (unsigned char)c, 0);
	return true;
}

bool hypervisor_present(void)
{
	struct cpuid_result sig;

	if (!(cpuid(1, 0).ecx & (1u << 31)))	/* CPUID.1:ECX[31]: under a hypervisor */
		return false;
	sig = cpuid(WARDEN_CPUID_SIGNATURE, 0);
	return sig.ebx == WARDEN_CPUID_SIGNATURE_EBX && sig.ecx == WARDEN_CPUID_SIGNATURE_ECX &&
	       sig.edx == WARDEN_CPUID_SIGNATURE_EDX;
}

static int64_t cpu_info(unsigned int hv_cpu, unsigned long what)
{
	if (!hypervisor_present())
		return -SDK_ENOTSUP;
	return hypercall(WARDEN_HC_CPU_GET_INFO, hv_cpu, what);
}

int64_t hypervisor_cpu_state(unsigned int hv_cpu)
{
	return cpu_info(hv_cpu, WARDEN_CPU_INFO_STATE);
}

int64_t hypervisor_cpu_exits(unsigned int hv_cpu, unsigned int reason)
{
	if (reason >= WARDEN_EXIT_COUNT)
		return -SDK_EINVAL;
	return cpu_info(hv_cpu, WARDEN_CPU_INFO_EXITS_BASE + reason);
}
