/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The communication region: one page that the hypervisor maps into every
 * non-root cell (x86: at guest-physical 0x100000) and through which it tells
 * the inmate about its platform and exchanges state and messages with it.
 *
 * The first part is layout-compatible with the comm region of Jailhouse's
 * published ABI revision 2 (x86 flavour), so that inmates written for one
 * run on the other; docs/cell-abi.md describes every field. Warden's own
 * fields follow at WARDEN_COMM_EXT_OFFSET and are recognised by their magic.
 */
#ifndef WARDEN_COMM_REGION_H
#define WARDEN_COMM_REGION_H

#include <warden/types.h>

#define WARDEN_COMM_REGION_ADDRESS	0x100000	/* x86 guest-physical */
#define WARDEN_COMM_REGION_SIZE		0x1000
#define WARDEN_COMM_SIGNATURE		"JHCOMM"	/* 6 bytes, no NUL */
#define WARDEN_COMM_SIGNATURE_SIZE	6
#define WARDEN_COMM_ABI_REVISION	2

/* x86 boot protocol facts that go with the region (docs/cell-abi.md). */
#define WARDEN_CELL_CMDLINE_ADDRESS	0x1000
#define WARDEN_CELL_CMDLINE_SIZE	0x1000
#define WARDEN_CELL_DEFAULT_RESET	0x0

/* cell_state: initialised by the hypervisor, then written by the cell. */
#define WARDEN_CELL_RUNNING		0
#define WARDEN_CELL_RUNNING_LOCKED	1
#define WARDEN_CELL_SHUT_DOWN		2	/* terminal */
#define WARDEN_CELL_FAILED		3	/* terminal */
#define WARDEN_CELL_FAILED_COMM_REV	4	/* terminal: revision mismatch */

/* msg_to_cell */
#define WARDEN_MSG_NONE			0
#define WARDEN_MSG_SHUTDOWN_REQUEST	1
#define WARDEN_MSG_RECONFIG_COMPLETED	2

/* reply_from_cell */
#define WARDEN_REPLY_NONE		0
#define WARDEN_REPLY_UNKNOWN		1
#define WARDEN_REPLY_REQUEST_DENIED	2
#define WARDEN_REPLY_REQUEST_APPROVED	3
#define WARDEN_REPLY_RECEIVED		4

/* flags */
#define WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED	0x0001	/* hypercall 8 allowed */
#define WARDEN_COMM_FLAG_DBG_PUTC_ACTIVE	0x0002	/* and is the console */

/* console.type */
#define WARDEN_CONSOLE_TYPE_NONE	0x0000
#define WARDEN_CONSOLE_TYPE_EFIFB	0x0001
#define WARDEN_CONSOLE_TYPE_8250	0x0002

/* console.flags */
#define WARDEN_CONSOLE_ACCESS_MMIO	0x0001	/* clear: port I/O */
#define WARDEN_CONSOLE_REGDIST_4	0x0002	/* clear: 1-byte register stride */

/* Warden extension (after the compatible part). */
#define WARDEN_COMM_EXT_OFFSET		80
#define WARDEN_COMM_EXT_MAGIC		0x4e445257	/* "WRDN" little-endian */
#define WARDEN_COMM_EXT_REVISION	2	/* 2: cat_class_of_service */
#define WARDEN_COMM_MAX_CPUS		64

/* ext_flags */
#define WARDEN_COMM_EXT_BARE		0x0001	/* no hypervisor: SDK filled it */
#define WARDEN_COMM_EXT_PM_TIMER_32BIT	0x0002	/* PM timer counts 32 bits */

struct warden_comm_console {
	__u64 address;		/* I/O port or MMIO base */
	__u32 size;
	__u16 type;		/* WARDEN_CONSOLE_TYPE_* */
	__u16 flags;		/* WARDEN_CONSOLE_* */
	__u32 divider;		/* UART divisor latch value, 0: leave as is */
	__u32 gate_nr;		/* clock gate (arm), unused on x86 */
	__u64 clock_reg;	/* clock gate register (arm), unused on x86 */
} __attribute__((packed));

