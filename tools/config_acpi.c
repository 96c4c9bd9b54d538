// SPDX-License-Identifier: GPL-2.0-only
/*
 * The platform part of a system config from the ACPI tables Linux exports in
 * /sys/firmware/acpi/tables. Layouts: ACPI spec 6.5 (5.2.6 header, 5.2.9
 * FADT, 5.2.12 MADT), PCI Firmware spec 3.3 (MCFG), Intel VT-d spec 4.1
 * (ch. 8, DMAR) and AMD IOMMU spec 48882 (ch. 5, IVRS).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_create.h"
#include "config_proc.h"

#define ACPI_HEADER_SIZE	36

struct table {
	const char *name;
	unsigned char *data;
	size_t size;
};

static unsigned int get16(const unsigned char *p)
{
	return p[0] | p[1] << 8;
}

static unsigned int get32(const unsigned char *p)
{
	return get16(p) | (unsigned int)get16(p + 2) << 16;
}

static unsigned long long get64(const unsigned char *p)
{
	return get32(p) | (unsigned long long)get32(p + 4) << 32;
}

/* 1: read, 0: absent, -1: malformed (reported). */
static int table_read(const char *root, const char *name, struct table *table)
{
	char path[512];
	void *data;
	FILE *probe;

	snprintf(path, sizeof(path), "%s/sys/firmware/acpi/tables/%s", root, name);
	probe = fopen(path, "rb");
	if (!probe)
		return 0;
	fclose(probe);
	if (file_read(path, &data, &table->size))
		return -1;
	table->name = name;
	table->data = data;
	if (table->size < ACPI_HEADER_SIZE || memcmp(data, name, 4) ||
	    get32(table->data + 4) > table->size) {
		fprintf(stderr, "warden: %s: not a valid ACPI %s table (size %zu)\n", path, name,
			table->size);
		free(data);
		return -1;
	}
	table->size = get32(table->data + 4);
	return 1;
}

static int read_madt(const struct table *t, struct system_model *system)
{
	struct warden_ioapic *ioapic;
	size_t at;

	/* MADT: 44-byte header, then entries {type, length, ...}. Type 1: IOAPIC. */
	for (at = 44; at + 2 <= t->size && t->data[at + 1] >= 2; at += t->data[at + 1]) {
		if (t->data[at] != 1 || at + 12 > t->size)
			continue;
		if (system->ioapic_count == MODEL_MAX_IOAPICS) {
			fprintf(stderr, "warden: MADT: more than %d IOAPICs\n", MODEL_MAX_IOAPICS);
			return 1;
		}
		ioapic = &system->ioapics[system->ioapic_count++];
		ioapic->id = t->data[at + 2];
		ioapic->address = get32(t->data + at + 4);
		ioapic->gsi_base = get32(t->data + at + 8);
		/* Not in the MADT: the IOAPIC version register tells, which user space
		 * cannot read. 24 is the ICH/PCH (and QEMU q35) IOAPIC's count. */
		ioapic->pin_count = 24;
	}
	return 0;
}

static void read_mcfg(const struct table *t, struct system_model *system)
{
	struct warden_platform *p = &system->config.platform;

	/* MCFG: 44-byte header, then 16-byte entries; the first one of segment 0. */
	if (t->size < 44 + 16)
		return;
	p->mmconfig_start_bus = t->data[44 + 10];
	p->mmconfig_end_bus = t->data[44 + 11];
	/* The entry's base is the address of bus 0; ours is of the start bus. */
	p->mmconfig_base = get64(t->data + 44) + ((__u64)p->mmconfig_start_bus << 20);
}

static void read_facp(const struct table *t, struct system_model *system)
{
	struct warden_platform *p = &system->config.platform;

	/* FADT: PM_TMR_BLK at offset 76, Flags at 112 (bit 8: TMR_VAL_EXT). */
	if (t->size < 116)
		return;
	p->pm_timer_port = (__u16)get32(t->data + 76);
	p->pm_timer_bits = (get32(t->data + 112) >> 8) & 1 ? 32 : 24;
}

