/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tool's in-memory form of a configuration: the ABI structures with
 * fixed-capacity arrays. Parsed from device-tree blobs (config_dtb.c), read
 * from /proc and sysfs (config_create.c) or from a binary (model_*_load),
 * written as a binary (model_*_serialize) or as DTS (config_dts.c).
 */
#ifndef WARDEN_TOOLS_CONFIG_MODEL_H
#define WARDEN_TOOLS_CONFIG_MODEL_H

#include <stddef.h>
#include <warden/config.h>

#define MODEL_MAX_CPUS		256
#define MODEL_CPU_WORDS		(MODEL_MAX_CPUS / 64)
#define MODEL_MAX_REGIONS	256
#define MODEL_MAX_IRQCHIPS	16
#define MODEL_MAX_PIO		128
#define MODEL_MAX_PCI		256
#define MODEL_MAX_CAPS		1024
#define MODEL_MAX_IOMMUS	16
#define MODEL_MAX_IOAPICS	16

struct cell_model {
	struct warden_cell_config config;	/* tables are set on serialize */
	__u64 cpus[MODEL_CPU_WORDS];
	struct warden_memory_region regions[MODEL_MAX_REGIONS];
	struct warden_irqchip irqchips[MODEL_MAX_IRQCHIPS];
	struct warden_pio_range pio[MODEL_MAX_PIO];
	struct warden_pci_device pci[MODEL_MAX_PCI];
	struct warden_pci_capability caps[MODEL_MAX_CAPS];
	unsigned int region_count, irqchip_count, pio_count, pci_count, cap_count;
};

struct system_model {
	struct warden_system_config config;	/* tables are set on serialize */
	struct warden_iommu iommus[MODEL_MAX_IOMMUS];
	struct warden_ioapic ioapics[MODEL_MAX_IOAPICS];
	unsigned int iommu_count, ioapic_count;
	struct cell_model root;
};

/* Zeroed models with header magic, revision and architecture (x86_64). */
struct cell_model *cell_model_new(void);
struct system_model *system_model_new(void);

void cell_model_set_name(struct cell_model *cell, const char *name);
int cell_model_has_cpu(const struct cell_model *cell, unsigned int cpu);

/* Binary blobs (malloc'ed, 8-byte aligned); return 0 or -1 (out of memory). */
int cell_model_serialize(const struct cell_model *cell, void **blob, size_t *size);
int system_model_serialize(const struct system_model *system, void **blob, size_t *size);

/* From blobs that passed config_check_*; 0, or -1 if a table exceeds the model. */
int cell_model_load(const void *blob, struct cell_model *cell);
int system_model_load(const void *blob, struct system_model *system);

/* Files: read whole (8-byte aligned buffer) / write whole; 0 or -1 with a message. */
int file_read(const char *path, void **data, size_t *size);
int file_write(const char *path, const void *data, size_t size);

/* Which kind of blob is this? 's' system, 'c' cell, 0 neither. */
int blob_kind(const void *data, size_t size);

#endif /* WARDEN_TOOLS_CONFIG_MODEL_H */
