// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/arch/x86/guest_paging.c and guest_memory.c:
 * guest page-table walks in every paging mode, large pages, faults, and
 * tables refused outside the cell's RAM (fixture: guest_fixture.c).
 */
#include <string.h>
#include "guest_fixture.h"

static void test_paging_off(void)
{
	struct guest_paging paging = paging_for(&mode_32bit, 0);
	struct guest_fault fault;
	__u64 gpa;

	reset();
	paging.cr0 = CR0_PE;
	EXPECT(!translate(&paging, 0x12345, GUEST_ACCESS_FETCH, &gpa, &fault) && gpa == 0x12345);
	EXPECT(!translate(&paging, 0x100001234ULL, 0, &gpa, &fault) && gpa == 0x1234);
}

static void test_32bit(void)
{
	struct guest_paging paging;
	struct guest_fault fault;
	__u64 root, page, table, gpa;

	reset();
	root = guest_page();
	page = guest_page();
	paging = paging_for(&mode_32bit, root | 0x18);	/* PWT/PCD are not address bits */
	map(&mode_32bit, root, 0x00403000, page, 1, RW | US);
	EXPECT(!translate(&paging, 0x00403123, 0, &gpa, &fault) && gpa == (page | 0x123));
	/* A 4 MiB page, and PSE-40: PDE bits 20:13 are address bits 39:32. */
	map(&mode_32bit, root, 0x00800000, 0x00400000, 2, RW);
	EXPECT(!translate(&paging, 0x00812345, 0, &gpa, &fault) && gpa == 0x00412345);
	map(&mode_32bit, root, 0x00c00000, 0x00400000 | (0x81ULL << 13), 2, RW);
	EXPECT(!translate(&paging, 0x00c00010, 0, &gpa, &fault) && gpa == 0x8100400010ULL);
	/* Bit 21 is reserved; so are address bits the CPU lacks. */
	map(&mode_32bit, root, 0x01000000, 0x00400000 | (1ULL << 21), 2, RW);
	expect_fault("32-bit PDE bit 21", translate(&paging, 0x01000000, 0, &gpa, &fault),
		     &fault, GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, 0x01000000);
	paging.phys_bits = 36;
	expect_fault("32-bit PDE address bit 39", translate(&paging, 0x00c00010, 0, &gpa, &fault),
		     &fault, GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, 0x00c00010);
	/* Without CR4.PSE the PS bit is ignored: the PDE points to a table. */
	table = guest_page();
	put_entry(entry_slot(&mode_32bit, root, 0x01400000, 2), table | P | RW | US | PS, 4);
	put_entry(table + 5 * 4, page | P, 4);
	paging.phys_bits = 40;
	EXPECT(!translate(&paging, 0x01405008, 0, &gpa, &fault) &&
	       gpa == (((table >> 13) & 0xff) << 32 | 0x5008));	/* with PSE: 4 MiB */
	paging.cr4 = 0;
	EXPECT(!translate(&paging, 0x01405008, 0, &gpa, &fault) && gpa == (page | 8));
}

