// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/arch/x86/intercept_rules.c: which guest MSR
 * writes hardware would take (EFER, APIC base, x2APIC ICR, PAT,
 * MTRR_DEF_TYPE), the LVT entries a cell may program and the value of a denied IN.
 */
#include <stdio.h>
#include <arch/intercept_rules.h>

static int failures, checks;

#define EXPECT(cond) do { checks++; if (!(cond)) { \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

#define SUPPORTED	(EFER_SCE | EFER_LME | EFER_NXE | EFER_FFXSR)
#define LONG_MODE	(EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE)

static void test_efer(void)
{
	__u64 result = 0;

	/* Linux rewrites its own value, LMA included: taken, LMA kept. */
	EXPECT(efer_write_allowed(LONG_MODE, LONG_MODE, CR0_PG, SUPPORTED, &result));
	EXPECT(result == LONG_MODE);
	/* Writing LMA does not set it: it is the CPU's. */
	EXPECT(efer_write_allowed(0, EFER_LMA | EFER_SCE, 0, SUPPORTED, &result));
	EXPECT(result == EFER_SCE);
	EXPECT(!efer_write_allowed(LONG_MODE, LONG_MODE | EFER_SVME, CR0_PG, SUPPORTED, &result));
	EXPECT(!efer_write_allowed(LONG_MODE, LONG_MODE | (1ULL << 1), CR0_PG, SUPPORTED,
				   &result));	/* reserved bit 1 */
	EXPECT(!efer_write_allowed(LONG_MODE, LONG_MODE | (1ULL << 40), CR0_PG, SUPPORTED,
				   &result));
	EXPECT(!efer_write_allowed(LONG_MODE, LONG_MODE | EFER_TCE, CR0_PG, SUPPORTED,
				   &result));	/* not offered by this CPU */
	/* LME may change with paging off, not on. */
	EXPECT(efer_write_allowed(0, EFER_LME, 0, SUPPORTED, &result));
	EXPECT(!efer_write_allowed(EFER_SCE, EFER_SCE | EFER_LME, CR0_PG, SUPPORTED, &result));
	EXPECT(!efer_write_allowed(LONG_MODE, LONG_MODE & ~EFER_LME, CR0_PG, SUPPORTED,
				   &result));
}

#define BASE		0xfee00000ULL
#define XAPIC		(BASE | APIC_BASE_ENABLE | APIC_BASE_BSP)
#define X2APIC		(XAPIC | APIC_BASE_EXTD)
#define DISABLED	(BASE | APIC_BASE_BSP)

static void test_apic_base(void)
{
	__u64 result = 0;

	EXPECT(apic_base_write_allowed(XAPIC, XAPIC, 48, 1, &result) && result == XAPIC);
	EXPECT(apic_base_write_allowed(XAPIC, X2APIC, 48, 1, &result) && result == X2APIC);
	EXPECT(!apic_base_write_allowed(XAPIC, X2APIC, 48, 0, &result));	/* no x2APIC */
	EXPECT(!apic_base_write_allowed(X2APIC, XAPIC, 48, 1, &result));	/* illegal */
	EXPECT(apic_base_write_allowed(X2APIC, DISABLED, 48, 1, &result));
	EXPECT(!apic_base_write_allowed(DISABLED, X2APIC, 48, 1, &result));	/* illegal */
	EXPECT(apic_base_write_allowed(DISABLED, XAPIC, 48, 1, &result));
	EXPECT(!apic_base_write_allowed(XAPIC, DISABLED | APIC_BASE_EXTD, 48, 1, &result));
	EXPECT(!apic_base_write_allowed(XAPIC, XAPIC + 0x1000, 48, 1, &result)); /* moved */
	EXPECT(!apic_base_write_allowed(XAPIC, XAPIC | (1ULL << 9), 48, 1, &result));
	EXPECT(!apic_base_write_allowed(XAPIC, XAPIC | 1, 48, 1, &result));
	EXPECT(!apic_base_write_allowed(XAPIC, XAPIC | (1ULL << 50), 48, 1, &result));
	/* The BSP bit is the CPU's: a write cannot take or give it. */
	EXPECT(apic_base_write_allowed(XAPIC, XAPIC & ~APIC_BASE_BSP, 48, 1, &result) &&
	       result == XAPIC);
	EXPECT(apic_base_write_allowed(XAPIC & ~APIC_BASE_BSP, XAPIC, 48, 1, &result) &&
	       result == (XAPIC & ~APIC_BASE_BSP));
}