struct warden_comm_region {
	/* --- Jailhouse ABI revision 2, generic part --- */
	char signature[WARDEN_COMM_SIGNATURE_SIZE];
	__u16 revision;
	volatile __u32 cell_state;
	volatile __u32 msg_to_cell;
	volatile __u32 reply_from_cell;
	__u32 flags;
	struct warden_comm_console console;
	__u64 pci_mmconfig_base;	/* 0: no MMCONFIG */
	/* --- x86 part --- */
	__u16 pm_timer_address;		/* I/O port of the ACPI PM timer */
	__u16 num_cpus;
	__u32 tsc_khz;
	__u32 apic_khz;			/* 0: calibrate yourself */
	__u32 padding0;			/* Jailhouse's packed structure ends at 76 */
	/* --- Warden extension --- */
	__u32 ext_magic;		/* WARDEN_COMM_EXT_MAGIC if present */
	__u16 ext_revision;
	__u16 ext_flags;		/* WARDEN_COMM_EXT_* */
	__u64 ram_size;			/* cell RAM from guest-physical 0 */
	__u32 cat_capacity_mask;	/* L3 CAT ways of the cell, 0: none */
	__u32 cat_class_of_service;	/* revision >= 2: the cell's CAT class */
	__u32 cpu_apic_id[WARDEN_COMM_MAX_CPUS];	/* index: cell CPU */
};

