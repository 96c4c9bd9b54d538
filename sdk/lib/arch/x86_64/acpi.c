// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Bare mode only: the few ACPI facts a hypervisor would otherwise put in
 * the comm region (ACPI spec 6.5: RSDP 5.2.5, RSDT/XSDT 5.2.7/5.2.8,
 * FADT 5.2.9, MADT 5.2.12, and the PCI Firmware spec's MCFG). The RSDP is
 * searched in the BIOS area 0xe0000-0xfffff only: the EBDA pointer at
 * 0x40e lies inside our own image once it is copied to 0.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"

#define BIOS_AREA_START		0xe0000
#define BIOS_AREA_END		0x100000
#define SDT_HEADER_SIZE		36
#define FADT_PM_TMR_BLK		76
#define FADT_FLAGS		112
#define FADT_TMR_VAL_EXT	(1u << 8)
#define FADT_X_PM_TMR_BLK	208
#define GAS_SYSTEM_IO		1
#define MADT_ENTRIES		44
#define MADT_LOCAL_APIC		0
#define MADT_IOAPIC		1
#define MADT_LOCAL_X2APIC	9
#define MADT_ENABLED		0x1
#define MCFG_ENTRIES		44

static uint32_t read32(const uint8_t *p)
{
	return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint64_t read64(const uint8_t *p)
{
	return read32(p) | ((uint64_t)read32(p + 4) << 32);
}

static bool checksum_ok(const uint8_t *p, uint32_t length)
{
	uint8_t sum = 0;

	while (length--)
		sum += *p++;
	return sum == 0;
}

static const uint8_t *find_rsdp(void)
{
	uintptr_t address;

	for (address = BIOS_AREA_START; address < BIOS_AREA_END; address += 16)
		if (memcmp((const void *)address, "RSD PTR ", 8) == 0 &&
		    checksum_ok((const uint8_t *)address, 20))
			return (const uint8_t *)address;
	return NULL;
}

/* A table named signature from the RSDT (4-byte entries) or XSDT (8). */
static const uint8_t *find_table(const uint8_t *rsdp, const char *signature)
{
	bool xsdt = rsdp[15] >= 2 && read64(rsdp + 24) != 0;
	const uint8_t *root = (const uint8_t *)(uintptr_t)(xsdt ? read64(rsdp + 24)
								 : read32(rsdp + 16));
	unsigned int entry_size = xsdt ? 8 : 4;
	uint32_t length = read32(root + 4), offset;
	const uint8_t *table;

	for (offset = SDT_HEADER_SIZE; offset + entry_size <= length; offset += entry_size) {
		table = (const uint8_t *)(uintptr_t)(xsdt ? read64(root + offset)
							  : read32(root + offset));
		if ((uintptr_t)table >= 0x100000000ull)
			continue;	/* beyond the identity map */
		if (memcmp(table, signature, 4) == 0 && checksum_ok(table, read32(table + 4)))
			return table;
	}
	return NULL;
}

static void read_fadt(const uint8_t *fadt, struct acpi_facts *facts)
{
	uint32_t length = read32(fadt + 4);

	facts->pm_timer_port = (uint16_t)read32(fadt + FADT_PM_TMR_BLK);
	if (length >= FADT_X_PM_TMR_BLK + 12 && fadt[FADT_X_PM_TMR_BLK] == GAS_SYSTEM_IO &&
	    read64(fadt + FADT_X_PM_TMR_BLK + 4))
		facts->pm_timer_port = (uint16_t)read64(fadt + FADT_X_PM_TMR_BLK + 4);
	facts->pm_timer_32bit = read32(fadt + FADT_FLAGS) & FADT_TMR_VAL_EXT;
}

static void add_cpu(struct acpi_facts *facts, uint32_t apic_id, uint32_t flags)
{
	if ((flags & MADT_ENABLED) && facts->num_cpus < 64)
		facts->cpu_apic_id[facts->num_cpus++] = apic_id;
}

static void read_madt(const uint8_t *madt, struct acpi_facts *facts)
{
	uint32_t length = read32(madt + 4), offset;
	const uint8_t *entry;

	for (offset = MADT_ENTRIES; offset + 2 <= length; offset += entry[1]) {
		entry = madt + offset;
		if (entry[1] < 2)
			break;		/* malformed: would loop forever */
		if (entry[0] == MADT_LOCAL_APIC)
			add_cpu(facts, entry[3], read32(entry + 4));
		else if (entry[0] == MADT_LOCAL_X2APIC)
			add_cpu(facts, read32(entry + 4), read32(entry + 8));
		else if (entry[0] == MADT_IOAPIC && !facts->ioapic_base)
			facts->ioapic_base = read32(entry + 4);
	}
}

int acpi_read_facts(struct acpi_facts *facts)
{
	const uint8_t *rsdp = find_rsdp(), *table;

	memset(facts, 0, sizeof(*facts));
	if (!rsdp)
		return -SDK_ENOENT;
	table = find_table(rsdp, "FACP");
	if (table)
		read_fadt(table, facts);
	table = find_table(rsdp, "APIC");
	if (table)
		read_madt(table, facts);
	table = find_table(rsdp, "MCFG");
	if (table && read32(table + 4) >= MCFG_ENTRIES + 16)
		facts->mmconfig_base = read64(table + MCFG_ENTRIES);
	return facts->pm_timer_port && facts->num_cpus ? 0 : -SDK_ENOENT;
}
