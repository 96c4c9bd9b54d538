// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of guest_fetch() (hypervisor/arch/x86/guest_paging.c) and
 * guest_memory_read(): instruction bytes at CS:RIP in real, virtual-8086,
 * 16/32-bit protected, compatibility and 64-bit mode, and across pages
 * (fixture: guest_fixture.c).
 */
#include <string.h>
#include "guest_fixture.h"

static void test_memory_read(void)
{
	__u8 buffer[8];

	reset();
	memcpy(guest_ram(0x1ff8), "ABCDEFGH", 8);
	EXPECT(!guest_memory_read(&memory, 0x1ff8, buffer, 8) && !memcmp(buffer, "ABCDEFGH", 8));
	EXPECT(memory.refused_host == ~0ULL);
	EXPECT(guest_memory_read(&memory, 0x1ffc, buffer, 8) == -1);	/* crosses a page */
	EXPECT(guest_memory_read(&memory, 0x1ff8, buffer, 0) == -1);
	EXPECT(guest_memory_read(&memory, RAM_PAGES * 0x1000ULL, buffer, 1) == -1);
}

static const __u8 marker[15] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

static void expect_fetch(const char *what, const struct guest_paging *paging,
			 const struct guest_code *code, unsigned int bits, const __u8 *expected,
			 unsigned int count)
{
	struct guest_fault fault;
	__u8 bytes[15] = { 0 };
	unsigned int n = guest_fetch(paging, code, bytes, 15, &fault);

	if (guest_code_bits(paging, code) != bits || n != count || memcmp(bytes, expected, n)) {
		printf("FAIL fetch %s: %u-bit, %u bytes (%02x %02x), expected %u-bit, %u bytes\n",
		       what, guest_code_bits(paging, code), n, bytes[0], bytes[1], bits, count);
		failures++;
	}
}

/* CS base, offset size and limit in each mode (the bytes sit at guest-physical 0x5000). */
static void test_fetch_modes(void)
{
	struct guest_paging paging;
	struct guest_code code = { .cs_limit = 0xffff };
	__u8 wrapped[15] = { 0xa1, 0xa2 }, bytes[15];
	struct guest_fault fault;
	__u64 root;

	reset();
	memcpy(guest_ram(0x5000), marker, 15);
	paging = paging_for(&mode_32bit, 0);
	paging.cr0 = 0;					/* real mode: CS.D means nothing */
	code.cs_base = 0x4000;
	code.rip = 0xffff1000;
	code.cs_attributes = CS_DB;
	expect_fetch("real mode", &paging, &code, 16, marker, 15);
	paging.cr0 = CR0_PE;
	code.rflags = 1ULL << 17;			/* virtual-8086 */
	expect_fetch("virtual-8086", &paging, &code, 16, marker, 15);
	code.rflags = 0;
	code.cs_attributes = 0;
	code.rip = 0x11000;				/* IP is 16 bits */
	expect_fetch("16-bit protected", &paging, &code, 16, marker, 15);
	/* IP wraps from 0xffff to 0 inside the instruction. */
	memcpy(guest_ram(0x5000 + 0xfffe), wrapped, 2);
	memcpy(wrapped + 2, marker, 13);
	code.cs_base = 0x5000;
	code.rip = 0xfffe;
	expect_fetch("16-bit IP wrap", &paging, &code, 16, wrapped, 15);
	code.cs_attributes = CS_DB;
	code.cs_limit = 0xffffffff;
	code.cs_base = 0xfffff000;			/* linear wraps at 4 GiB */
	code.rip = 0x6000;
	expect_fetch("32-bit protected", &paging, &code, 32, marker, 15);
	code.cs_base = 0x1000;
	code.rip = 0x4000;
	code.cs_limit = 0x4003;				/* 4 bytes, then #GP */
	expect_fetch("32-bit at the CS limit", &paging, &code, 32, marker, 4);
	EXPECT(guest_fetch(&paging, &code, bytes, 15, &fault) == 4 &&
	       fault.kind == GUEST_FAULT_GENERAL);
	code.cs_attributes = CS_L;			/* L means nothing outside long mode */
	expect_fetch("16-bit protected with L", &paging, &code, 16, marker, 4);
	code.cs_attributes = CS_DB;
	/* Long mode: the first 2 MiB at linear 0. */
	root = guest_page();
	map(&mode_long4, root, 0, 0, 2, RW);
	paging = paging_for(&mode_long4, root);
	code.cs_limit = 0xffffffff;
	expect_fetch("compatibility", &paging, &code, 32, marker, 15);
	code.cs_attributes = CS_L;
	code.rip = 0x5000;
	expect_fetch("64-bit (CS base ignored)", &paging, &code, 64, marker, 15);
	code.cpl = 3;					/* a supervisor page */
	expect_fetch("64-bit user", &paging, &code, 64, marker, 0);
}

/* An instruction across two pages that are not adjacent in guest-physical memory. */
static void test_fetch_pages(void)
{
	struct guest_paging paging;
	struct guest_code code = code_for(&mode_long4, 0x400ffd);
	struct guest_fault fault;
	__u64 root, first, second;
	__u8 bytes[15];

	reset();
	root = guest_page();
	second = guest_page();
	first = guest_page();
	paging = paging_for(&mode_long4, root);
	map(&mode_long4, root, 0x400000, first, 1, RW);
	map(&mode_long4, root, 0x401000, second, 1, RW);
	memcpy(guest_ram(first + 0xffd), marker, 3);
	memcpy(guest_ram(second), marker + 3, 12);
	expect_fetch("across pages", &paging, &code, 64, marker, 15);
	/* The next page not present: 3 bytes and the #PF of the next byte. */
	put_entry(entry_slot(&mode_long4, root, 0x401000, 1), 0, 8);
	EXPECT(guest_fetch(&paging, &code, bytes, 15, &fault) == 3);
	EXPECT(fault.kind == GUEST_FAULT_PAGE && fault.address == 0x401000 &&
	       fault.error_code == GUEST_ACCESS_FETCH);
	/* The next page is device memory: 3 bytes, refused. */
	map(&mode_long4, root, 0x401000, GPA_DEVICE, 1, RW);
	EXPECT(guest_fetch(&paging, &code, bytes, 15, &fault) == 3);
	EXPECT(fault.kind == GUEST_FAULT_REFUSED && fault.address == GPA_DEVICE);
	/* Within one page, nothing beyond is read. */
	code.rip = 0x400000;
	EXPECT(guest_fetch(&paging, &code, bytes, 15, &fault) == 15 &&
	       fault.kind == GUEST_FAULT_NONE);
}

int main(void)
{
	test_memory_read();
	test_fetch_modes();
	test_fetch_pages();
	printf("%s\n", failures ? "guest fetch: FAILED" : "guest fetch: ok");
	return failures ? 1 : 0;
}
