// SPDX-License-Identifier: GPL-2.0-only
/* The fake memory and guest page-table builders of the guest paging unit tests. */
#include <stdlib.h>
#include <string.h>
#include "guest_fixture.h"

__u8 host[HOST_PAGES * 0x1000] __attribute__((aligned(4096)));
static unsigned int nested_next, guest_next;
int failures;

static const struct warden_memory_region regions[] = {
	{ HOST_BASE, 0, RAM_PAGES * 0x1000ULL, WARDEN_MEM_READ | WARDEN_MEM_WRITE },
	{ HOST_BASE + DEVICE_PAGE * 0x1000ULL, GPA_DEVICE, 0x1000,
	  WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_IO },
	{ HOST_BASE + WRITE_ONLY_PAGE * 0x1000ULL, GPA_WRITE_ONLY, 0x1000, WARDEN_MEM_WRITE },
	/* Regions that only the hypervisor-memory and host-limit checks refuse. */
	{ HOST_BASE + HV_PAGE * 0x1000ULL, GPA_HV, 0x1000, WARDEN_MEM_READ },
	{ HOST_END, GPA_BEYOND, 0x1000, WARDEN_MEM_READ },
};

/* Host pages; a read outside the fake memory is a test failure at once. */
static __u64 *to_virt(void *context, __u64 pa)
{
	if (pa < HOST_BASE || pa >= HOST_END || (pa & 0xfff)) {
		printf("FAIL: host page %llx read, outside the fake memory\n", pa);
		exit(1);
	}
	return (__u64 *)(host + (pa - HOST_BASE));
}

static __u64 alloc_nested(void *context)
{
	if (nested_next == HOST_PAGES)
		return 0;
	memset(host + nested_next * 0x1000, 0, 0x1000);
	return HOST_BASE + nested_next++ * 0x1000ULL;
}

static struct paging nested = { .levels = 4, .largest_page = 1, .phys_to_virt = to_virt,
				.alloc_page = alloc_nested };
struct guest_memory memory = {
	.nested = &nested, .regions = regions, .region_count = 5,
	.hv_start = HOST_BASE + HV_PAGE * 0x1000ULL, .hv_size = (HOST_PAGES - HV_PAGE) * 0x1000ULL,
	.host_limit = HOST_END,
};

static void map_nested(__u64 gpa, __u64 host_address, __u64 size)
{
	if (paging_map(&nested, memory.nested_root, gpa, host_address, size, US | RW)) {
		printf("FAIL: nested mapping of %llx\n", gpa);
		exit(1);
	}
}

void reset(void)
{
	memset(host, 0, sizeof(host));
	nested_next = HV_PAGE + 1;	/* HV_PAGE itself stays a decoy */
	guest_next = 1;
	memory.nested_root = alloc_nested(NULL);
	map_nested(0, HOST_BASE, RAM_PAGES * 0x1000ULL);
	map_nested(GPA_DEVICE, HOST_BASE + DEVICE_PAGE * 0x1000ULL, 0x1000);
	map_nested(GPA_WRITE_ONLY, HOST_BASE + WRITE_ONLY_PAGE * 0x1000ULL, 0x1000);
	map_nested(GPA_STRAY, HOST_BASE + STRAY_PAGE * 0x1000ULL, 0x1000);
	map_nested(GPA_HV, HOST_BASE + HV_PAGE * 0x1000ULL, 0x1000);
	map_nested(GPA_BEYOND, HOST_END, 0x1000);
}

__u8 *guest_ram(__u64 gpa)
{
	if (gpa >= RAM_PAGES * 0x1000ULL) {
		printf("FAIL: test bug, %llx is not guest RAM\n", gpa);
		exit(1);
	}
	return host + gpa;
}

__u64 get_entry(__u64 gpa, unsigned int bytes)
{
	__u64 value = 0;

	memcpy(&value, guest_ram(gpa), bytes);
	return value;
}