static void test_icr_and_memory_types(void)
{
	EXPECT(x2apic_icr_valid(0x0000000300004030ULL));	/* fixed, vector 0x30, APIC 3 */
	EXPECT(x2apic_icr_valid(0x00000000000c4400ULL));	/* NMI, all excluding self */
	EXPECT(!x2apic_icr_valid(1ULL << 12));			/* delivery status */
	EXPECT(!x2apic_icr_valid(1ULL << 16));
	EXPECT(!x2apic_icr_valid(1ULL << 31));
	EXPECT(pat_valid(0x0007040600070406ULL));		/* Linux's PAT */
	EXPECT(!pat_valid(0x0007040600070402ULL));		/* type 2 is reserved */
	EXPECT(!pat_valid(0x0807040600070406ULL));
	EXPECT(mtrr_def_type_valid(0xc06));			/* E, FE, WB */
	EXPECT(mtrr_def_type_valid(0x800));			/* E, UC */
	EXPECT(!mtrr_def_type_valid(0xc07));			/* UC- is not an MTRR type */
	EXPECT(!mtrr_def_type_valid(0x1806));			/* reserved bit 12 */
	EXPECT(msr_is_mtrr_range(0x200) && msr_is_mtrr_range(0x2ff) &&
	       !msr_is_mtrr_range(0x300));
}

static void test_lvt(void)
{
	EXPECT(lvt_write_allowed(0x835, 0x00030, 1));		/* LINT0 fixed, vector 0x30 */
	EXPECT(lvt_write_allowed(0x835, 0x10700, 1));		/* ExtINT, but masked */
	EXPECT(lvt_write_allowed(0x836, 0x0a030, 1));		/* level, active low */
	EXPECT(!lvt_write_allowed(0x835, 0x00700, 1));		/* ExtINT */
	EXPECT(!lvt_write_allowed(0x836, 0x00400, 1));		/* NMI */
	EXPECT(!lvt_write_allowed(0x833, 0x00200, 1));		/* thermal SMI */
	EXPECT(!lvt_write_allowed(0x834, 0x00500, 1));		/* performance INIT */
	EXPECT(!lvt_write_allowed(0x837, 0x00400, 1));		/* error NMI */
	EXPECT(!lvt_write_allowed(0x834, 0x00400, 0));		/* xAPIC: same rule */
	EXPECT(lvt_write_allowed(0x837, 0x000fe, 1));
	EXPECT(!lvt_write_allowed(0x837, 0x080fe, 1));		/* no trigger mode there */
	EXPECT(lvt_write_allowed(0x837, 0x080fe, 0));		/* MMIO: hardware ignores it */
	EXPECT(!lvt_write_allowed(0x835, 1ULL << 17, 1));	/* reserved */
	EXPECT(!lvt_write_allowed(0x833, 1ULL << 32, 1));
	/* The timer has no delivery mode; other registers are not LVT entries. */
	EXPECT(lvt_write_allowed(0x832, 0x20030, 1));
	EXPECT(lvt_write_allowed(0x838, 0x400, 1));
	EXPECT(!lvt_has_delivery_mode(0x832) && lvt_has_delivery_mode(0x833) &&
	       lvt_has_delivery_mode(0x837) && !lvt_has_delivery_mode(0x838));
}

static void test_denied_in(void)
{
	EXPECT(io_denied_in_value(0x1234567800000000ULL, 4) == 0xffffffffULL);
	EXPECT(io_denied_in_value(0x1234567800000000ULL, 2) == 0x123456780000ffffULL);
	EXPECT(io_denied_in_value(0x1234567800000000ULL, 1) == 0x12345678000000ffULL);
}

int main(void)
{
	test_efer();
	test_apic_base();
	test_icr_and_memory_types();
	test_lvt();
	test_denied_in();
	printf("intercept rules: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
