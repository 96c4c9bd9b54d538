/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The Warden configuration binary: the system config (hypervisor memory,
 * debug console, platform, root cell) and the cell configs. The spec with
 * every field, offset and flag is docs/config-format.md; `warden config
 * build` writes these blobs from device-tree sources.
 *
 * Layout rules (so that the hypervisor walks a blob without allocating and
 * bounds-checks every access, see hypervisor/config_check.c):
 * - every blob starts with struct warden_config_header; total_size is the
 *   size of the whole blob;
 * - variable-length arrays ("tables") live after the fixed structure and are
 *   located by struct warden_config_table {offset, count}: offset is in bytes
 *   from the start of the blob that holds the table, a multiple of 8, and
 *   the element size is fixed by the element type;
 * - the system config embeds the root cell's config (a complete cell blob
 *   with its own header) at root_cell_offset;
 * - all integers are little-endian (the host byte order of x86_64 and arm64);
 *   reserved fields are zero.
 */
#ifndef WARDEN_CONFIG_H
#define WARDEN_CONFIG_H

#include <warden/types.h>

#define WARDEN_CONFIG_REVISION		1

/* 8 bytes each, NUL-padded. */
#define WARDEN_SYSTEM_MAGIC		"WDNSYS1"
#define WARDEN_CELL_MAGIC		"WDNCEL1"
#define WARDEN_CONFIG_MAGIC_SIZE	8

#define WARDEN_ARCH_X86_64		1
#define WARDEN_ARCH_ARM64		2

#define WARDEN_CELL_NAME_SIZE		32
#define WARDEN_CONFIG_TABLE_ALIGN	8
/* Page granularity of memory regions (x86 and arm64 4 KiB pages). */
#define WARDEN_CONFIG_PAGE_SIZE		0x1000ULL

struct warden_config_header {
	char magic[WARDEN_CONFIG_MAGIC_SIZE];
	__u16 revision;
	__u16 architecture;
	__u32 total_size;
};

struct warden_config_table {
	__u32 offset;
	__u32 count;
};

struct warden_memory {
	__u64 phys_start;
	__u64 size;
};

/* Console: used by the hypervisor (debug console) and by inmates (cell console). */
#define WARDEN_CONSOLE_NONE		0
#define WARDEN_CONSOLE_8250_PIO		1
#define WARDEN_CONSOLE_8250_MMIO	2
#define WARDEN_CONSOLE_TYPE_MAX		2

/* MMIO register access width; exactly one is set for 8250 MMIO. */
#define WARDEN_CONSOLE_ACCESS_MMIO8	0x0001
#define WARDEN_CONSOLE_ACCESS_MMIO32	0x0002
/* Registers are 4 bytes apart (reg-shift 2) instead of 1. */
#define WARDEN_CONSOLE_REG_SHIFT_2	0x0004
#define WARDEN_CONSOLE_FLAGS_KNOWN	0x0007

struct warden_console {
	__u64 address;		/* I/O port (PIO) or physical address (MMIO) */
	__u32 type;		/* WARDEN_CONSOLE_* */
	__u32 flags;		/* WARDEN_CONSOLE_ACCESS_* etc. */
	__u32 divisor;		/* 8250 baud divisor (115200 / baud); 0: keep */
	__u32 reserved;
};

/* IOMMU units. */
#define WARDEN_IOMMU_VTD		1
#define WARDEN_IOMMU_AMD		2

struct warden_iommu {
	__u64 base;		/* register window, physical */
	__u32 size;		/* bytes of the register window */
	__u16 type;		/* WARDEN_IOMMU_* */
	__u16 segment;		/* PCI segment it serves */
	__u16 amd_bdf;		/* AMD: the IOMMU's own PCI function */
	__u16 amd_capability;	/* AMD: offset of its capability block */
	__u32 reserved;
};

struct warden_ioapic {
	__u64 address;		/* register window (4 KiB), physical */
	__u32 gsi_base;		/* global system interrupt of pin 0 */
	__u8 id;		/* IOAPIC ID (MADT) */
	__u8 pin_count;		/* redirection entries (24 on q35) */
	__u16 source_id;	/* PCI requester ID for interrupt remapping */
};

#define WARDEN_APIC_MODE_XAPIC		1
#define WARDEN_APIC_MODE_X2APIC		2

struct warden_platform {
	__u64 mmconfig_base;	/* PCI ECAM window of mmconfig_start_bus */
	__u8 mmconfig_start_bus;
	__u8 mmconfig_end_bus;
	__u16 pm_timer_port;	/* ACPI PM timer I/O port; 0: none */
	__u8 pm_timer_bits;	/* 24 or 32 (FADT TMR_VAL_EXT) */
	__u8 apic_mode;		/* WARDEN_APIC_MODE_* the hypervisor runs */
	__u16 reserved;
	__u32 tsc_khz;		/* 0: the hypervisor calibrates */
	__u32 apic_khz;		/* local APIC timer; 0: calibrate */
	struct warden_config_table iommu_units;	/* struct warden_iommu */
	struct warden_config_table ioapics;	/* struct warden_ioapic */
};

