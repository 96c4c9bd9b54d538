// SPDX-License-Identifier: GPL-2.0-only
/*
 * Configuration validator: blob structure (header, tables, embedded root
 * cell) and the entry points. Nothing is read before it is known to lie in
 * the blob; sizes are compared by division so that nothing overflows.
 */
#include "config_check_internal.h"

int check_range_valid(__u64 start, __u64 size)
{
	return size && start + (size - 1) >= start;
}

/* Both ranges must be valid (check_range_valid). */
int check_ranges_overlap(__u64 a_start, __u64 a_size, __u64 b_start, __u64 b_size)
{
	return a_start <= b_start + (b_size - 1) && b_start <= a_start + (a_size - 1);
}

static int magic_equal(const char *a, const char *b)
{
	unsigned int i;

	for (i = 0; i < WARDEN_CONFIG_MAGIC_SIZE; i++) {
		if (a[i] != b[i])
			return 0;
		if (!b[i])
			break;
	}
	return 1;
}

static void print_magic(char *out, const char *magic)
{
	unsigned int i;
	char c;

	for (i = 0; i < WARDEN_CONFIG_MAGIC_SIZE; i++) {
		c = magic[i];
		out[i] = c >= 0x20 && c < 0x7f ? c : '.';
	}
	out[i] = '\0';
}

/* The fixed part of a blob is readable: aligned, and not beyond its size. */
static int header_fits(struct check *check, const void *blob, __u64 size, __u64 fixed_size)
{
	if ((__UINTPTR_TYPE__)blob % WARDEN_CONFIG_TABLE_ALIGN) {
		check_error(check, "blob address is not %u-byte aligned",
			    WARDEN_CONFIG_TABLE_ALIGN);
		return -1;
	}
	if (size < fixed_size) {
		check_error(check, "size %llu is smaller than the %llu-byte header",
			    size, fixed_size);
		return -1;
	}
	return 0;
}

/* The header's fields, once header_fits() holds. */
static int header_check(struct check *check, const void *blob, __u64 size,
			const char *magic, __u16 architecture)
{
	const struct warden_config_header *header = blob;
	char shown[WARDEN_CONFIG_MAGIC_SIZE + 1];

	if (!magic_equal(header->magic, magic)) {
		print_magic(shown, header->magic);
		check_error(check, "magic '%s' is not '%s'", shown, magic);
		return -1;
	}
	if (header->revision != WARDEN_CONFIG_REVISION) {
		check_error(check, "revision %u is not the supported revision %u",
			    header->revision, WARDEN_CONFIG_REVISION);
		return -1;
	}
	if (header->architecture != WARDEN_ARCH_X86_64 &&
	    header->architecture != WARDEN_ARCH_ARM64) {
		check_error(check, "architecture %u is unknown", header->architecture);
		return -1;
	}
	if (architecture && header->architecture != architecture) {
		check_error(check, "architecture %u is not the expected %u", header->architecture,
			    architecture);
		return -1;
	}
	if (header->total_size != size) {
		check_error(check, "total_size %u is not the blob size %llu",
			    header->total_size, size);
		return -1;
	}
	return 0;
}

/* Returns the table's first element, or 0 (error reported) if out of bounds. */
static const void *table_open(struct check *check, const void *blob, __u64 size,
			      __u64 fixed_size, const struct warden_config_table *table,
			      const char *name, __u64 element_size, int *failed)
{
	if (!table->count)
		return 0;
	if (table->offset % WARDEN_CONFIG_TABLE_ALIGN || table->offset < fixed_size ||
	    table->offset > size ||
	    table->count > (size - table->offset) / element_size) {
		check_error(check, "table %s: offset %u count %u lies outside the %llu-byte blob (or is not %u-aligned after the %llu-byte header)",
			    name, table->offset, table->count, size,
			    WARDEN_CONFIG_TABLE_ALIGN, fixed_size);
		*failed = 1;
		return 0;
	}
	return (const char *)blob + table->offset;
}

static void copy_name(struct cell_view *view)
{
	const char *name = view->config->name;
	unsigned int i;

	for (i = 0; i < WARDEN_CELL_NAME_SIZE - 1 && name[i]; i++)
		view->name[i] = name[i] >= 0x20 && name[i] < 0x7f ? name[i] : '?';
	view->name[i] = '\0';
}