static int add_iommu(struct system_model *system, __u16 type, __u64 base, __u32 size,
		     __u16 segment)
{
	struct warden_iommu *unit;
	unsigned int i;

	for (i = 0; i < system->iommu_count; i++)
		if (system->iommus[i].base == base)
			return (int)i;	/* IVRS lists a unit in several blocks */
	if (system->iommu_count == MODEL_MAX_IOMMUS) {
		fprintf(stderr, "warden: more than %d IOMMU units\n", MODEL_MAX_IOMMUS);
		return -1;
	}
	unit = &system->iommus[system->iommu_count];
	unit->type = type;
	unit->base = base;
	unit->size = size;
	unit->segment = segment;
	return (int)system->iommu_count++;
}

static void dmar_ioapic_scopes(const unsigned char *drhd, size_t length,
			       struct system_model *system)
{
	size_t at;
	unsigned int i, bdf;

	/* Device scopes from offset 16: {type, length, reserved[2], id, bus, path...}. */
	for (at = 16; at + 8 <= length && drhd[at + 1] >= 8; at += drhd[at + 1]) {
		if (drhd[at] != 3)	/* 3: IOAPIC */
			continue;
		/* Path: (device, function) pairs; the last one is the IOAPIC. */
		bdf = drhd[at + 5] << 8 | drhd[at + drhd[at + 1] - 2] << 3 |
			drhd[at + drhd[at + 1] - 1];
		for (i = 0; i < system->ioapic_count; i++)
			if (system->ioapics[i].id == drhd[at + 4])
				system->ioapics[i].source_id = (__u16)bdf;
	}
}

static int read_dmar(const struct table *t, struct system_model *system)
{
	const unsigned char *s;
	size_t at, length;
	unsigned int pages;

	/* DMAR: 48-byte header, then {type(2), length(2), ...}. Type 0: DRHD. */
	for (at = 48; at + 4 <= t->size; at += length) {
		s = t->data + at;
		length = get16(s + 2);
		if (length < 4 || at + length > t->size)
			break;
		if (get16(s) != 0 || length < 16)
			continue;
		/* Byte 5: register set size as 2^n pages (VT-d 4.x); 0 = one page. */
		pages = 1U << (s[5] & 0xf);
		if (add_iommu(system, WARDEN_IOMMU_VTD, get64(s + 8), pages * 0x1000,
			      (__u16)get16(s + 6)) < 0)
			return 1;
		dmar_ioapic_scopes(s, length, system);
	}
	return 0;
}

static int read_ivrs(const struct table *t, struct system_model *system)
{
	const unsigned char *s;
	size_t at, length;
	int index;

	/* IVRS: 48-byte header, then IVHD/IVMD blocks {type, flags, length(2), ...}. */
	for (at = 48; at + 4 <= t->size; at += length) {
		s = t->data + at;
		length = get16(s + 2);
		if (length < 4 || at + length > t->size)
			break;
		if ((s[0] != 0x10 && s[0] != 0x11 && s[0] != 0x40) || length < 24)
			continue;
		/* The MMIO register window of an AMD IOMMU is 512 KiB (spec 3.4). */
		index = add_iommu(system, WARDEN_IOMMU_AMD, get64(s + 8), 0x80000,
				  (__u16)get16(s + 16));
		if (index < 0)
			return 1;
		system->iommus[index].amd_bdf = (__u16)get16(s + 4);
		system->iommus[index].amd_capability = (__u16)get16(s + 6);
	}
	return 0;
}

int acpi_read_platform(const char *root, struct system_model *system)
{
	static const char *const names[] = { "APIC", "MCFG", "FACP", "DMAR", "IVRS" };
	struct table table;
	int errors = 0, found, i;

	for (i = 0; i < 5; i++) {
		found = table_read(root, names[i], &table);
		if (found < 0)
			errors++;
		if (found <= 0)
			continue;
		if (i == 0)
			errors += read_madt(&table, system);
		else if (i == 1)
			read_mcfg(&table, system);
		else if (i == 2)
			read_facp(&table, system);
		else if (i == 3)
			errors += read_dmar(&table, system);
		else
			errors += read_ivrs(&table, system);
		free(table.data);
	}
	return errors;
}
