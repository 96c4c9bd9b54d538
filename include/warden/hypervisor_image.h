/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The hypervisor image (warden-hypervisor.bin) and its hand-over from the
 * driver.
 *
 * The file is the image as it sits in memory from its first byte: it starts
 * with struct warden_hypervisor_header, is linked at WARDEN_HV_LINK_ADDRESS
 * and is copied by the driver to the start of the hypervisor memory (the
 * system config's hypervisor_memory). The driver fills the "driver" part of
 * the header, copies the system config behind the image, builds the
 * hypervisor's own page tables behind the config and calls the entry on
 * every online CPU through its trampoline (docs/hypervisor.md).
 */
#ifndef WARDEN_HYPERVISOR_IMAGE_H
#define WARDEN_HYPERVISOR_IMAGE_H

#include <warden/types.h>

#define WARDEN_HV_MAGIC			"WDNHYP1"	/* 8 bytes with the NUL */
#define WARDEN_HV_REVISION		2
/* Far from Linux's kernel, module and direct-map ranges in 4- and 5-level mode. */
#define WARDEN_HV_LINK_ADDRESS		0xffffffc000000000ULL
#define WARDEN_HV_PAGE_SIZE		0x1000ULL
#define WARDEN_HV_ERROR_SIZE		128
/* Linux's x86-64 kernel code and data selectors; the hypervisor's GDT uses the same. */
#define WARDEN_HV_KERNEL_CS		0x10
#define WARDEN_HV_KERNEL_DS		0x18

/* Linux's state of one CPU that the hypervisor cannot read itself, filled by the driver. */
struct warden_linux_cpu {
	__u64 cr3;			/* Linux's page tables (the guest's CR3) */
	__u64 gdtr_base;
	__u64 idtr_base;
	__u16 gdtr_limit;
	__u16 idtr_limit;
	__u16 cs, ss, ds, es;		/* selectors */
	__u16 cs_attributes;		/* SVM format: type, S, DPL, P, AVL, L, D/B, G */
	__u16 ss_attributes;
	__u16 ds_attributes;
	__u16 es_attributes;
	__u16 reserved;
};

struct warden_hypervisor_header {
	/* Written by the build. */
	char magic[8];			/* WARDEN_HV_MAGIC */
	__u32 revision;			/* WARDEN_HV_REVISION */
	__u32 max_cpus;			/* per-CPU areas in the image */
	__u64 link_address;		/* virtual address of this header */
	__u64 entry;			/* virtual address of the entry */
	__u64 file_size;		/* bytes to copy from the file */
	__u64 core_size;		/* bytes of memory the image takes (with bss), page-aligned */
	__u64 percpu_base;		/* virtual address of the per-CPU areas */
	__u64 percpu_size;		/* bytes per CPU */
	__u64 percpu_stack_top;		/* offset of the stack top in a per-CPU area */
	__u64 linux_cpus;		/* virtual address of struct warden_linux_cpu[max_cpus] */
	__u64 console_ring;		/* virtual address of struct warden_console_ring, page-aligned */
	__u64 console_ring_size;	/* bytes, whole pages */
	/* Filled by the driver before the first CPU enters. */
	__u64 memory_phys;		/* hypervisor memory: physical start */
	__u64 memory_size;
	__u64 config;			/* virtual address of the system config copy */
	__u64 config_size;
	__u64 pool_start;		/* virtual address of the first page the driver left free */
	__u64 host_cr3;			/* the first online CPU's page-table root (each has its own) */
	__u64 trampoline_leave;		/* virtual address of the routine returning to Linux */
	__u32 online_cpus;		/* CPUs that enter */
	__u32 paging_levels;		/* 4 or 5: the depth of Linux's and our page tables */
	/* Written by the hypervisor when an enable fails: a readable reason. */
	char error[WARDEN_HV_ERROR_SIZE];
	/*
	 * Written by the build: offset in a per-CPU area of the page below the
	 * stack, which the driver leaves unmapped (a stack overflow faults).
	 */
	__u64 percpu_stack_guard;
	/* Filled by the driver: Linux's TSC rate, for the cells' comm regions (0: unknown). */
	__u32 tsc_khz;
	__u32 reserved2;
};

/*
 * The console ring: the hypervisor appends, root Linux reads it read-only
 * (mapped into the root cell). head counts every byte ever written; byte i
 * is at data[i % size].
 */
struct warden_console_ring {
	__u64 head;
	__u32 size;			/* bytes of data[] */
	__u32 reserved;
	char data[];
};

#define WARDEN_HV_ASSERT_OFFSET(type, field, off) \
	_Static_assert(__builtin_offsetof(struct type, field) == (off), \
		       #type "." #field " offset")

_Static_assert(sizeof(struct warden_linux_cpu) == 48, "warden_linux_cpu size");
WARDEN_HV_ASSERT_OFFSET(warden_linux_cpu, gdtr_limit, 24);
WARDEN_HV_ASSERT_OFFSET(warden_linux_cpu, cs_attributes, 36);
_Static_assert(sizeof(struct warden_hypervisor_header) == 304, "warden_hypervisor_header size");
WARDEN_HV_ASSERT_OFFSET(warden_hypervisor_header, entry, 24);
WARDEN_HV_ASSERT_OFFSET(warden_hypervisor_header, memory_phys, 96);
WARDEN_HV_ASSERT_OFFSET(warden_hypervisor_header, online_cpus, 152);
WARDEN_HV_ASSERT_OFFSET(warden_hypervisor_header, error, 160);
WARDEN_HV_ASSERT_OFFSET(warden_hypervisor_header, percpu_stack_guard, 288);
WARDEN_HV_ASSERT_OFFSET(warden_hypervisor_header, tsc_khz, 296);
_Static_assert(sizeof(struct warden_console_ring) == 16, "warden_console_ring size");

#endif /* WARDEN_HYPERVISOR_IMAGE_H */
