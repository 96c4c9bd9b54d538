// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/arch/x86/apic_logical.c: which CPU a logical
 * destination names, as root's IPI filter and IOAPIC check compute it.
 */
#include <stdio.h>
#include <arch/apic_logical.h>

static int failures, checks;

#define EXPECT(cond) do { checks++; if (!(cond)) { \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

#define FLAT	0xffffffffU
#define CLUSTER	0x0fffffffU

static void test_xapic_flat(void)
{
	/* Linux's flat model: CPU n has bit n; a destination names a set. */
	EXPECT(xapic_logical_match(0x08000000, FLAT, 0x08));
	EXPECT(xapic_logical_match(0x08000000, FLAT, 0x0f));
	EXPECT(xapic_logical_match(0x08000000, FLAT, 0xff));
	EXPECT(!xapic_logical_match(0x08000000, FLAT, 0x07));
	EXPECT(!xapic_logical_match(0x00000000, FLAT, 0xff));	/* no ID yet */
	/* Only the destination's low 8 bits count (IOAPIC and ICR fields). */
	EXPECT(!xapic_logical_match(0x01000000, FLAT, 0x100));
}

static void test_xapic_cluster(void)
{
	/* Cluster 2, CPU bit 1: 0x22. */
	EXPECT(xapic_logical_match(0x22000000, CLUSTER, 0x22));
	EXPECT(xapic_logical_match(0x22000000, CLUSTER, 0x2f));
	EXPECT(xapic_logical_match(0x22000000, CLUSTER, 0xf2));	/* every cluster */
	EXPECT(!xapic_logical_match(0x22000000, CLUSTER, 0x12));	/* other cluster */
	EXPECT(!xapic_logical_match(0x22000000, CLUSTER, 0x21));	/* other CPU */
	/* The same LDR read as flat would match 0x02: the DFR decides. */
	EXPECT(xapic_logical_match(0x22000000, FLAT, 0x02));
	EXPECT(!xapic_logical_match(0x22000000, CLUSTER, 0x02));
}

static void test_x2apic(void)
{
	EXPECT(x2apic_logical_id(3) == 0x8);
	EXPECT(x2apic_logical_id(0x15) == 0x10020);
	EXPECT(x2apic_logical_match(3, 0x8));
	EXPECT(x2apic_logical_match(3, 0xffff0008));	/* every cluster */
	EXPECT(x2apic_logical_match(3, 0xffffffff));	/* broadcast */
	EXPECT(!x2apic_logical_match(3, 0x10008));	/* cluster 1 */
	EXPECT(!x2apic_logical_match(3, 0x7));
	EXPECT(x2apic_logical_match(0x15, 0x10020));
	EXPECT(!x2apic_logical_match(0x15, 0x20));	/* an 8-bit mask names cluster 0 only */
}

int main(void)
{
	test_xapic_flat();
	test_xapic_cluster();
	test_x2apic();
	printf("%d checks, %d failures\n", checks, failures);
	return failures != 0;
}