int cell_view_open(struct check *check, const void *blob, __u64 size,
		   __u16 architecture, struct cell_view *view)
{
	const __u64 fixed = sizeof(struct warden_cell_config);
	const struct warden_cell_config *config = blob;
	int failed = 0;

	if (header_fits(check, blob, size, fixed))
		return -1;
	/* The name is in the fixed part: even a message about the header names the cell. */
	view->config = config;
	copy_name(view);
	check_set_scope(check, view->is_root ? "root cell" : "cell", view->name);
	if (header_check(check, blob, size, WARDEN_CELL_MAGIC, architecture))
		return -1;

#define OPEN(field, member, element, count_member)				\
	do {									\
		view->member = table_open(check, blob, size, fixed,		\
					  &config->field, #field,		\
					  sizeof(element), &failed);		\
		view->count_member = view->member ? config->field.count : 0;	\
	} while (0)
	OPEN(cpus, cpus, __u64, cpu_words);
	OPEN(memory_regions, regions, struct warden_memory_region, region_count);
	OPEN(irqchips, irqchips, struct warden_irqchip, irqchip_count);
	OPEN(pio_ranges, pio, struct warden_pio_range, pio_count);
	OPEN(pci_devices, pci, struct warden_pci_device, pci_count);
	OPEN(pci_caps, caps, struct warden_pci_capability, cap_count);
#undef OPEN
	return failed ? -1 : 0;
}

static int system_view_open(struct check *check, const void *blob, __u64 size,
			    __u16 architecture, struct system_view *view)
{
	const __u64 fixed = sizeof(struct warden_system_config);
	const struct warden_system_config *config = blob;
	const struct warden_platform *platform;
	int failed = 0;

	check_set_scope(check, "system config", 0);
	if (header_fits(check, blob, size, fixed) ||
	    header_check(check, blob, size, WARDEN_SYSTEM_MAGIC, architecture))
		return -1;
	view->config = config;
	platform = &config->platform;
	view->iommus = table_open(check, blob, size, fixed, &platform->iommu_units,
				  "iommu_units", sizeof(struct warden_iommu), &failed);
	view->iommu_count = view->iommus ? platform->iommu_units.count : 0;
	view->ioapics = table_open(check, blob, size, fixed, &platform->ioapics,
				   "ioapics", sizeof(struct warden_ioapic), &failed);
	view->ioapic_count = view->ioapics ? platform->ioapics.count : 0;
	if (failed)
		return -1;

	if (config->root_cell_offset % WARDEN_CONFIG_TABLE_ALIGN ||
	    config->root_cell_offset < fixed || config->root_cell_offset > size ||
	    config->root_cell_size > size - config->root_cell_offset) {
		check_error(check, "root_cell_offset %u size %u lies outside the %llu-byte blob (or is not %u-aligned after the header)",
			    config->root_cell_offset, config->root_cell_size, size,
			    WARDEN_CONFIG_TABLE_ALIGN);
		return -1;
	}
	view->root.is_root = 1;
	check_set_scope(check, "root cell", 0);
	if (cell_view_open(check, (const char *)blob + config->root_cell_offset,
			   config->root_cell_size, config->header.architecture, &view->root))
		return -1;
	return 0;
}

static void check_init(struct check *check, struct config_check_report *report)
{
	check->report = report;
	check->errors = 0;
	check->scope[0] = '\0';
}

unsigned int config_check_system(const void *system, __u64 system_size,
				 struct config_check_report *report)
{
	struct system_view view = { 0 };
	struct check check;

	check_init(&check, report);
	if (system_view_open(&check, system, system_size,
			     report->expected_architecture, &view))
		return check.errors;

	check_set_scope(&check, "system config", 0);
	platform_check(&check, &view);

	check_set_scope(&check, "root cell", view.root.name);
	cell_check_contents(&check, &view.root);
	cell_check_in_system(&check, &view, &view.root);
	return check.errors;
}

unsigned int config_check_cell(const void *system, __u64 system_size,
			       const void *cell, __u64 cell_size,
			       struct config_check_report *report)
{
	struct system_view system_view = { 0 };
	struct cell_view view = { 0 };
	struct check check;

	check_init(&check, report);
	if (system) {
		if (config_check_system(system, system_size, report))
			return 1;
		/* Valid now: open it again (no messages) to get the view. */
		system_view_open(&check, system, system_size, 0, &system_view);
	}

	check_set_scope(&check, "cell", 0);
	if (cell_view_open(&check, cell, cell_size, system ?
			   system_view.config->header.architecture :
			   report->expected_architecture, &view))
		return check.errors;
	cell_check_contents(&check, &view);
	if (system)
		cell_check_in_system(&check, &system_view, &view);
	return check.errors;
}

unsigned int config_check_cell_pair(const void *cell_a, __u64 cell_a_size,
				    const void *cell_b, __u64 cell_b_size,
				    struct config_check_report *report)
{
	struct cell_view a = { 0 }, b = { 0 };
	struct check check;

	check_init(&check, report);
	check_set_scope(&check, "cell", 0);
	if (cell_view_open(&check, cell_a, cell_a_size,
			   report->expected_architecture, &a))
		return check.errors;
	check_set_scope(&check, "cell", 0);
	if (cell_view_open(&check, cell_b, cell_b_size, a.config->header.architecture, &b))
		return check.errors;
	cell_check_pair(&check, &a, &b);
	return check.errors;
}
