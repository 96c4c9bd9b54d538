// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest page-table walks, AMD APM vol. 2: 5.2 (legacy 32-bit paging, 4 MiB
 * pages with PSE and PSE-40), 5.2 and 5.3 (PAE), 5.3 (long mode, 4 levels)
 * and 5.3.6 (5 levels); page-fault error codes 8.4.2; and the instruction
 * fetch at CS:RIP with the segmentation of each operating mode (4.5, 4.12).
 * Every table entry and the final bytes are read through read_phys. The
 * walk only reads: it sets no accessed or dirty bits (the CPU set them when
 * it ran the instruction whose exit the hypervisor handles).
 */
#include <arch/guest_paging.h>

#define CR0_PE		(1ULL << 0)
#define CR0_WP		(1ULL << 16)
#define CR0_PG		(1ULL << 31)
#define CR4_PSE		(1ULL << 4)
#define CR4_PAE		(1ULL << 5)
#define CR4_LA57	(1ULL << 12)
#define CR4_SMEP	(1ULL << 20)
#define EFER_LMA	(1ULL << 10)
#define EFER_NXE	(1ULL << 11)
#define RFLAGS_VM	(1ULL << 17)
#define CS_L		(1U << 9)
#define CS_DB		(1U << 10)

#define ENTRY_PRESENT	0x001ULL
#define ENTRY_WRITABLE	0x002ULL
#define ENTRY_USER	0x004ULL
#define ENTRY_LARGE	0x080ULL	/* PS */
#define ENTRY_NX	(1ULL << 63)
#define ADDRESS_52	0x000ffffffffff000ULL
#define PAE_PDPTE_MBZ	0x1e6ULL	/* bits 1, 2, 5-8 of a legacy PAE PDPTE */
#define PAGE_4K		0x1000ULL
#define LOW_32		0xffffffffULL

enum walk_kind { WALK_32BIT, WALK_PAE, WALK_LONG };

struct walk {
	const struct guest_paging *paging;
	enum walk_kind kind;
	unsigned int levels;		/* the top level: 2, 3, 4 or 5 */
	unsigned int entry_bytes;	/* 4 or 8 */
	unsigned int index_bits;	/* 10 or 9 */
	/* What every level so far allows. */
	int user, writable, no_execute;
};

static __u64 bits_between(unsigned int high, unsigned int low)
{
	return (high >= 63 ? ~0ULL : (1ULL << (high + 1)) - 1) & ~((1ULL << low) - 1);
}

static unsigned int level_shift(const struct walk *walk, unsigned int level)
{
	return 12 + walk->index_bits * (level - 1);
}

/* Physical-address bits the CPU does not have: reserved in 8-byte entries. */
static __u64 missing_address_bits(const struct guest_paging *paging)
{
	return paging->phys_bits >= 52 ? 0 : bits_between(51, paging->phys_bits);
}

static int is_large(const struct walk *walk, unsigned int level, __u64 entry)
{
	if (!(entry & ENTRY_LARGE))
		return 0;
	if (walk->kind == WALK_32BIT)
		return level == 2 && (walk->paging->cr4 & CR4_PSE);
	return level == 2 || (level == 3 && walk->kind == WALK_LONG);
}

/* Reserved (must-be-zero) bits of an entry at level (5.2-5.4 entry figures). */
static __u64 reserved_bits(const struct walk *walk, unsigned int level, int large)
{
	const struct guest_paging *paging = walk->paging;
	__u64 reserved;

	if (walk->kind == WALK_32BIT) {
		/* 4 MiB PDE: bits 20:13 hold address bits 39:32, bit 21 is reserved. */
		if (!large)
			return 0;
		reserved = 1ULL << 21;
		if (paging->phys_bits < 40)
			reserved |= bits_between(20, 13 + (paging->phys_bits > 32 ?
							    paging->phys_bits - 32 : 0));
		return reserved;
	}
	reserved = missing_address_bits(paging);
	if (!(paging->efer & EFER_NXE))
		reserved |= ENTRY_NX;
	if (walk->kind == WALK_PAE && level == 3)
		return reserved | PAE_PDPTE_MBZ | ENTRY_NX;
	if (level >= 4)
		return reserved | ENTRY_LARGE;
	if (large)
		reserved |= bits_between(level == 3 ? 29 : 20, 13);
	return reserved;
}