/* No system flags are defined yet: the field must be zero. */
#define WARDEN_SYSTEM_FLAGS_KNOWN	0x0

struct warden_system_config {
	struct warden_config_header header;	/* WARDEN_SYSTEM_MAGIC */
	struct warden_memory hypervisor_memory;
	struct warden_console debug_console;
	struct warden_platform platform;
	__u32 flags;
	__u32 reserved;
	__u32 root_cell_offset;	/* struct warden_cell_config blob */
	__u32 root_cell_size;
};

/* Cell flags. */
/* The cell never answers shutdown requests: it may be destroyed at once. */
#define WARDEN_CELL_PASSIVE_COMM_REGION	0x0001
/* The cell may write to the hypervisor's debug console (hypercall). */
#define WARDEN_CELL_DEBUG_CONSOLE	0x0002
#define WARDEN_CELL_FLAGS_KNOWN		0x0003

/* Memory region flags. */
#define WARDEN_MEM_READ			0x0001
#define WARDEN_MEM_WRITE		0x0002
#define WARDEN_MEM_EXECUTE		0x0004
#define WARDEN_MEM_DMA			0x0008	/* devices of the cell may DMA here */
#define WARDEN_MEM_IO			0x0010	/* device MMIO, uncached */
/*
 * The cell's communication region: the hypervisor provides the page, so
 * phys_start must be 0 and size one page; virt_start places it.
 */
#define WARDEN_MEM_COMM_REGION		0x0020
/* The root cell may map it while the cell is stopped, to load images. */
#define WARDEN_MEM_LOADABLE		0x0040
/* The root cell keeps access: shared memory between root and this cell. */
#define WARDEN_MEM_ROOT_SHARED		0x0080
#define WARDEN_MEM_FLAGS_KNOWN		0x00ff

struct warden_memory_region {
	__u64 phys_start;	/* host physical */
	__u64 virt_start;	/* guest physical, as the cell sees it */
	__u64 size;
	__u64 flags;		/* WARDEN_MEM_* */
};

/* A cell's share of an IOAPIC: the pins routed to it. */
#define WARDEN_IRQCHIP_PINS		128

struct warden_irqchip {
	__u64 address;		/* must be the address of a platform IOAPIC */
	__u32 pin_base;		/* pin of bit 0 of pin_bitmap[0] */
	__u32 reserved;
	__u64 pin_bitmap[WARDEN_IRQCHIP_PINS / 64];
};

/* Port-I/O range: ports [base, base + length). */
#define WARDEN_PIO_PORTS		0x10000

struct warden_pio_range {
	__u32 base;
	__u32 length;
};

#define WARDEN_PCI_TYPE_DEVICE		1
#define WARDEN_PCI_TYPE_BRIDGE		2
#define WARDEN_PCI_TYPE_MAX		2

/* iommu field value for "no IOMMU translates this device". */
#define WARDEN_PCI_NO_IOMMU		0xff

#define WARDEN_PCI_MSI_64BIT		0x0001
#define WARDEN_PCI_MSI_MASKABLE		0x0002
#define WARDEN_PCI_FLAGS_KNOWN		0x0003

struct warden_pci_device {
	__u8 type;		/* WARDEN_PCI_TYPE_* */
	__u8 iommu;		/* index in platform iommu_units, or WARDEN_PCI_NO_IOMMU */
	__u16 domain;		/* PCI segment */
	__u16 bdf;		/* bus << 8 | device << 3 | function */
	__u16 caps_start;	/* first entry in the cell's pci_caps table */
	__u16 caps_count;
	__u16 msi_vectors;	/* 0: no MSI */
	__u16 msix_vectors;	/* 0: no MSI-X */
	__u16 flags;		/* WARDEN_PCI_MSI_* */
	__u64 msix_address;	/* MSI-X table, physical; 0 without MSI-X */
	__u32 bar_mask[6];	/* writable bits of each BAR */
};

/* A PCI capability the cell may see; writes to it are emulated or passed. */
#define WARDEN_PCI_CAP_WRITE		0x0001	/* writes go to the device */
#define WARDEN_PCI_CAP_EXTENDED		0x0002	/* PCIe extended capability */
#define WARDEN_PCI_CAP_FLAGS_KNOWN	0x0003

struct warden_pci_capability {
	__u16 id;
	__u16 start;		/* offset in configuration space */
	__u16 length;
	__u16 flags;		/* WARDEN_PCI_CAP_* */
};

struct warden_cell_config {
	struct warden_config_header header;	/* WARDEN_CELL_MAGIC */
	char name[WARDEN_CELL_NAME_SIZE];	/* NUL-terminated, printable */
	__u32 flags;				/* WARDEN_CELL_* */
	__u32 msg_reply_timeout_ms;		/* 0: the hypervisor default */
	__u64 cpu_reset_address;		/* guest-physical start of the cell */
	__u64 cat_mask;				/* L3 CAT capacity bits; 0: none */
	struct warden_console console;		/* for the inmate, via comm region */
	struct warden_config_table cpus;	/* __u64 words, bit n = CPU n */
	struct warden_config_table memory_regions;	/* warden_memory_region */
	struct warden_config_table irqchips;	/* struct warden_irqchip */
	struct warden_config_table pio_ranges;	/* struct warden_pio_range */
	struct warden_config_table pci_devices;	/* struct warden_pci_device */
	struct warden_config_table pci_caps;	/* warden_pci_capability */
};

