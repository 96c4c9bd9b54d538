// SPDX-License-Identifier: GPL-2.0-only
/*
 * The in-memory configuration model: creation, binary serialization (header,
 * then the tables in a fixed order, each 8-byte aligned) and loading back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_model.h"

static void header_init(struct warden_config_header *header, const char *magic)
{
	memcpy(header->magic, magic, strlen(magic));
	header->revision = WARDEN_CONFIG_REVISION;
	header->architecture = WARDEN_ARCH_X86_64;
}

struct cell_model *cell_model_new(void)
{
	struct cell_model *cell = calloc(1, sizeof(*cell));

	if (cell)
		header_init(&cell->config.header, WARDEN_CELL_MAGIC);
	return cell;
}

struct system_model *system_model_new(void)
{
	struct system_model *system = calloc(1, sizeof(*system));

	if (!system)
		return NULL;
	header_init(&system->config.header, WARDEN_SYSTEM_MAGIC);
	header_init(&system->root.config.header, WARDEN_CELL_MAGIC);
	return system;
}

void cell_model_set_name(struct cell_model *cell, const char *name)
{
	memset(cell->config.name, 0, sizeof(cell->config.name));
	strncpy(cell->config.name, name, sizeof(cell->config.name) - 1);
}

int cell_model_has_cpu(const struct cell_model *cell, unsigned int cpu)
{
	return cpu < MODEL_MAX_CPUS && (cell->cpus[cpu / 64] >> (cpu % 64)) & 1;
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Lays out one table after *end; copies it when out is given. */
static void put_table(char *out, size_t *end, struct warden_config_table *table,
		      const void *data, unsigned int count, size_t element)
{
	table->count = count;
	table->offset = count ? (__u32)*end : 0;
	if (out && count)
		memcpy(out + *end, data, count * element);
	*end = align8(*end + count * element);
}

static unsigned int cpu_words(const struct cell_model *cell)
{
	unsigned int words = MODEL_CPU_WORDS;

	while (words > 1 && !cell->cpus[words - 1])
		words--;
	return words;
}

/* Writes the cell at out (if not NULL); returns its size. */
static size_t cell_layout(const struct cell_model *cell, char *out)
{
	struct warden_cell_config config = cell->config;
	size_t end = sizeof(config);

	put_table(out, &end, &config.cpus, cell->cpus, cpu_words(cell), sizeof(__u64));
	put_table(out, &end, &config.memory_regions, cell->regions, cell->region_count,
		  sizeof(cell->regions[0]));
	put_table(out, &end, &config.irqchips, cell->irqchips, cell->irqchip_count,
		  sizeof(cell->irqchips[0]));
	put_table(out, &end, &config.pio_ranges, cell->pio, cell->pio_count,
		  sizeof(cell->pio[0]));
	put_table(out, &end, &config.pci_devices, cell->pci, cell->pci_count,
		  sizeof(cell->pci[0]));
	put_table(out, &end, &config.pci_caps, cell->caps, cell->cap_count,
		  sizeof(cell->caps[0]));
	config.header.total_size = (__u32)end;
	if (out)
		memcpy(out, &config, sizeof(config));
	return end;
}

int cell_model_serialize(const struct cell_model *cell, void **blob, size_t *size)
{
	*size = cell_layout(cell, NULL);
	*blob = aligned_alloc(8, align8(*size));
	if (!*blob)
		return -1;
	memset(*blob, 0, align8(*size));
	cell_layout(cell, *blob);
	return 0;
}

static size_t system_layout(const struct system_model *system, char *out)
{
	struct warden_system_config config = system->config;
	size_t end = sizeof(config);

	put_table(out, &end, &config.platform.iommu_units, system->iommus,
		  system->iommu_count, sizeof(system->iommus[0]));
	put_table(out, &end, &config.platform.ioapics, system->ioapics,
		  system->ioapic_count, sizeof(system->ioapics[0]));
	config.root_cell_offset = (__u32)end;
	config.root_cell_size = (__u32)cell_layout(&system->root, out ? out + end : NULL);
	end = align8(end + config.root_cell_size);
	config.header.total_size = (__u32)end;
	if (out)
		memcpy(out, &config, sizeof(config));
	return end;
}

int system_model_serialize(const struct system_model *system, void **blob, size_t *size)
{
	*size = system_layout(system, NULL);
	*blob = aligned_alloc(8, align8(*size));
	if (!*blob)
		return -1;
	memset(*blob, 0, align8(*size));
	system_layout(system, *blob);
	return 0;
}

