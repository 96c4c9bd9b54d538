// SPDX-License-Identifier: GPL-2.0-only
/*
 * `warden config create`: the system config of the running x86 machine, from
 * /proc (iomem, ioports, cmdline, cpuinfo), sysfs (CPUs, PCI devices) and the
 * ACPI tables. The root cell gets every CPU, all RAM and device memory, all
 * ports but PCI configuration mechanism #1, and every PCI device; the
 * hypervisor gets the start of the memmap= reservation, the rest of it is the
 * cells' area (owned by the root cell, which loads cell images there).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <warden/config_check.h>
#include "commands.h"
#include "config_create.h"
#include "config_proc.h"
#include "config_tool.h"

#define MAX_RESOURCES		4096
#define PAGE_MASK		0xfffULL
#define LOCAL_APIC_BASE		0xfee00000ULL	/* Intel SDM vol. 3A, 11.4.1 */
#define RAM_FLAGS	(WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_EXECUTE | WARDEN_MEM_DMA)

struct create_options {
	const char *root;
	const char *output;
	const char *binary;
	unsigned long long hypervisor_size;
	struct warden_console console;
};

static int add_region(struct cell_model *cell, __u64 start, __u64 end, __u64 flags)
{
	struct warden_memory_region *r;

	start &= ~PAGE_MASK;
	end = (end | PAGE_MASK) + 1;	/* end was inclusive */
	if (cell->region_count == MODEL_MAX_REGIONS) {
		fprintf(stderr, "warden: more than %d memory regions\n", MODEL_MAX_REGIONS);
		return -1;
	}
	r = &cell->regions[cell->region_count++];
	r->phys_start = r->virt_start = start;
	r->size = end - start;
	r->flags = flags;
	return 0;
}

static int compare_regions(const void *a, const void *b)
{
	const struct warden_memory_region *x = a, *y = b;

	return x->phys_start < y->phys_start ? -1 : x->phys_start > y->phys_start;
}

/* Sorts, then joins overlapping regions (and touching ones of equal flags). */
static void merge_regions(struct cell_model *cell)
{
	struct warden_memory_region *last = NULL, *r;
	unsigned int i, count = 0;
	__u64 end;

	qsort(cell->regions, cell->region_count, sizeof(*r), compare_regions);
	for (i = 0; i < cell->region_count; i++) {
		r = &cell->regions[i];
		if (last && (r->phys_start < last->phys_start + last->size ||
			     (r->phys_start == last->phys_start + last->size &&
			      r->flags == last->flags))) {
			end = r->phys_start + r->size;
			if (end > last->phys_start + last->size)
				last->size = end - last->phys_start;
			last->flags |= r->flags;
			continue;
		}
		cell->regions[count] = *r;
		last = &cell->regions[count++];
	}
	cell->region_count = count;
}

/* Cuts [start, start + size) out of every region (split in two if needed). */
static int subtract_window(struct cell_model *cell, __u64 start, __u64 size)
{
	struct warden_memory_region *r, tail;
	__u64 end, r_end;
	unsigned int i;

	start &= ~PAGE_MASK;
	end = (start + size + PAGE_MASK) & ~PAGE_MASK;
	for (i = 0; i < cell->region_count; i++) {
		r = &cell->regions[i];
		r_end = r->phys_start + r->size;
		if (r_end <= start || r->phys_start >= end)
			continue;
		tail = *r;
		tail.phys_start = tail.virt_start = end;
		tail.size = r_end > end ? r_end - end : 0;
		r->size = start > r->phys_start ? start - r->phys_start : 0;
		if (!r->size) {
			*r = tail;
		} else if (tail.size) {
			if (cell->region_count == MODEL_MAX_REGIONS)
				return -1;
			cell->regions[cell->region_count++] = tail;
		}
		if (!r->size) {
			cell->regions[i--] = cell->regions[--cell->region_count];
		}
	}
	return 0;
}

static int is_window_name(const char *name)
{
	return !strncmp(name, "PCI Bus", 7) || !strcmp(name, "Local APIC") ||
		!strncmp(name, "IOAPIC", 6) || !strncmp(name, "dmar", 4) ||
		!strncmp(name, "PCI MMCONFIG", 12) || !strncmp(name, "PCI ECAM", 8);
}

/* RAM is cached and executable; firmware areas are memory too; the rest is devices. */
static __u64 region_flags(const char *name)
{
	if (!strcmp(name, "System RAM"))
		return RAM_FLAGS;
	if (!strcasecmp(name, "Reserved") || strstr(name, "ACPI") || strstr(name, "ROM"))
		return WARDEN_MEM_READ | WARDEN_MEM_WRITE;
	return WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_IO;
}

