/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fixture of the guest paging unit tests (test_guest_paging.c,
 * test_guest_fetch.c): a fake host-physical memory holds the cell's RAM, a
 * device page, stray pages and the "hypervisor memory" with the nested page
 * tables (built by paging.c). Guest-physical addresses differ from
 * host-physical ones, so a walk that used one as the other would read the
 * wrong bytes.
 */
#ifndef WARDEN_TEST_GUEST_FIXTURE_H
#define WARDEN_TEST_GUEST_FIXTURE_H

#include <stdio.h>
#include <arch/guest_memory.h>
#include <arch/guest_paging.h>

#define EXPECT(cond) do { if (!(cond)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	failures++; } } while (0)

#define HOST_BASE	0x10000000ULL	/* host-physical address of host[0] */
#define HOST_PAGES	256
#define HOST_END	(HOST_BASE + HOST_PAGES * 0x1000ULL)
#define RAM_PAGES	128		/* host pages 0-127: RAM, guest-physical 0 */
#define DEVICE_PAGE	128		/* an I/O region */
#define WRITE_ONLY_PAGE	129		/* a region without WARDEN_MEM_READ */
#define STRAY_PAGE	130		/* mapped, but in no region (an IOAPIC) */
#define HV_PAGE		192		/* 192-255: hypervisor memory, nested tables */
/* Guest-physical addresses of the pages outside RAM. */
#define GPA_DEVICE	0x100000ULL
#define GPA_WRITE_ONLY	0x101000ULL
#define GPA_STRAY	0x102000ULL
#define GPA_HV		0x103000ULL	/* mapped like the console ring, claimed as RAM */
#define GPA_BEYOND	0x104000ULL	/* host HOST_END: past the identity map */
#define GPA_UNMAPPED	0x200000ULL	/* like the xAPIC page */

#define P	0x001ULL
#define RW	0x002ULL
#define US	0x004ULL
#define PS	0x080ULL
#define NX	(1ULL << 63)
#define CR0_PE	0x1ULL
#define CR0_PG	0x80000000ULL
#define CR4_PSE	0x10ULL
#define CR4_PAE	0x20ULL
#define CR4_LA57 0x1000ULL
#define EFER_LMA 0x400ULL
#define EFER_NXE 0x800ULL
#define CS_L	0x200
#define CS_DB	0x400


extern __u8 host[HOST_PAGES * 0x1000];
extern struct guest_memory memory;
extern int failures;

/* The shape of a guest paging mode, to build its tables. */
struct mode {
	const char *name;
	__u64 cr0, cr4, efer;
	unsigned int levels, entry_bytes, index_bits;
	int pae;
};

extern const struct mode mode_32bit, mode_pae, mode_long4, mode_long5;

/* Fresh memory: RAM at guest-physical 0, the other pages as named above. */
void reset(void);
__u8 *guest_ram(__u64 gpa);
__u64 get_entry(__u64 gpa, unsigned int bytes);
void put_entry(__u64 gpa, __u64 value, unsigned int bytes);
__u64 guest_page(void);
/* The guest-physical address of the entry for linear at level, creating tables. */
__u64 entry_slot(const struct mode *m, __u64 root, __u64 linear, unsigned int level);
/* Maps linear to gpa with a leaf at level (1: 4 KiB, 2: 2/4 MiB, 3: 1 GiB). */
void map(const struct mode *m, __u64 root, __u64 linear, __u64 gpa, unsigned int level,
	 __u64 flags);
struct guest_paging paging_for(const struct mode *m, __u64 cr3);
/* Fresh memory and tables of mode m that map linear to a new page with flags. */
struct guest_paging fresh_tables(const struct mode *m, __u64 linear, __u64 flags, __u64 *root);
/* guest_translate with *gpa poisoned first. */
int translate(const struct guest_paging *paging, __u64 linear, unsigned int access,
	      __u64 *gpa, struct guest_fault *fault);
void expect_fault(const char *what, int result, const struct guest_fault *fault,
		  enum guest_fault_kind kind, __u32 error_code, __u64 address);
/* CS of the mode's usual code: 64-bit in long mode, else 32-bit flat. */
struct guest_code code_for(const struct mode *m, __u64 rip);

#endif /* WARDEN_TEST_GUEST_FIXTURE_H */