void put_entry(__u64 gpa, __u64 value, unsigned int bytes)
{
	memcpy(guest_ram(gpa), &value, bytes);
}

__u64 guest_page(void)
{
	return guest_next++ * 0x1000ULL;
}


const struct mode mode_32bit = { "32-bit", CR0_PE | CR0_PG, CR4_PSE, 0, 2, 4, 10, 0 };
const struct mode mode_pae = { "PAE", CR0_PE | CR0_PG, CR4_PAE, EFER_NXE, 3, 8, 9, 1 };
const struct mode mode_long4 = { "4-level", CR0_PE | CR0_PG, CR4_PAE, EFER_LMA | EFER_NXE,
					4, 8, 9, 0 };
const struct mode mode_long5 = { "5-level", CR0_PE | CR0_PG, CR4_PAE | CR4_LA57,
					EFER_LMA | EFER_NXE, 5, 8, 9, 0 };

__u64 entry_slot(const struct mode *m, __u64 root, __u64 linear, unsigned int level)
{
	__u64 table = root & ~0x1fULL, entry;
	unsigned int at;

	for (at = m->levels; ; at--) {
		__u64 slot = table + ((linear >> (12 + m->index_bits * (at - 1))) &
				      ((1ULL << m->index_bits) - 1)) * m->entry_bytes;

		if (at == level)
			return slot;
		entry = get_entry(slot, m->entry_bytes);
		if (!(entry & P)) {
			entry = guest_page() | (m->pae && at == 3 ? P : P | RW | US);
			put_entry(slot, entry, m->entry_bytes);
		}
		table = entry & (m->entry_bytes == 4 ? 0xfffff000ULL : 0x000ffffffffff000ULL);
	}
}

void map(const struct mode *m, __u64 root, __u64 linear, __u64 gpa, unsigned int level,
		__u64 flags)
{
	put_entry(entry_slot(m, root, linear, level), gpa | flags | P | (level > 1 ? PS : 0),
		  m->entry_bytes);
}

struct guest_paging paging_for(const struct mode *m, __u64 cr3)
{
	struct guest_paging paging = {
		.cr0 = m->cr0, .cr3 = cr3, .cr4 = m->cr4, .efer = m->efer, .phys_bits = 40,
		.read_phys = guest_memory_read, .context = &memory,
	};
	return paging;
}

struct guest_paging fresh_tables(const struct mode *m, __u64 linear, __u64 flags, __u64 *root)
{
	reset();
	*root = guest_page() + (m->pae ? 0x20 : 0);	/* a PAE PDPT is 32-byte aligned */
	map(m, *root, linear, guest_page(), 1, flags);
	return paging_for(m, *root);
}

int translate(const struct guest_paging *paging, __u64 linear, unsigned int access,
		     __u64 *gpa, struct guest_fault *fault)
{
	*gpa = ~0ULL;
	return guest_translate(paging, linear, access, gpa, fault);
}

void expect_fault(const char *what, int result, const struct guest_fault *fault,
			 enum guest_fault_kind kind, __u32 error_code, __u64 address)
{
	if (result != -1 || fault->kind != kind ||
	    (kind == GUEST_FAULT_PAGE && fault->error_code != error_code) ||
	    (kind != GUEST_FAULT_GENERAL && fault->address != address)) {
		printf("FAIL %s: result %d kind %d error %x address %llx, expected kind %d error %x "
		       "address %llx\n", what, result, fault->kind, fault->error_code,
		       fault->address, kind, error_code, address);
		failures++;
	}
}

struct guest_code code_for(const struct mode *m, __u64 rip)
{
	struct guest_code code = { .rip = rip, .cs_limit = 0xffffffff,
				   .cs_attributes = m->efer & EFER_LMA ? CS_L : CS_DB };
	return code;
}

/* Each table, CR3's and the final page, pointed at each forbidden place. */