#define WARDEN_COMM_ASSERT_OFFSET(field, off) \
	_Static_assert(__builtin_offsetof(struct warden_comm_region, field) == (off), \
		       "comm region: " #field " must be at offset " #off)

_Static_assert(sizeof(struct warden_comm_console) == 32, "console description is 32 bytes");
WARDEN_COMM_ASSERT_OFFSET(signature, 0);
WARDEN_COMM_ASSERT_OFFSET(revision, 6);
WARDEN_COMM_ASSERT_OFFSET(cell_state, 8);
WARDEN_COMM_ASSERT_OFFSET(msg_to_cell, 12);
WARDEN_COMM_ASSERT_OFFSET(reply_from_cell, 16);
WARDEN_COMM_ASSERT_OFFSET(flags, 20);
WARDEN_COMM_ASSERT_OFFSET(console, 24);
WARDEN_COMM_ASSERT_OFFSET(console.address, 24);
WARDEN_COMM_ASSERT_OFFSET(console.size, 32);
WARDEN_COMM_ASSERT_OFFSET(console.type, 36);
WARDEN_COMM_ASSERT_OFFSET(console.flags, 38);
WARDEN_COMM_ASSERT_OFFSET(console.divider, 40);
WARDEN_COMM_ASSERT_OFFSET(console.gate_nr, 44);
WARDEN_COMM_ASSERT_OFFSET(console.clock_reg, 48);
WARDEN_COMM_ASSERT_OFFSET(pci_mmconfig_base, 56);
WARDEN_COMM_ASSERT_OFFSET(pm_timer_address, 64);
WARDEN_COMM_ASSERT_OFFSET(num_cpus, 66);
WARDEN_COMM_ASSERT_OFFSET(tsc_khz, 68);
WARDEN_COMM_ASSERT_OFFSET(apic_khz, 72);
WARDEN_COMM_ASSERT_OFFSET(padding0, 76);	/* = sizeof Jailhouse's packed region */
WARDEN_COMM_ASSERT_OFFSET(ext_magic, WARDEN_COMM_EXT_OFFSET);
WARDEN_COMM_ASSERT_OFFSET(ext_revision, 84);
WARDEN_COMM_ASSERT_OFFSET(ext_flags, 86);
WARDEN_COMM_ASSERT_OFFSET(ram_size, 88);
WARDEN_COMM_ASSERT_OFFSET(cat_capacity_mask, 96);
WARDEN_COMM_ASSERT_OFFSET(cat_class_of_service, 100);
WARDEN_COMM_ASSERT_OFFSET(cpu_apic_id, 104);
_Static_assert(sizeof(struct warden_comm_region) == 104 + 4 * WARDEN_COMM_MAX_CPUS,
	       "comm region size");
_Static_assert(sizeof(struct warden_comm_region) <= WARDEN_COMM_REGION_SIZE,
	       "comm region fits its page");

/*
 * ARM64 flavour of the region (Jailhouse ABI revision 2, ARM part): the same
 * generic part (offsets 0..63, the layout above), then the interrupt
 * controller instead of the x86 fields. Unlike Jailhouse's x86 region this
 * structure is not packed: natural alignment puts gicd_base at 72 and the
 * size at 104 (docs/cell-abi.md, "ARM64").
 */
#define WARDEN_ARM64_COMM_REGION_ADDRESS	0x80000000	/* guest-physical */
#define WARDEN_ARM64_CELL_LOAD_ADDRESS		0x0		/* image and entry */
#define WARDEN_ARM64_CELL_CMDLINE_ADDRESS	0x1000		/* NUL-terminated */
#define WARDEN_ARM64_CELL_TIMER_PPI		27		/* virtual timer INTID */
#define WARDEN_ARM64_CELL_PHYSICAL_TIMER_PPI	30		/* EL1 physical timer INTID */

/* console.type values of the ARM UARTs (WARDEN_CONSOLE_TYPE_8250 above is 2) */
#define WARDEN_CONSOLE_TYPE_PL011	0x0003

struct warden_arm64_comm_region {
	/* --- Jailhouse ABI revision 2, generic part (as struct warden_comm_region) --- */
	char signature[WARDEN_COMM_SIGNATURE_SIZE];
	__u16 revision;
	volatile __u32 cell_state;
	volatile __u32 msg_to_cell;
	volatile __u32 reply_from_cell;
	__u32 flags;
	struct warden_comm_console console;
	__u64 pci_mmconfig_base;
	/* --- ARM part --- */
	__u8 gic_version;		/* 2 or 3 */
	__u8 padding0[7];
	__u64 gicd_base;		/* distributor */
	__u64 gicc_base;		/* GICv2 CPU interface, 0 on GICv3 */
	__u64 gicr_base;		/* GICv3 redistributors, 0 on GICv2 */
	__u32 vpci_irq_base;		/* first SPI of the virtual PCI host */
	__u32 padding1;			/* natural alignment of the structure */
};

#define WARDEN_ARM64_COMM_ASSERT_OFFSET(field, off) \
	_Static_assert(__builtin_offsetof(struct warden_arm64_comm_region, field) == (off), \
		       "arm64 comm region: " #field " must be at offset " #off)

WARDEN_ARM64_COMM_ASSERT_OFFSET(signature, 0);
WARDEN_ARM64_COMM_ASSERT_OFFSET(revision, 6);
WARDEN_ARM64_COMM_ASSERT_OFFSET(cell_state, 8);
WARDEN_ARM64_COMM_ASSERT_OFFSET(msg_to_cell, 12);
WARDEN_ARM64_COMM_ASSERT_OFFSET(reply_from_cell, 16);
WARDEN_ARM64_COMM_ASSERT_OFFSET(flags, 20);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console, 24);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console.address, 24);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console.size, 32);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console.type, 36);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console.flags, 38);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console.divider, 40);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console.gate_nr, 44);
WARDEN_ARM64_COMM_ASSERT_OFFSET(console.clock_reg, 48);
WARDEN_ARM64_COMM_ASSERT_OFFSET(pci_mmconfig_base, 56);
WARDEN_ARM64_COMM_ASSERT_OFFSET(gic_version, 64);
WARDEN_ARM64_COMM_ASSERT_OFFSET(padding0, 65);
WARDEN_ARM64_COMM_ASSERT_OFFSET(gicd_base, 72);
WARDEN_ARM64_COMM_ASSERT_OFFSET(gicc_base, 80);
WARDEN_ARM64_COMM_ASSERT_OFFSET(gicr_base, 88);
WARDEN_ARM64_COMM_ASSERT_OFFSET(vpci_irq_base, 96);
WARDEN_ARM64_COMM_ASSERT_OFFSET(padding1, 100);
_Static_assert(sizeof(struct warden_arm64_comm_region) == 104, "arm64 comm region size");
_Static_assert(sizeof(struct warden_arm64_comm_region) <= WARDEN_COMM_REGION_SIZE,
	       "arm64 comm region fits its page");

#endif /* WARDEN_COMM_REGION_H */
