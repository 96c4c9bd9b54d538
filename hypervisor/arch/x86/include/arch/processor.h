/* SPDX-License-Identifier: GPL-2.0-only */
/* Thin accessors for x86 registers, MSRs and ports. */
#ifndef WARDEN_ARCH_PROCESSOR_H
#define WARDEN_ARCH_PROCESSOR_H

#include <hv/types.h>
#include <arch/intercept_rules.h>

#define MSR_TSC			0x00000010
#define MSR_APIC_BASE		0x0000001b
#define MSR_TSC_ADJUST		0x0000003b
#define MSR_BIOS_UPDATE_TRIGGER	0x00000079	/* Intel's microcode loader */
#define MSR_SYSENTER_CS		0x00000174
#define MSR_SYSENTER_EIP	0x00000176
#define MSR_DEBUGCTL		0x000001d9
#define MSR_PAT			0x00000277
#define MSR_MTRR_DEF_TYPE	0x000002ff
#define MSR_TSC_DEADLINE	0x000006e0
#define MSR_X2APIC_FIRST	0x00000800
#define MSR_X2APIC_ICR		0x00000830
#define MSR_X2APIC_LAST		0x000008ff
#define MSR_EFER		0xc0000080
#define MSR_STAR		0xc0000081
#define MSR_SFMASK		0xc0000084
#define MSR_FS_BASE		0xc0000100
#define MSR_TSC_AUX		0xc0000103
#define MSR_SYSCFG		0xc0010010
#define MSR_HWCR		0xc0010015
#define MSR_PATCH_LOADER	0xc0010020	/* AMD's microcode loader */
#define MSR_SMM_ADDR		0xc0010112
#define MSR_SMM_MASK		0xc0010113
#define MSR_VM_CR		0xc0010114
#define MSR_VM_HSAVE_PA		0xc0010117
#define VM_CR_SVMDIS		(1ULL << 4)	/* 15.30.1 */
#define CR4_LA57		(1ULL << 12)
#define RFLAGS_RESERVED1	0x2ULL
#define RFLAGS_TF		(1ULL << 8)	/* trap flag: single step */
#define DR6_BS			(1ULL << 14)	/* the #DB was a single step */

struct cpuid_result {
	u32 eax, ebx, ecx, edx;
};

static inline struct cpuid_result cpuid(u32 leaf, u32 subleaf)
{
	struct cpuid_result r;

	asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "a"(leaf), "c"(subleaf));
	return r;
}

static inline u64 read_msr(u32 msr)
{
	u32 low, high;

	asm volatile("rdmsr" : "=a"(low), "=d"(high) : "c"(msr));
	return ((u64)high << 32) | low;
}

/*
 * RDMSR of an MSR the CPU may not have: a #GP is caught by the exception
 * handler through the fixup table (setup.c) and returns false.
 */
static inline bool read_msr_safe(u32 msr, u64 *value)
{
	u32 low = 0, high = 0, fault = 0;

	asm volatile("1: rdmsr\n"
		     "2:\n"
		     ".pushsection .fixup_table, \"a\"\n"
		     ".quad 1b, 3f\n"
		     ".popsection\n"
		     ".pushsection .text.fixup, \"ax\"\n"
		     "3: movl $1, %2\n"
		     "jmp 2b\n"
		     ".popsection"
		     : "+a"(low), "+d"(high), "+r"(fault) : "c"(msr));
	*value = ((u64)high << 32) | low;
	return !fault;
}

/*
 * One byte read or written where a page fault may come (test probes of the
 * hypervisor's own mappings): false when it faulted (the fixup table).
 */
static inline bool read_byte_safe(const volatile u8 *address, u8 *value)
{
	u32 fault = 0;
	u8 byte = 0;

	asm volatile("1: movb (%2), %0\n"
		     "2:\n"
		     ".pushsection .fixup_table, \"a\"\n"
		     ".quad 1b, 3f\n"
		     ".popsection\n"
		     ".pushsection .text.fixup, \"ax\"\n"
		     "3: movl $1, %1\n"
		     "jmp 2b\n"
		     ".popsection"
		     : "+q"(byte), "+r"(fault) : "r"(address) : "memory");
	*value = byte;
	return !fault;
}

static inline bool write_byte_safe(volatile u8 *address, u8 value)
{
	u32 fault = 0;

	asm volatile("1: movb %1, (%2)\n"
		     "2:\n"
		     ".pushsection .fixup_table, \"a\"\n"
		     ".quad 1b, 3f\n"
		     ".popsection\n"
		     ".pushsection .text.fixup, \"ax\"\n"
		     "3: movl $1, %0\n"
		     "jmp 2b\n"
		     ".popsection"
		     : "+r"(fault) : "q"(value), "r"(address) : "memory");
	return !fault;
}

static inline void write_msr(u32 msr, u64 value)
{
	asm volatile("wrmsr" : : "c"(msr), "a"((u32)value), "d"((u32)(value >> 32))
		     : "memory");
}

#define DEFINE_READ_CR(n) \
	static inline u64 read_cr##n(void) \
	{ \
		u64 v; \
		asm volatile("mov %%cr" #n ", %0" : "=r"(v)); \
		return v; \
	}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)

static inline u64 read_dr7(void)
{
	u64 v;

	asm volatile("mov %%dr7, %0" : "=r"(v));
	return v;
}

static inline u64 read_rflags(void)
{
	u64 v;

	asm volatile("pushfq; pop %0" : "=r"(v));
	return v;
}

static inline void outb(u16 port, u8 value)
{
	asm volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

#endif /* WARDEN_ARCH_PROCESSOR_H */
