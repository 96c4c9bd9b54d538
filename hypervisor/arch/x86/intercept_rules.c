// SPDX-License-Identifier: GPL-2.0-only
/* The rules of include/arch/intercept_rules.h: what hardware would accept. */
#include <arch/intercept_rules.h>

#define APIC_BASE_LOW_RESERVED	0x2ffULL	/* bits 0-7 and 9 */

_Bool efer_write_allowed(__u64 current, __u64 value, __u64 cr0, __u64 supported,
			__u64 *result)
{
	if (value & EFER_SVME)
		return 0;
	if (value & ~(supported | EFER_LMA) & ~EFER_SVME)
		return 0;
	/* LME may not change while paging is on (APM 14.6.1). */
	if ((cr0 & CR0_PG) && ((value ^ current) & EFER_LME))
		return 0;
	*result = (value & ~EFER_LMA) | (current & EFER_LMA);
	return 1;
}

enum apic_mode { APIC_DISABLED, APIC_INVALID, APIC_XAPIC, APIC_X2APIC };

static enum apic_mode apic_mode(__u64 base)
{
	_Bool enabled = base & APIC_BASE_ENABLE, extended = base & APIC_BASE_EXTD;

	if (!enabled)
		return extended ? APIC_INVALID : APIC_DISABLED;
	return extended ? APIC_X2APIC : APIC_XAPIC;
}

_Bool apic_base_write_allowed(__u64 current, __u64 value, unsigned int max_physical_bits,
			     _Bool x2apic_supported, __u64 *result)
{
	enum apic_mode from = apic_mode(current), to = apic_mode(value);
	__u64 reserved_high = max_physical_bits >= 64 ? 0 : ~0ULL << max_physical_bits;

	if (value & ((APIC_BASE_LOW_RESERVED) | reserved_high))
		return 0;
	if ((value ^ current) & APIC_BASE_ADDRESS)
		return 0;			/* the base may not move */
	if (to == APIC_INVALID || (to == APIC_X2APIC && !x2apic_supported))
		return 0;
	/* Intel SDM vol. 3, 10.12.5: x2APIC -> xAPIC and disabled -> x2APIC are illegal. */
	if ((from == APIC_X2APIC && to == APIC_XAPIC) ||
	    (from == APIC_DISABLED && to == APIC_X2APIC))
		return 0;
	*result = (value & ~APIC_BASE_BSP) | (current & APIC_BASE_BSP);
	return 1;
}

_Bool x2apic_icr_valid(__u64 value)
{
	return !(value & 0xfff33000ULL);
}

#define LVT_DELIVERY_MODE(v)	(((v) >> 8) & 7)
#define LVT_MASKED		(1ULL << 16)
#define LVT_LINT_BITS		0x1f7ffULL	/* LINT0, LINT1: polarity, IRR, trigger */
#define LVT_BITS		0x117ffULL	/* the others */

_Bool lvt_write_allowed(__u32 msr, __u64 value, _Bool x2apic)
{
	__u64 defined = msr == 0x835 || msr == 0x836 ? LVT_LINT_BITS : LVT_BITS;

	if (!lvt_has_delivery_mode(msr))
		return 1;
	if (x2apic && (value & ~defined))
		return 0;
	return (value & LVT_MASKED) || LVT_DELIVERY_MODE(value) == 0;
}

static _Bool memory_type_valid(unsigned int type)
{
	return type == 0 || type == 1 || (type >= 4 && type <= 6);
}

_Bool pat_valid(__u64 value)
{
	unsigned int n, type;

	for (n = 0; n < 8; n++) {
		type = (value >> (8 * n)) & 0xff;
		if (!memory_type_valid(type) && type != 7)	/* 7: UC- */
			return 0;
	}
	return 1;
}

_Bool mtrr_def_type_valid(__u64 value)
{
	return !(value & ~0xcffULL) && memory_type_valid(value & 0xff);
}
