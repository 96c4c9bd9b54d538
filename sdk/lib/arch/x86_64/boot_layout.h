/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Boot-time constants shared by the assembly startup and C (docs/sdk.md,
 * "Memory layout").
 */
#ifndef SDK_X86_BOOT_LAYOUT_H
#define SDK_X86_BOOT_LAYOUT_H

/* Where QEMU's Multiboot loader puts the image; the bare entry copies it
 * down to 0, where the cell boot protocol wants it. Above the comm region
 * page (0x100000) that the bare startup fills in. */
#define BARE_LOAD_ADDRESS	0x200000

/* CPUs that can register as parked (entry.S): the comm region's limit. */
#define BOOT_MAX_PARKED		64

#define GDT_CODE32		0x08
#define GDT_DATA		0x10
#define GDT_CODE64		0x18
#define GDT_TSS_FIRST		0x20	/* 16-byte descriptors, one per CPU */
#define BOOT_MAX_TSS		8	/* SMP_MAX_CPUS */

#define MULTIBOOT_MAGIC		0x1badb002
#define MULTIBOOT_BOOT_MAGIC	0x2badb002	/* in EAX at the entry */
#define MULTIBOOT_AOUT_KLUDGE	0x00010000
#define MULTIBOOT_INFO_MEMORY	0x0001
#define MULTIBOOT_INFO_CMDLINE	0x0004

#define CR0_PE			0x00000001
#define CR0_MP			0x00000002
#define CR0_EM			0x00000004
#define CR0_TS			0x00000008
#define CR0_NE			0x00000020
#define CR0_WP			0x00010000
#define CR0_PG			0x80000000
#define CR4_PAE			0x00000020
#define CR4_OSFXSR		0x00000200
#define CR4_OSXMMEXCPT		0x00000400
#define CR4_OSXSAVE		0x00040000
#define MSR_EFER		0xc0000080
#define EFER_LME		0x00000100

#define XCR0_X87		0x1
#define XCR0_SSE		0x2
#define XCR0_AVX		0x4

#endif /* SDK_X86_BOOT_LAYOUT_H */