/* The memmap=SIZE$ADDRESS reservation on the kernel command line. */
static int find_memmap(const char *root, __u64 *start, __u64 *size)
{
	char cmdline[4096], token[128], *p, *dollar, *end;
	unsigned long long value;
	size_t length;

	if (text_read(root, "/proc/cmdline", cmdline, sizeof(cmdline)))
		return -1;
	for (p = strstr(cmdline, "memmap="); p; p = strstr(p + 1, "memmap=")) {
		length = strcspn(p + 7, " ");
		if (length >= sizeof(token))
			continue;
		memcpy(token, p + 7, length);
		token[length] = '\0';
		dollar = strchr(token, '$');
		if (!dollar)
			continue;
		*dollar = '\0';
		if (dollar > token && dollar[-1] == '\\')	/* as escaped for a boot loader */
			dollar[-1] = '\0';
		if (parse_size(token, &value))
			continue;
		*start = strtoull(dollar + 1, &end, 0);
		if (*end || end == dollar + 1)
			continue;
		*size = value;
		return 0;
	}
	return -1;
}

static int read_memory(const struct create_options *options, struct system_model *system)
{
	struct cell_model *root = &system->root;
	struct resource_entry *iomem = calloc(MAX_RESOURCES, sizeof(*iomem));
	__u64 reserve_start = 0, reserve_size = 0;
	int count, i, errors = 0, reserved = 0;

	if (!iomem)
		return 1;
	if (find_memmap(options->root, &reserve_start, &reserve_size)) {
		fprintf(stderr, "warden: no memmap=SIZE$ADDRESS on the kernel command line (%s/proc/cmdline): reserve memory for the hypervisor and cells first\n",
			options->root);
		errors++;
	}
	count = resources_read(options->root, "/proc/iomem", iomem, MAX_RESOURCES);
	for (i = 0; i < count; i++) {
		if (iomem[i].depth || is_window_name(iomem[i].name))
			continue;
		if (iomem[i].start == reserve_start && reserve_size &&
		    iomem[i].end == reserve_start + reserve_size - 1) {
			reserved = 1;
			continue;
		}
		errors += add_region(root, iomem[i].start, iomem[i].end,
				     region_flags(iomem[i].name)) != 0;
	}
	free(iomem);
	if (count <= 0)
		return errors + 1;
	if (reserve_size && !reserved) {
		fprintf(stderr, "warden: memmap= reservation 0x%llx-0x%llx is not a 'Reserved' range in /proc/iomem\n",
			reserve_start, reserve_start + reserve_size - 1);
		errors++;
	}
	if (reserve_size && reserve_size <= options->hypervisor_size) {
		fprintf(stderr, "warden: memmap= reservation of 0x%llx bytes leaves nothing for cells after the 0x%llx-byte hypervisor memory\n",
			reserve_size, options->hypervisor_size);
		errors++;
	}
	if (errors)
		return errors;
	system->config.hypervisor_memory.phys_start = reserve_start;
	system->config.hypervisor_memory.size = options->hypervisor_size;
	/* The cells' area right after it; the root cell loads cell images there. */
	return add_region(root, reserve_start + options->hypervisor_size,
			  reserve_start + reserve_size - 1, RAM_FLAGS) != 0;
}

static int cut_windows(struct system_model *system)
{
	const struct warden_platform *p = &system->config.platform;
	struct cell_model *root = &system->root;
	unsigned int i;
	int failed = 0;

	merge_regions(root);
	failed |= subtract_window(root, LOCAL_APIC_BASE, 0x1000);
	for (i = 0; i < system->ioapic_count; i++)
		failed |= subtract_window(root, system->ioapics[i].address, 0x1000);
	for (i = 0; i < system->iommu_count; i++)
		failed |= subtract_window(root, system->iommus[i].base, system->iommus[i].size);
	if (p->mmconfig_base)
		failed |= subtract_window(root, p->mmconfig_base,
					  (__u64)(p->mmconfig_end_bus - p->mmconfig_start_bus + 1) << 20);
	failed |= subtract_window(root, system->config.hypervisor_memory.phys_start,
				  system->config.hypervisor_memory.size);
	qsort(root->regions, root->region_count, sizeof(root->regions[0]), compare_regions);
	return failed;
}

static void read_cpu_features(const char *root, struct system_model *system)
{
	struct warden_platform *p = &system->config.platform;
	struct resource_entry ports[512];
	char path[512], line[4096];
	FILE *file = fopen(proc_path(path, sizeof(path), root, "/proc/cpuinfo"), "r");
	int count, i;

	p->apic_mode = WARDEN_APIC_MODE_XAPIC;
	while (file && fgets(line, sizeof(line), file))
		if (!strncmp(line, "flags", 5) && strstr(line, " x2apic"))
			p->apic_mode = WARDEN_APIC_MODE_X2APIC;
	if (file)
		fclose(file);
	if (p->pm_timer_port)
		return;
	count = resources_read(root, "/proc/ioports", ports, 512);
	for (i = 0; i < count; i++)
		if (strstr(ports[i].name, "PM_TMR")) {
			p->pm_timer_port = (__u16)ports[i].start;
			p->pm_timer_bits = 24;
		}
}