static int read_entry(const struct walk *walk, __u64 address, __u64 *entry,
		      struct guest_fault *fault)
{
	const struct guest_paging *paging = walk->paging;
	__u8 raw[8];
	unsigned int n;

	if (paging->read_phys(paging->context, address, raw, walk->entry_bytes)) {
		fault->kind = GUEST_FAULT_REFUSED;
		fault->address = address;
		return -1;
	}
	*entry = 0;
	for (n = 0; n < walk->entry_bytes; n++)
		*entry |= (__u64)raw[n] << (8 * n);
	return 0;
}

static int page_fault(const struct walk *walk, __u64 linear, unsigned int access,
		      __u32 present_or_reserved, struct guest_fault *fault)
{
	const struct guest_paging *paging = walk->paging;

	/* I/D is reported only with no-execute or SMEP enabled (8.4.2). */
	if (!(paging->efer & EFER_NXE) && !(paging->cr4 & CR4_SMEP))
		access &= ~GUEST_ACCESS_FETCH;
	fault->kind = GUEST_FAULT_PAGE;
	fault->error_code = present_or_reserved | access;
	fault->address = linear;
	return -1;
}

/* Protection checks of the leaf (5.6): U/S, R/W with CR0.WP, NX, SMEP. */
static int access_denied(const struct walk *walk, unsigned int access)
{
	const struct guest_paging *paging = walk->paging;

	if ((access & GUEST_ACCESS_USER) && !walk->user)
		return 1;
	if ((access & GUEST_ACCESS_WRITE) && !walk->writable &&
	    ((access & GUEST_ACCESS_USER) || (paging->cr0 & CR0_WP)))
		return 1;
	if (!(access & GUEST_ACCESS_FETCH))
		return 0;
	if (walk->no_execute)
		return 1;
	return !(access & GUEST_ACCESS_USER) && walk->user && (paging->cr4 & CR4_SMEP);
}

static __u64 table_address(const struct walk *walk, __u64 entry)
{
	return walk->entry_bytes == 4 ? entry & 0xfffff000ULL : entry & ADDRESS_52;
}

static __u64 large_page_base(const struct walk *walk, __u64 entry, __u64 size)
{
	if (walk->kind == WALK_32BIT)	/* PSE-40: bits 20:13 are address bits 39:32 */
		return (entry & 0xffc00000ULL) | (((entry >> 13) & 0xff) << 32);
	return entry & ADDRESS_52 & ~(size - 1);
}

/* Accumulates what the entry allows; a legacy PAE PDPTE has no U, R/W or NX. */
static void restrict_access(struct walk *walk, unsigned int level, __u64 entry)
{
	if (walk->kind == WALK_PAE && level == 3)
		return;
	walk->user &= !!(entry & ENTRY_USER);
	walk->writable &= !!(entry & ENTRY_WRITABLE);
	if (walk->entry_bytes == 8 && (walk->paging->efer & EFER_NXE))
		walk->no_execute |= !!(entry & ENTRY_NX);
}

static int walk_tables(struct walk *walk, __u64 table, __u64 linear, unsigned int access,
		       __u64 *gpa, struct guest_fault *fault)
{
	unsigned int level, shift;
	__u64 entry, size, index;
	int large;

	for (level = walk->levels; level >= 1; level--) {
		shift = level_shift(walk, level);
		index = (linear >> shift) & ((1ULL << walk->index_bits) - 1);
		if (read_entry(walk, table + index * walk->entry_bytes, &entry, fault))
			return -1;
		if (!(entry & ENTRY_PRESENT))
			return page_fault(walk, linear, access, 0, fault);
		large = is_large(walk, level, entry);
		if (entry & reserved_bits(walk, level, large))
			return page_fault(walk, linear, access,
					  GUEST_PF_PRESENT | GUEST_PF_RESERVED, fault);
		restrict_access(walk, level, entry);
		if (level == 1 || large) {
			if (access_denied(walk, access))
				return page_fault(walk, linear, access, GUEST_PF_PRESENT, fault);
			size = 1ULL << shift;
			*gpa = (large ? large_page_base(walk, entry, size) :
				 table_address(walk, entry)) | (linear & (size - 1));
			return 0;
		}
		table = table_address(walk, entry);
	}
	return -1;
}

