/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of the configuration validator (config_check*.c): the views of
 * a blob whose structure was checked, and the error reporting.
 */
#ifndef WARDEN_CONFIG_CHECK_INTERNAL_H
#define WARDEN_CONFIG_CHECK_INTERNAL_H

#include <warden/config_check.h>

#define CHECK_SCOPE_SIZE	64

/* One run of the checks: where the messages go and what they are about. */
struct check {
	struct config_check_report *report;
	unsigned int errors;		/* found by this run */
	char scope[CHECK_SCOPE_SIZE];	/* "system config", "cell 'name'" */
};

/* A cell blob whose header and tables are in bounds. */
struct cell_view {
	const struct warden_cell_config *config;
	const __u64 *cpus;
	const struct warden_memory_region *regions;
	const struct warden_irqchip *irqchips;
	const struct warden_pio_range *pio;
	const struct warden_pci_device *pci;
	const struct warden_pci_capability *caps;
	__u32 cpu_words, region_count, irqchip_count, pio_count;
	__u32 pci_count, cap_count;
	int is_root;
	char name[WARDEN_CELL_NAME_SIZE];	/* printable, NUL-terminated */
};

/* A system blob whose header, tables and root cell structure are in bounds. */
struct system_view {
	const struct warden_system_config *config;
	const struct warden_iommu *iommus;
	const struct warden_ioapic *ioapics;
	__u32 iommu_count, ioapic_count;
	struct cell_view root;
};

/* config_check_format.c */
void check_error(struct check *check, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
void check_set_scope(struct check *check, const char *kind, const char *name);

/* config_check.c */
int check_range_valid(__u64 start, __u64 size);
int check_ranges_overlap(__u64 a_start, __u64 a_size, __u64 b_start, __u64 b_size);
int cell_view_open(struct check *check, const void *blob, __u64 size,
		   __u16 architecture, struct cell_view *view);

/* config_check_cell.c, config_check_relations.c */
void cell_check_contents(struct check *check, const struct cell_view *cell);
void cell_check_in_system(struct check *check, const struct system_view *system,
			  const struct cell_view *cell);
void cell_check_pair(struct check *check, const struct cell_view *a,
		     const struct cell_view *b);

/* config_check_platform.c */
void console_check(struct check *check, const struct warden_console *console,
		   const char *element);
void platform_check(struct check *check, const struct system_view *system);
void platform_check_windows(struct check *check, const struct system_view *system,
			    int with_hypervisor_memory, const char *element, unsigned int index, __u64 start,
			    __u64 size);

#endif /* WARDEN_CONFIG_CHECK_INTERNAL_H */