static void test_pae(void)
{
	struct guest_paging paging;
	struct guest_fault fault;
	__u64 root, page, gpa, slot;

	reset();
	root = guest_page() + 0x60;	/* the PDPT is 32-byte aligned, not page aligned */
	page = guest_page();
	paging = paging_for(&mode_pae, root | 0x8);
	map(&mode_pae, root, 0xc0001000, page, 1, RW);
	EXPECT(!translate(&paging, 0xc0001234, 0, &gpa, &fault) && gpa == (page | 0x234));
	EXPECT(!translate(&paging, 0x1c0001234ULL, 0, &gpa, &fault) && gpa == (page | 0x234));
	map(&mode_pae, root, 0x40200000, 0x00600000, 2, RW);
	EXPECT(!translate(&paging, 0x402abcde, 0, &gpa, &fault) && gpa == 0x006abcde);
	/* A PDPTE has no R/W, U/S or NX: those bits are reserved (5.3.3). */
	slot = entry_slot(&mode_pae, root, 0xc0001000, 3);
	put_entry(slot, get_entry(slot, 8) | RW, 8);
	expect_fault("PAE PDPTE R/W", translate(&paging, 0xc0001234, 0, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, 0xc0001234);
	put_entry(slot, (get_entry(slot, 8) & ~RW) | NX, 8);
	expect_fault("PAE PDPTE NX", translate(&paging, 0xc0001234, 0, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, 0xc0001234);
}

static void test_long(const struct mode *m)
{
	struct guest_paging paging;
	struct guest_fault fault;
	__u64 root, page, gpa;

	reset();
	root = guest_page();
	page = guest_page();
	paging = paging_for(m, root | 0x123);		/* bits 11:0: PCID */
	map(m, root, 0x00007f1234567000ULL, page, 1, RW | US);
	EXPECT(!translate(&paging, 0x00007f1234567abcULL, 0, &gpa, &fault) &&
	       gpa == (page | 0xabc));
	map(m, root, 0xffff800000200000ULL, 0x00a00000, 2, RW);
	EXPECT(!translate(&paging, 0xffff8000002fffffULL, 0, &gpa, &fault) && gpa == 0x00afffff);
	map(m, root, 0xffffffffc0000000ULL, 0x80000000, 3, RW);
	EXPECT(!translate(&paging, 0xffffffffc1234567ULL, 0, &gpa, &fault) && gpa == 0x81234567);
	/* Bits 55:48 select a PML5 entry with LA57 and must be a sign extension without. */
	if (m->levels == 5) {
		map(m, root, 0x00ff000000001000ULL, page, 1, RW);
		EXPECT(!translate(&paging, 0x00ff000000001008ULL, 0, &gpa, &fault) &&
		       gpa == (page | 8));
		EXPECT(translate(&paging, 0x0100000000000000ULL, 0, &gpa, &fault) &&
		       fault.kind == GUEST_FAULT_GENERAL);
	} else {
		EXPECT(translate(&paging, 0x00ff000000001008ULL, 0, &gpa, &fault) &&
		       fault.kind == GUEST_FAULT_GENERAL);
	}
}

/* Not present at each level, reserved bits, and the protection checks of the leaf. */
static void test_faults(const struct mode *m)
{
	const __u64 linear = 0x00401000;
	__u32 fetch = (m->efer & EFER_NXE) ? GUEST_ACCESS_FETCH : 0;
	struct guest_paging paging;
	struct guest_fault fault;
	__u64 root, slot, gpa;
	unsigned int level;

	for (level = m->levels; level >= 1; level--) {
		paging = fresh_tables(m, linear, RW | US, &root);
		slot = entry_slot(m, root, linear, level);
		put_entry(slot, get_entry(slot, m->entry_bytes) & ~P, m->entry_bytes);
		printf("%s: not present at level %u\n", m->name, level);
		expect_fault("not present", translate(&paging, linear + 4, GUEST_ACCESS_FETCH, &gpa,
						      &fault), &fault, GUEST_FAULT_PAGE, fetch,
			     linear + 4);
	}
	paging = fresh_tables(m, linear, 0, &root);	/* supervisor, read-only */
	expect_fault("user read of a supervisor page",
		     translate(&paging, linear, GUEST_ACCESS_USER, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_ACCESS_USER, linear);
	expect_fault("write to a read-only page with CR0.WP",
		     (paging.cr0 |= 0x10000, translate(&paging, linear, GUEST_ACCESS_WRITE, &gpa,
						       &fault)),
		     &fault, GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_ACCESS_WRITE, linear);
	paging.cr0 &= ~0x10000ULL;
	EXPECT(!translate(&paging, linear, GUEST_ACCESS_WRITE, &gpa, &fault));
	/* SMEP: no supervisor fetch from a user page. */
	map(m, root, linear, guest_page(), 1, US);
	EXPECT(!translate(&paging, linear, GUEST_ACCESS_FETCH, &gpa, &fault));
	paging.cr4 |= 1ULL << 20;
	expect_fault("SMEP", translate(&paging, linear, GUEST_ACCESS_FETCH, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_ACCESS_FETCH, linear);
	if (m->entry_bytes == 4)
		return;
	paging.cr4 &= ~(1ULL << 20);
	/* NX: a fetch fault with EFER.NXE, a reserved bit without. */
	slot = entry_slot(m, root, linear, 1);
	put_entry(slot, get_entry(slot, 8) | NX, 8);
	EXPECT(!translate(&paging, linear, 0, &gpa, &fault));
	expect_fault("NX", translate(&paging, linear, GUEST_ACCESS_FETCH, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_ACCESS_FETCH, linear);
	paging.efer &= ~EFER_NXE;
	expect_fault("NX without NXE", translate(&paging, linear, 0, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, linear);
	paging.efer |= EFER_NXE;
	/* An address bit above phys_bits (40), and bit 13 of a 2 MiB page. */
	put_entry(slot, (get_entry(slot, 8) & ~NX) | (1ULL << 45), 8);
	expect_fault("address bit 45", translate(&paging, linear, 0, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, linear);
	put_entry(slot, get_entry(slot, 8) & ~(1ULL << 45), 8);
	EXPECT(!translate(&paging, linear, 0, &gpa, &fault));
	map(m, root, 0x00800000, 0x00400000 | (1ULL << 13), 2, RW);
	expect_fault("2 MiB page bit 13", translate(&paging, 0x00800000, 0, &gpa, &fault), &fault,
		     GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, 0x00800000);
	if (m->levels >= 4) {
		slot = entry_slot(m, root, linear, 4);
		put_entry(slot, get_entry(slot, 8) | PS, 8);
		expect_fault("PS in a PML4 entry", translate(&paging, linear, 0, &gpa, &fault),
			     &fault, GUEST_FAULT_PAGE, GUEST_PF_PRESENT | GUEST_PF_RESERVED, linear);
	}
}

/* Places a table or page may not be read from, and the host page holding each. */
static const struct forbidden {
	const char *name;
	__u64 gpa, host;	/* host: ~0 when the nested tables do not map gpa */
	int decoy;		/* a copy of the real table is there to be misread */
} forbidden[] = {
	{ "device MMIO", GPA_DEVICE, HOST_BASE + DEVICE_PAGE * 0x1000ULL, 1 },
	{ "region without read", GPA_WRITE_ONLY, HOST_BASE + WRITE_ONLY_PAGE * 0x1000ULL, 1 },
	{ "page in no region", GPA_STRAY, HOST_BASE + STRAY_PAGE * 0x1000ULL, 1 },
	{ "hypervisor memory", GPA_HV, HOST_BASE + HV_PAGE * 0x1000ULL, 1 },
	{ "beyond the identity map", GPA_BEYOND, HOST_END, 0 },
	{ "not mapped (xAPIC)", GPA_UNMAPPED, ~0ULL, 0 },
};

static void copy_to_decoy(const struct forbidden *place, __u64 table_gpa)
{
	if (place->decoy)
		memcpy(host + (place->host - HOST_BASE), guest_ram(table_gpa & ~0xfffULL), 0x1000);
}

static void expect_refused(const char *what, int result, const struct guest_fault *fault,
			   const struct forbidden *place)
{
	expect_fault(what, result, fault, GUEST_FAULT_REFUSED, 0,
		     (fault->address & ~0xfffULL) == place->gpa ? fault->address : place->gpa);
	if ((memory.refused_host & ~0xfffULL) != (place->host & ~0xfffULL)) {
		printf("FAIL %s (%s): refused host %llx, expected %llx\n", what, place->name,
		       memory.refused_host, place->host);
		failures++;
	}
}

static void test_refusals(const struct mode *m)
{
	const __u64 linear = 0x00401000;
	const struct forbidden *place;
	struct guest_paging paging;
	struct guest_fault fault;
	struct guest_code code;
	__u64 root, slot, entry, gpa, next;
	unsigned int level;
	__u8 bytes[15];

	for (place = forbidden; place < forbidden + 6; place++) {
		for (level = m->levels; level >= 2; level--) {
			paging = fresh_tables(m, linear, RW | US, &root);
			slot = entry_slot(m, root, linear, level);
			entry = get_entry(slot, m->entry_bytes);
			next = entry & (m->entry_bytes == 4 ? 0xfffff000ULL : 0xffffffffff000ULL);
			copy_to_decoy(place, next);
			put_entry(slot, (entry & 0xfff) | place->gpa, m->entry_bytes);
			printf("%s: level %u table at %s\n", m->name, level - 1, place->name);
			expect_refused("table", translate(&paging, linear, 0, &gpa, &fault), &fault,
				       place);
		}
		paging = fresh_tables(m, linear, RW | US, &root);
		copy_to_decoy(place, root);
		paging.cr3 = place->gpa + (m->pae ? 0x20 : 0);
		expect_refused("CR3", translate(&paging, linear, 0, &gpa, &fault), &fault, place);
		/* The final page: the walk succeeds, reading the bytes does not. */
		paging.cr3 = root;
		map(m, root, linear, place->gpa, 1, RW | US);
		EXPECT(!translate(&paging, linear + 8, 0, &gpa, &fault) && gpa == place->gpa + 8);
		code = code_for(m, linear + 8);
		EXPECT(guest_fetch(&paging, &code, bytes, 15, &fault) == 0);
		expect_refused("final page", -1, &fault, place);
	}
}

int main(void)
{
	test_paging_off();
	test_32bit();
	test_pae();
	test_long(&mode_long4);
	test_long(&mode_long5);
	test_faults(&mode_32bit);
	test_faults(&mode_pae);
	test_faults(&mode_long4);
	test_faults(&mode_long5);
	test_refusals(&mode_32bit);
	test_refusals(&mode_pae);
	test_refusals(&mode_long4);
	test_refusals(&mode_long5);
	printf("%s\n", failures ? "guest paging: FAILED" : "guest paging: ok");
	return failures ? 1 : 0;
}