static int is_canonical(__u64 linear, unsigned int bits)
{
	__u64 high = linear >> (bits - 1);

	return !high || high == (~0ULL >> (bits - 1));
}

int guest_translate(const struct guest_paging *paging, __u64 linear, unsigned int access,
		    __u64 *gpa, struct guest_fault *fault)
{
	struct walk walk = { .paging = paging, .user = 1, .writable = 1 };
	__u64 table;

	fault->kind = GUEST_FAULT_NONE;
	fault->linear = linear;
	if (!(paging->cr0 & CR0_PG)) {
		*gpa = linear & LOW_32;
		return 0;
	}
	if (paging->efer & EFER_LMA) {
		walk.kind = WALK_LONG;
		walk.levels = paging->cr4 & CR4_LA57 ? 5 : 4;
		if (!is_canonical(linear, walk.levels == 5 ? 57 : 48)) {
			fault->kind = GUEST_FAULT_GENERAL;
			return -1;
		}
		table = paging->cr3 & ADDRESS_52;	/* bits 11:0 are PCID or PWT/PCD */
	} else if (paging->cr4 & CR4_PAE) {
		walk.kind = WALK_PAE;
		walk.levels = 3;
		linear &= LOW_32;
		table = paging->cr3 & 0xffffffe0ULL;	/* 32-byte aligned PDPT */
	} else {
		walk.kind = WALK_32BIT;
		walk.levels = 2;
		linear &= LOW_32;
		table = paging->cr3 & 0xfffff000ULL;
	}
	walk.entry_bytes = walk.kind == WALK_32BIT ? 4 : 8;
	walk.index_bits = walk.kind == WALK_32BIT ? 10 : 9;
	return walk_tables(&walk, table, linear, access, gpa, fault);
}

unsigned int guest_code_bits(const struct guest_paging *paging, const struct guest_code *code)
{
	if (!(paging->cr0 & CR0_PE) || (code->rflags & RFLAGS_VM))
		return 16;		/* real or virtual-8086 mode */
	if ((paging->efer & EFER_LMA) && (code->cs_attributes & CS_L))
		return 64;
	return code->cs_attributes & CS_DB ? 32 : 16;
}

static __u64 smaller(__u64 a, __u64 b)
{
	return a < b ? a : b;
}

/*
 * Outside 64-bit mode the offset wraps at the operand size and must lie
 * within the CS limit (4.12); 64-bit mode ignores CS base and limit (4.8).
 */
unsigned int guest_fetch(const struct guest_paging *paging, const struct guest_code *code,
			 __u8 *bytes, unsigned int max, struct guest_fault *fault)
{
	unsigned int bits = guest_code_bits(paging, code);
	unsigned int access = GUEST_ACCESS_FETCH | (code->cpl == 3 ? GUEST_ACCESS_USER : 0);
	__u64 offset_mask = bits == 64 ? ~0ULL : bits == 32 ? LOW_32 : 0xffffULL;
	__u64 offset, linear, gpa, chunk;
	unsigned int n = 0;

	fault->kind = GUEST_FAULT_NONE;
	while (n < max) {
		offset = (code->rip + n) & offset_mask;
		linear = bits == 64 ? offset : (code->cs_base + offset) & LOW_32;
		chunk = max - n;
		if (bits != 64) {
			if (offset > code->cs_limit) {
				fault->kind = GUEST_FAULT_GENERAL;
				fault->linear = linear;
				break;
			}
			chunk = smaller(chunk, (__u64)code->cs_limit - offset + 1);
			chunk = smaller(chunk, offset_mask - offset + 1);
		}
		chunk = smaller(chunk, PAGE_4K - (linear & (PAGE_4K - 1)));
		if (guest_translate(paging, linear, access, &gpa, fault))
			break;
		if (paging->read_phys(paging->context, gpa, bytes + n, (unsigned int)chunk)) {
			fault->kind = GUEST_FAULT_REFUSED;
			fault->address = gpa;
			break;
		}
		n += (unsigned int)chunk;
	}
	return n;
}
