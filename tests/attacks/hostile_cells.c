// SPDX-License-Identifier: GPL-2.0-only
/*
 * hostile-cells CELL OUTDIR: writes hand-corrupted copies of a valid cell
 * config (the irqlat cell: RAM and comm region, one IOAPIC share, one port
 * range) into OUTDIR, one file per way of breaking it. raw-cell-create hands
 * them to the driver without the tool's checks; the driver and the
 * hypervisor must refuse each with a sentence and change nothing. Test only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warden/config.h>

static unsigned char *original;
static size_t original_size;

struct variant {
	const char *name;
	void (*mutate)(struct warden_cell_config *config);	/* NULL: only cut */
	size_t cut;		/* bytes written, 0: all */
};

static struct warden_memory_region *region(struct warden_cell_config *config, unsigned int n)
{
	return (struct warden_memory_region *)((unsigned char *)config +
					       config->memory_regions.offset) + n;
}

static __u64 *cpu_words(struct warden_cell_config *config)
{
	return (__u64 *)((unsigned char *)config + config->cpus.offset);
}

static void size_lie(struct warden_cell_config *config)
{
	config->header.total_size += 4096;
}

static void bad_magic(struct warden_cell_config *config)
{
	config->header.magic[0] = 'X';
}

static void unterminated_name(struct warden_cell_config *config)
{
	memset(config->name, 'A', sizeof(config->name));
}

static void root_memory(struct warden_cell_config *config)
{
	region(config, 0)->phys_start = 0x01000000;	/* root Linux's RAM */
}

static void hypervisor_memory(struct warden_cell_config *config)
{
	region(config, 0)->phys_start = 0x30000000;	/* the hypervisor's */
}

static void regions_overlap(struct warden_cell_config *config)
{
	region(config, 1)->virt_start = 0x80000;	/* comm region inside the RAM */
}

static void misaligned_region(struct warden_cell_config *config)
{
	region(config, 0)->size += 1;
}

static void huge_count(struct warden_cell_config *config)
{
	config->memory_regions.count = 0x10000000;
}

static void table_beyond(struct warden_cell_config *config)
{
	config->pio_ranges.offset = config->header.total_size;
}

static void cpu_zero(struct warden_cell_config *config)
{
	cpu_words(config)[0] = 1;	/* root Linux's boot CPU */
}

static void cpu_missing(struct warden_cell_config *config)
{
	cpu_words(config)[0] = 1ULL << 40;
}

static void unknown_flags(struct warden_cell_config *config)
{
	config->flags |= 0x80000000;
}

static void wrong_ioapic(struct warden_cell_config *config)
{
	struct warden_irqchip *irqchip = (struct warden_irqchip *)((unsigned char *)config +
								     config->irqchips.offset);

	irqchip->address += 0x1000;
}

static const struct variant variants[] = {
	{ "truncated", NULL, 64 },
	{ "size-lie", size_lie, 0 },
	{ "bad-magic", bad_magic, 0 },
	{ "unterminated-name", unterminated_name, 0 },
	{ "root-memory", root_memory, 0 },
	{ "hypervisor-memory", hypervisor_memory, 0 },
	{ "regions-overlap", regions_overlap, 0 },
	{ "misaligned-region", misaligned_region, 0 },
	{ "huge-count", huge_count, 0 },
	{ "table-beyond", table_beyond, 0 },
	{ "cpu-zero", cpu_zero, 0 },
	{ "cpu-missing", cpu_missing, 0 },
	{ "unknown-flags", unknown_flags, 0 },
	{ "wrong-ioapic", wrong_ioapic, 0 },
};

static int write_variant(const char *dir, const struct variant *variant)
{
	unsigned char *copy = malloc(original_size);
	size_t size = variant->cut ? variant->cut : original_size;
	char path[512];
	FILE *out;

	if (!copy)
		return -1;
	memcpy(copy, original, original_size);
	if (variant->mutate)
		variant->mutate((struct warden_cell_config *)copy);
	snprintf(path, sizeof(path), "%s/%s.cell", dir, variant->name);
	out = fopen(path, "wb");
	if (!out || fwrite(copy, 1, size, out) != size || fclose(out)) {
		fprintf(stderr, "hostile-cells: cannot write %s\n", path);
		free(copy);
		return -1;
	}
	printf("%s\n", variant->name);
	free(copy);
	return 0;
}

int main(int argc, char **argv)
{
	FILE *in;
	unsigned int n;

	if (argc != 3) {
		fprintf(stderr, "usage: hostile-cells CELL OUTDIR\n");
		return 2;
	}
	in = fopen(argv[1], "rb");
	original = malloc(1 << 16);
	if (!in || !original || !(original_size = fread(original, 1, 1 << 16, in)) ||
	    original_size < sizeof(struct warden_cell_config)) {
		fprintf(stderr, "hostile-cells: cannot read a cell config from %s\n", argv[1]);
		return 2;
	}
	fclose(in);
	for (n = 0; n < sizeof(variants) / sizeof(variants[0]); n++)
		if (write_variant(argv[2], &variants[n]))
			return 1;
	return 0;
}