static int get_table(const void *blob, const struct warden_config_table *table,
		     void *out, unsigned int *count, unsigned int max, size_t element)
{
	if (table->count > max)
		return -1;
	if (table->count)
		memcpy(out, (const char *)blob + table->offset, table->count * element);
	if (count)
		*count = table->count;
	return 0;
}

int cell_model_load(const void *blob, struct cell_model *cell)
{
	const struct warden_cell_config *config = blob;
	int failed = 0;

	memset(cell, 0, sizeof(*cell));
	cell->config = *config;
	failed |= get_table(blob, &config->cpus, cell->cpus, NULL, MODEL_CPU_WORDS, 8);
	failed |= get_table(blob, &config->memory_regions, cell->regions, &cell->region_count,
			    MODEL_MAX_REGIONS, sizeof(cell->regions[0]));
	failed |= get_table(blob, &config->irqchips, cell->irqchips, &cell->irqchip_count,
			    MODEL_MAX_IRQCHIPS, sizeof(cell->irqchips[0]));
	failed |= get_table(blob, &config->pio_ranges, cell->pio, &cell->pio_count,
			    MODEL_MAX_PIO, sizeof(cell->pio[0]));
	failed |= get_table(blob, &config->pci_devices, cell->pci, &cell->pci_count,
			    MODEL_MAX_PCI, sizeof(cell->pci[0]));
	failed |= get_table(blob, &config->pci_caps, cell->caps, &cell->cap_count,
			    MODEL_MAX_CAPS, sizeof(cell->caps[0]));
	return failed ? -1 : 0;
}

int system_model_load(const void *blob, struct system_model *system)
{
	const struct warden_system_config *config = blob;
	int failed = 0;

	memset(system, 0, sizeof(*system));
	system->config = *config;
	failed |= get_table(blob, &config->platform.iommu_units, system->iommus,
			    &system->iommu_count, MODEL_MAX_IOMMUS, sizeof(system->iommus[0]));
	failed |= get_table(blob, &config->platform.ioapics, system->ioapics,
			    &system->ioapic_count, MODEL_MAX_IOAPICS, sizeof(system->ioapics[0]));
	if (failed)
		return -1;
	return cell_model_load((const char *)blob + config->root_cell_offset, &system->root);
}

int file_read(const char *path, void **data, size_t *size)
{
	size_t capacity = 4096, length = 0, n;
	char *buffer = aligned_alloc(8, capacity), *bigger;
	FILE *file = fopen(path, "rb");

	if (!file || !buffer) {
		fprintf(stderr, "warden: cannot read '%s': %s\n", path, strerror(errno));
		free(buffer);
		if (file)
			fclose(file);
		return -1;
	}
	while ((n = fread(buffer + length, 1, capacity - length, file)) > 0) {
		length += n;
		if (length < capacity)
			continue;
		bigger = aligned_alloc(8, capacity * 2);
		if (!bigger)
			break;
		memcpy(bigger, buffer, length);
		free(buffer);
		buffer = bigger;
		capacity *= 2;
	}
	if (ferror(file)) {
		fprintf(stderr, "warden: error reading '%s': %s\n", path, strerror(errno));
		fclose(file);
		free(buffer);
		return -1;
	}
	fclose(file);
	*data = buffer;
	*size = length;
	return 0;
}

int file_write(const char *path, const void *data, size_t size)
{
	FILE *file = fopen(path, "wb");

	if (!file || fwrite(data, 1, size, file) != size) {
		fprintf(stderr, "warden: cannot write '%s': %s\n", path, strerror(errno));
		if (file)
			fclose(file);
		remove(path);
		return -1;
	}
	if (fclose(file)) {
		fprintf(stderr, "warden: cannot write '%s': %s\n", path, strerror(errno));
		remove(path);
		return -1;
	}
	return 0;
}

int blob_kind(const void *data, size_t size)
{
	const struct warden_config_header *header = data;

	if (size < sizeof(*header))
		return 0;
	if (!memcmp(header->magic, WARDEN_SYSTEM_MAGIC, sizeof(WARDEN_SYSTEM_MAGIC)))
		return 's';
	if (!memcmp(header->magic, WARDEN_CELL_MAGIC, sizeof(WARDEN_CELL_MAGIC)))
		return 'c';
	return 0;
}
