/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What hardware accepts or does where the hypervisor intercepts: MSR
 * writes and denied port reads. Pure rules, no register access, so that
 * they are unit-tested on the host (tests/hypervisor/test_intercept_rules.c).
 * An MSR rule that says no means #GP for the guest, as hardware would raise.
 */
#ifndef WARDEN_ARCH_INTERCEPT_RULES_H
#define WARDEN_ARCH_INTERCEPT_RULES_H

#include <warden/types.h>

/* EFER bits, AMD APM vol. 2, 3.1.7. */
#define EFER_SCE		(1ULL << 0)
#define EFER_LME		(1ULL << 8)
#define EFER_LMA		(1ULL << 10)
#define EFER_NXE		(1ULL << 11)
#define EFER_SVME		(1ULL << 12)
#define EFER_FFXSR		(1ULL << 14)
#define EFER_TCE		(1ULL << 15)

/* IA32_APIC_BASE, APM vol. 2, 16.3.1; x2APIC: Intel SDM vol. 3, 10.12.1. */
#define APIC_BASE_BSP		(1ULL << 8)
#define APIC_BASE_EXTD		(1ULL << 10)
#define APIC_BASE_ENABLE	(1ULL << 11)
#define APIC_BASE_ADDRESS	0x000ffffffffff000ULL

#define CR0_PE			(1ULL << 0)
#define CR0_PG			(1ULL << 31)

/*
 * A guest's EFER write: supported is the mask of bits this CPU has
 * (SCE, LME, LMA, NXE and the optional ones). Returns the value to keep
 * (LMA is the CPU's, SVME stays hidden and is never accepted), or false for
 * #GP: reserved or unsupported bits, SVME, LME changed while paging is on.
 */
_Bool efer_write_allowed(__u64 current, __u64 value, __u64 cr0, __u64 supported,
			__u64 *result);

/*
 * A guest's IA32_APIC_BASE write, judged against the current value: the
 * legal mode changes of the x2APIC state machine (disabled <-> xAPIC ->
 * x2APIC -> disabled), no reserved bits (below bit 12 except BSP, EXTD,
 * EN; at or above max_physical_bits), and the base must stay where it is.
 * *result keeps the CPU's own BSP bit.
 */
_Bool apic_base_write_allowed(__u64 current, __u64 value, unsigned int max_physical_bits,
			     _Bool x2apic_supported, __u64 *result);

/* An x2APIC ICR value with no reserved bit set (bits 12-13, 16-17, 20-31). */
_Bool x2apic_icr_valid(__u64 value);

/*
 * The local vector table entries that carry a delivery mode, as x2APIC
 * MSRs (Intel SDM vol. 3, 10.12.1.2; the xAPIC offset is (msr - 0x800) x
 * 16): thermal, performance counters, LINT0, LINT1, error. The timer entry
 * (0x832) has no delivery mode.
 */
#define X2APIC_LVT_THERMAL	0x833
#define X2APIC_LVT_ERROR	0x837

static inline _Bool lvt_has_delivery_mode(__u32 msr)
{
	return msr >= X2APIC_LVT_THERMAL && msr <= X2APIC_LVT_ERROR;
}

/*
 * A non-root cell's write of such an LVT entry: only delivery mode fixed,
 * or the entry masked (a masked entry delivers nothing; unmasking it is
 * another write, checked again). SMI, NMI, INIT and ExtINT would act
 * beyond the cell: SMM is the platform's, and NMI and INIT are how the
 * hypervisor manages the cell's CPUs. x2apic: the write is a WRMSR, whose
 * reserved bits hardware refuses with #GP; the hypervisor writes the value
 * itself, so they are refused here too (APM vol. 2, 16.4: vector 7:0,
 * delivery mode 10:8, status 12, LINT polarity, remote IRR and trigger
 * mode 15:13, mask 16). False means #GP for the cell.
 */
_Bool lvt_write_allowed(__u32 msr, __u64 value, _Bool x2apic);

/* PAT: every entry one of UC, WC, WT, WP, WB, UC- (APM vol. 2, 7.8.1). */
_Bool pat_valid(__u64 value);

/* MTRR_DEF_TYPE: type UC/WC/WT/WP/WB, FE and E; nothing else (APM 7.7.1). */
_Bool mtrr_def_type_valid(__u64 value);

/* Variable and fixed MTRRs, PAT and MTRR_DEF_TYPE: 0x200-0x2ff. */
static inline _Bool msr_is_mtrr_range(__u32 msr)
{
	return msr >= 0x200 && msr <= 0x2ff;
}

/*
 * RAX after an IN of size bytes from a port nothing answers: all ones in
 * AL, AX or EAX; a 32-bit IN clears the upper half of RAX as every 32-bit
 * register write does (APM vol. 1, 3.1.2.3).
 */
static inline __u64 io_denied_in_value(__u64 rax, unsigned int size)
{
	if (size == 4)
		return 0xffffffffULL;
	if (size == 2)
		return (rax & ~0xffffULL) | 0xffff;
	return rax | 0xff;
}

#endif /* WARDEN_ARCH_INTERCEPT_RULES_H */