/* The layout is the ABI: any change here needs a new WARDEN_CONFIG_REVISION. */
#define WARDEN_ASSERT_OFFSET(type, field, off) \
	_Static_assert(__builtin_offsetof(struct type, field) == (off), \
		       #type "." #field " offset")
#define WARDEN_ASSERT_SIZE(type, size) \
	_Static_assert(sizeof(struct type) == (size), #type " size")

WARDEN_ASSERT_SIZE(warden_config_header, 16);
WARDEN_ASSERT_OFFSET(warden_config_header, revision, 8);
WARDEN_ASSERT_OFFSET(warden_config_header, architecture, 10);
WARDEN_ASSERT_OFFSET(warden_config_header, total_size, 12);
WARDEN_ASSERT_SIZE(warden_config_table, 8);
WARDEN_ASSERT_SIZE(warden_memory, 16);
WARDEN_ASSERT_SIZE(warden_console, 24);
WARDEN_ASSERT_OFFSET(warden_console, type, 8);
WARDEN_ASSERT_OFFSET(warden_console, divisor, 16);
WARDEN_ASSERT_SIZE(warden_iommu, 24);
WARDEN_ASSERT_OFFSET(warden_iommu, type, 12);
WARDEN_ASSERT_OFFSET(warden_iommu, amd_capability, 18);
WARDEN_ASSERT_SIZE(warden_ioapic, 16);
WARDEN_ASSERT_OFFSET(warden_ioapic, gsi_base, 8);
WARDEN_ASSERT_OFFSET(warden_ioapic, source_id, 14);
WARDEN_ASSERT_SIZE(warden_platform, 40);
WARDEN_ASSERT_OFFSET(warden_platform, pm_timer_port, 10);
WARDEN_ASSERT_OFFSET(warden_platform, apic_mode, 13);
WARDEN_ASSERT_OFFSET(warden_platform, tsc_khz, 16);
WARDEN_ASSERT_OFFSET(warden_platform, iommu_units, 24);
WARDEN_ASSERT_OFFSET(warden_platform, ioapics, 32);
WARDEN_ASSERT_SIZE(warden_system_config, 112);
WARDEN_ASSERT_OFFSET(warden_system_config, hypervisor_memory, 16);
WARDEN_ASSERT_OFFSET(warden_system_config, debug_console, 32);
WARDEN_ASSERT_OFFSET(warden_system_config, platform, 56);
WARDEN_ASSERT_OFFSET(warden_system_config, flags, 96);
WARDEN_ASSERT_OFFSET(warden_system_config, root_cell_offset, 104);
WARDEN_ASSERT_OFFSET(warden_system_config, root_cell_size, 108);
WARDEN_ASSERT_SIZE(warden_memory_region, 32);
WARDEN_ASSERT_SIZE(warden_irqchip, 32);
WARDEN_ASSERT_OFFSET(warden_irqchip, pin_bitmap, 16);
WARDEN_ASSERT_SIZE(warden_pio_range, 8);
WARDEN_ASSERT_SIZE(warden_pci_device, 48);
WARDEN_ASSERT_OFFSET(warden_pci_device, bdf, 4);
WARDEN_ASSERT_OFFSET(warden_pci_device, flags, 14);
WARDEN_ASSERT_OFFSET(warden_pci_device, msix_address, 16);
WARDEN_ASSERT_OFFSET(warden_pci_device, bar_mask, 24);
WARDEN_ASSERT_SIZE(warden_pci_capability, 8);
WARDEN_ASSERT_SIZE(warden_cell_config, 144);
WARDEN_ASSERT_OFFSET(warden_cell_config, name, 16);
WARDEN_ASSERT_OFFSET(warden_cell_config, flags, 48);
WARDEN_ASSERT_OFFSET(warden_cell_config, msg_reply_timeout_ms, 52);
WARDEN_ASSERT_OFFSET(warden_cell_config, cpu_reset_address, 56);
WARDEN_ASSERT_OFFSET(warden_cell_config, cat_mask, 64);
WARDEN_ASSERT_OFFSET(warden_cell_config, console, 72);
WARDEN_ASSERT_OFFSET(warden_cell_config, cpus, 96);
WARDEN_ASSERT_OFFSET(warden_cell_config, memory_regions, 104);
WARDEN_ASSERT_OFFSET(warden_cell_config, irqchips, 112);
WARDEN_ASSERT_OFFSET(warden_cell_config, pio_ranges, 120);
WARDEN_ASSERT_OFFSET(warden_cell_config, pci_devices, 128);
WARDEN_ASSERT_OFFSET(warden_cell_config, pci_caps, 136);

#endif /* WARDEN_CONFIG_H */