static void give_root_the_rest(struct system_model *system)
{
	struct cell_model *root = &system->root;
	struct warden_irqchip *chip;
	unsigned int i, pin;

	cell_model_set_name(root, "linux");
	/* All ports but 0xcf8-0xcff (PCI config mechanism #1, emulated). */
	root->pio[0] = (struct warden_pio_range){ 0, 0xcf8 };
	root->pio[1] = (struct warden_pio_range){ 0xd00, WARDEN_PIO_PORTS - 0xd00 };
	root->pio_count = 2;
	for (i = 0; i < system->ioapic_count && i < MODEL_MAX_IRQCHIPS; i++) {
		chip = &root->irqchips[root->irqchip_count++];
		chip->address = system->ioapics[i].address;
		for (pin = 0; pin < system->ioapics[i].pin_count; pin++)
			chip->pin_bitmap[pin / 64] |= 1ULL << (pin % 64);
	}
}

static int parse_console(const char *text, struct warden_console *console)
{
	char *end;

	memset(console, 0, sizeof(*console));
	if (!strcmp(text, "none"))
		return 0;
	if (!strncmp(text, "pio:", 4))
		console->type = WARDEN_CONSOLE_8250_PIO;
	else if (!strncmp(text, "mmio:", 5))
		console->type = WARDEN_CONSOLE_8250_MMIO;
	else
		return -1;
	console->address = strtoull(strchr(text, ':') + 1, &end, 0);
	if (console->type == WARDEN_CONSOLE_8250_MMIO)
		console->flags = WARDEN_CONSOLE_ACCESS_MMIO8;
	console->divisor = 1;
	return *end ? -1 : 0;
}

static void usage(FILE *out)
{
	fputs("usage: warden config create [-o FILE.dts] [--output-binary FILE.cell] [options]\n"
	      "Writes the system config of this machine (run as root) from /proc, sysfs\n"
	      "and the ACPI tables. Linux must have been booted with memmap=SIZE$ADDRESS:\n"
	      "the hypervisor memory is the start of that reservation, the rest is for cells.\n"
	      "  -o, --output FILE         DTS to write (default: standard output)\n"
	      "  --output-binary FILE      also write the binary, without needing dtc\n"
	      "  --hypervisor-size SIZE    hypervisor memory (default 16M)\n"
	      "  --console none|pio:PORT|mmio:ADDRESS  hypervisor console (default pio:0x3f8)\n"
	      "  --sysroot DIR             read /proc and /sys under DIR (for tests)\n", out);
}

static int parse_options(int argc, char **argv, struct create_options *options)
{
	static const struct option long_options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "output-binary", required_argument, NULL, 'b' },
		{ "hypervisor-size", required_argument, NULL, 's' },
		{ "console", required_argument, NULL, 'c' },
		{ "sysroot", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int option;

	options->root = "";
	options->hypervisor_size = 16 << 20;
	parse_console("pio:0x3f8", &options->console);
	optind = 1;
	while ((option = getopt_long(argc, argv, "o:h", long_options, NULL)) != -1) {
		switch (option) {
		case 'o': options->output = optarg; break;
		case 'b': options->binary = optarg; break;
		case 'r': options->root = optarg; break;
		case 's':
			if (parse_size(optarg, &options->hypervisor_size) ||
			    !options->hypervisor_size || options->hypervisor_size & PAGE_MASK) {
				fprintf(stderr, "warden config create: --hypervisor-size '%s': want a page multiple like 16M\n",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'c':
			if (parse_console(optarg, &options->console)) {
				fprintf(stderr, "warden config create: --console '%s': want none, pio:PORT or mmio:ADDRESS\n",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return -1;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	return 0;
}

static int write_outputs(const struct create_options *options, struct system_model *system)
{
	struct config_check_report report = { 0 };
	void *blob;
	size_t size;
	int result = 0;

	if (system_model_serialize(system, &blob, &size))
		return EXIT_INVALID;
	report.emit = config_report_to_stderr;
	report.context = "warden config create: generated config";
	/* The DTS is written even if invalid, so that it can be looked at and fixed. */
	if (config_check_system(blob, size, &report))
		result = EXIT_INVALID;
	if (config_write_dts(options->output, system, NULL,
			     "Generated by 'warden config create' on the machine it describes.\n"
			     "Build with: warden config build FILE.dts -o FILE.cell"))
		result = EXIT_INVALID;
	if (!result && options->binary && file_write(options->binary, blob, size))
		result = EXIT_INVALID;
	free(blob);
	return result;
}

int config_create(int argc, char **argv)
{
	struct create_options options = { 0 };
	struct system_model *system;
	int result, errors = 0;

	result = parse_options(argc, argv, &options);
	if (result)
		return result < 0 ? 0 : result;
	system = system_model_new();
	if (!system)
		return EXIT_INVALID;
	system->config.debug_console = options.console;
	if (cpu_list_read(options.root, "/sys/devices/system/cpu/present", system->root.cpus,
			  MODEL_CPU_WORDS))
		errors++;
	errors += acpi_read_platform(options.root, system);
	read_cpu_features(options.root, system);
	errors += read_memory(&options, system);
	errors += pci_read_devices(options.root, system);
	if (!errors && cut_windows(system)) {
		fprintf(stderr, "warden: too many memory regions\n");
		errors++;
	}
	give_root_the_rest(system);
	result = errors ? EXIT_INVALID : write_outputs(&options, system);
	free(system);
	return result;
}
