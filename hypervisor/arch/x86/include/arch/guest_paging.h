/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading a guest's memory the way its CPU would: linear addresses through
 * the guest's own page tables in every x86 paging mode (AMD APM vol. 2,
 * chapter 5), and instruction bytes at CS:RIP in every operating mode
 * (real, protected 16/32, compatibility, 64-bit). Guest-physical memory is
 * read only through a callback (guest_memory.h gives the hypervisor's), so
 * a guest-physical address is never used as a host address here. Pure
 * logic, unit-tested on the host.
 */
#ifndef WARDEN_ARCH_GUEST_PAGING_H
#define WARDEN_ARCH_GUEST_PAGING_H

#include <warden/types.h>

/* Access kinds, in the bit positions of the #PF error code (APM 8.4.2). */
#define GUEST_ACCESS_WRITE	0x02U
#define GUEST_ACCESS_USER	0x04U
#define GUEST_ACCESS_FETCH	0x10U

#define GUEST_PF_PRESENT	0x01U
#define GUEST_PF_RESERVED	0x08U

struct guest_paging {
	__u64 cr0, cr3, cr4, efer;
	unsigned int phys_bits;		/* CPUID 8000_0008 EAX[7:0] */
	/*
	 * Copies size bytes at guest-physical gpa into buffer; the range never
	 * crosses a 4 KiB page. Returns 0, or -1 when the cell may not read it.
	 */
	int (*read_phys)(void *context, __u64 gpa, void *buffer, unsigned int size);
	void *context;
};

enum guest_fault_kind {
	GUEST_FAULT_NONE,
	GUEST_FAULT_PAGE,	/* #PF: error_code, address = linear (CR2) */
	GUEST_FAULT_GENERAL,	/* #GP(0): non-canonical or beyond the CS limit */
	GUEST_FAULT_REFUSED,	/* read_phys refused: address = guest-physical */
};

struct guest_fault {
	enum guest_fault_kind kind;
	__u32 error_code;
	__u64 address;
	__u64 linear;		/* the linear address being read */
};

/* Where the guest executes: the VMCB's RIP, CS and CPL. */
struct guest_code {
	__u64 rip, rflags;
	__u64 cs_base;
	__u32 cs_limit;
	__u16 cs_attributes;	/* VMCB packing: bit 9 = L, bit 10 = D/B (APM 15.5.1) */
	unsigned int cpl;
};

/*
 * Translates linear for an access of kind access (GUEST_ACCESS_*). Returns 0
 * and sets *gpa, or -1 and fills *fault (PAGE or REFUSED).
 */
int guest_translate(const struct guest_paging *paging, __u64 linear, unsigned int access,
		    __u64 *gpa, struct guest_fault *fault);

/* The code's default operand and address size: 16, 32 or 64 (64-bit mode). */
unsigned int guest_code_bits(const struct guest_paging *paging, const struct guest_code *code);

/*
 * Reads up to max instruction bytes at CS:RIP, across page boundaries.
 * Returns how many it read; when fewer than max, *fault says why the next
 * byte could not be read (otherwise its kind is GUEST_FAULT_NONE).
 */
unsigned int guest_fetch(const struct guest_paging *paging, const struct guest_code *code,
			 __u8 *bytes, unsigned int max, struct guest_fault *fault);

#endif /* WARDEN_ARCH_GUEST_PAGING_H */
