// SPDX-License-Identifier: GPL-2.0-only
/*
 * `warden config cell`: derives a cell config from a system config and what
 * the cell should get (CPUs, RAM size, ports, pins, PCI devices). RAM comes
 * from the cells' area (the root region right after the hypervisor memory,
 * as `warden config create` lays it out) unless --mem-base says where.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <warden/comm_region.h>
#include <warden/config_check.h>
#include "commands.h"
#include "config_tool.h"

struct cell_request {
	const char *output, *binary, *system_path;
	unsigned long long mem_size, mem_base;
	int have_base;
};

static void usage(FILE *out)
{
	fputs("usage: warden config cell SYSTEM --name NAME --cpus LIST --mem SIZE [options]\n"
	      "Writes a cell config (DTS) that takes its resources from SYSTEM's root cell.\n"
	      "  --name NAME             cell name\n"
	      "  --cpus LIST             CPUs, e.g. 3 or 2-3 (never 0)\n"
	      "  --mem SIZE              RAM at guest-physical 0, e.g. 1M (above 1 MiB it\n"
	      "                          continues after the comm region at 0x100000)\n"
	      "  --mem-base ADDRESS      its physical start (default: the cells' area start)\n"
	      "  --pio BASE:LENGTH       a port range, e.g. 0x2f8:8 (repeatable)\n"
	      "  --pin N                 an IOAPIC pin of the first IOAPIC (repeatable)\n"
	      "  --pci BUS:DEV.FN        a PCI device of the root cell (repeatable); add its\n"
	      "                          BAR memory regions to the DTS by hand\n"
	      "  --console pio:PORT      the inmate's console\n"
	      "  -o FILE.dts             output (default: standard output)\n"
	      "  --output-binary FILE    also write the binary\n", out);
}

static int parse_cpus(const char *text, struct cell_model *cell)
{
	unsigned long first, last;
	const char *p = text;
	char *end;

	while (*p) {
		first = last = strtoul(p, &end, 0);
		if (*end == '-')
			last = strtoul(end + 1, &end, 0);
		if (end == p || last < first || last >= MODEL_MAX_CPUS || (*end && *end != ','))
			return -1;
		while (first <= last) {
			cell->cpus[first / 64] |= 1ULL << (first % 64);
			first++;
		}
		p = *end ? end + 1 : end;
	}
	return 0;
}

static int add_pci(const struct system_model *system, struct cell_model *cell, const char *text)
{
	const struct cell_model *root = &system->root;
	unsigned int bus, device, function, found, i, bdf;
	struct warden_pci_device *dev;

	if (sscanf(text, "%x:%x.%x", &bus, &device, &function) != 3 || bus > 255 || device > 31 ||
	    function > 7 || cell->pci_count == MODEL_MAX_PCI)
		return -1;
	bdf = bus << 8 | device << 3 | function;
	for (found = 0; found < root->pci_count && root->pci[found].bdf != bdf; found++)
		;
	if (found == root->pci_count) {
		fprintf(stderr, "warden config cell: --pci %s: the root cell has no such device\n",
			text);
		return -1;
	}
	dev = &cell->pci[cell->pci_count++];
	*dev = root->pci[found];
	dev->caps_start = dev->caps_count ? (__u16)cell->cap_count : 0;
	for (i = 0; i < dev->caps_count; i++) {
		if (cell->cap_count == MODEL_MAX_CAPS)
			return -1;
		cell->caps[cell->cap_count++] = root->caps[root->pci[found].caps_start + i];
	}
	return 0;
}

/* The cells' area: the root region that starts where the hypervisor memory ends. */
static int cells_area(const struct system_model *system, unsigned long long *base)
{
	const struct warden_memory *hv = &system->config.hypervisor_memory;
	unsigned int i;

	for (i = 0; i < system->root.region_count; i++)
		if (system->root.regions[i].phys_start == hv->phys_start + hv->size) {
			*base = system->root.regions[i].phys_start;
			return 0;
		}
	return -1;
}

static int add_memory(const struct cell_request *request, const struct system_model *system,
		      struct cell_model *cell)
{
	const __u64 ram_flags = WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_EXECUTE |
		WARDEN_MEM_LOADABLE;
	unsigned long long base = request->mem_base;
	__u64 size = (request->mem_size + 0xfff) & ~0xfffULL, below;

	if (!request->have_base && cells_area(system, &base)) {
		fprintf(stderr, "warden config cell: %s: no root region starts right after the hypervisor memory; give --mem-base\n",
			request->system_path);
		return -1;
	}
	/* RAM from guest-physical 0; the comm region where inmates expect it
	 * (docs/cell-abi.md); RAM beyond it continues after the comm page. */
	below = size < WARDEN_COMM_REGION_ADDRESS ? size : WARDEN_COMM_REGION_ADDRESS;
	cell->regions[0] = (struct warden_memory_region){ base, 0, below, ram_flags };
	cell->regions[1] = (struct warden_memory_region){
		0, WARDEN_COMM_REGION_ADDRESS, WARDEN_COMM_REGION_SIZE,
		WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_COMM_REGION };
	cell->region_count = 2;
	if (size > below)
		cell->regions[cell->region_count++] = (struct warden_memory_region){
			base + below, WARDEN_COMM_REGION_ADDRESS + WARDEN_COMM_REGION_SIZE,
			size - below, ram_flags };
	cell->config.cpu_reset_address = WARDEN_CELL_DEFAULT_RESET;
	return 0;
}

static int add_pin(const struct system_model *system, struct cell_model *cell, const char *text)
{
	char *end;
	unsigned long pin = strtoul(text, &end, 0);

	if (*end || end == text || !system->ioapic_count || pin >= WARDEN_IRQCHIP_PINS)
		return -1;
	cell->irqchip_count = 1;
	cell->irqchips[0].address = system->ioapics[0].address;
	cell->irqchips[0].pin_bitmap[pin / 64] |= 1ULL << (pin % 64);
	return 0;
}

static int add_pio(struct cell_model *cell, const char *text)
{
	unsigned long base, length;
	char *end;

	base = strtoul(text, &end, 0);
	if (*end != ':' || cell->pio_count == MODEL_MAX_PIO)
		return -1;
	length = strtoul(end + 1, &end, 0);
	if (*end || !length || base >= WARDEN_PIO_PORTS || length > WARDEN_PIO_PORTS - base)
		return -1;
	cell->pio[cell->pio_count].base = (__u32)base;
	cell->pio[cell->pio_count++].length = (__u32)length;
	return 0;
}

static int finish(const struct cell_request *request, const struct config_file *system,
		  const struct cell_model *cell)
{
	struct config_check_report report = { 0 };
	void *blob;
	size_t size;
	int result = 0;

	if (cell_model_serialize(cell, &blob, &size))
		return EXIT_INVALID;
	report.emit = config_report_to_stderr;
	report.context = "warden config cell: derived config";
	if (config_check_cell(system->blob, system->size, blob, size, &report)) {
		free(blob);
		return EXIT_INVALID;
	}
	if (config_write_dts(request->output, NULL, cell,
			     "Derived by 'warden config cell' from a system config."))
		result = EXIT_INVALID;
	if (!result && request->binary && file_write(request->binary, blob, size))
		result = EXIT_INVALID;
	free(blob);
	return result;
}

static int bad_option(const char *option, const char *value)
{
	fprintf(stderr, "warden config cell: %s '%s' is not valid (see --help)\n", option, value);
	return EXIT_USAGE;
}

int config_cell(int argc, char **argv)
{
	static const struct option options[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "cpus", required_argument, NULL, 'c' },
		{ "mem", required_argument, NULL, 'm' },
		{ "mem-base", required_argument, NULL, 'b' },
		{ "pio", required_argument, NULL, 'p' },
		{ "pin", required_argument, NULL, 'i' },
		{ "pci", required_argument, NULL, 'd' },
		{ "console", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ "output-binary", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cell_request request = { 0 };
	struct include_dirs includes = { { 0 }, 0 };
	struct config_file system_file = { 0 };
	struct system_model *system = system_model_new();
	struct cell_model *cell = cell_model_new();
	int option, result = EXIT_USAGE, have_name = 0, have_cpus = 0;

	if (!system || !cell)
		goto out;
	/* First pass: the system config and -o; options that need the system wait. */
	optind = 1;
	while ((option = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (option) {
		case 'h': usage(stdout); result = 0; goto out;
		case 'o': request.output = optarg; break;
		case 'B': request.binary = optarg; break;
		case '?': usage(stderr); goto out;
		default: break;	/* handled once the system config is loaded */
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		goto out;
	}
	request.system_path = argv[optind];
	result = EXIT_INVALID;
	if (config_file_load(request.system_path, &includes, &system_file) ||
	    config_file_check(&system_file, NULL))
		goto out;
	if (system_file.kind != 's') {
		fprintf(stderr, "%s: not a system config\n", request.system_path);
		goto out;
	}
	system_model_load(system_file.blob, system);

	result = EXIT_USAGE;
	optind = 1;
	while ((option = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (option) {
		case 'n':
			if (!*optarg || strlen(optarg) >= WARDEN_CELL_NAME_SIZE)
				{ result = bad_option("--name", optarg); goto out; }
			cell_model_set_name(cell, optarg);
			have_name = 1;
			break;
		case 'c':
			if (parse_cpus(optarg, cell))
				{ result = bad_option("--cpus", optarg); goto out; }
			have_cpus = 1;
			break;
		case 'm':
			if (parse_size(optarg, &request.mem_size) || !request.mem_size)
				{ result = bad_option("--mem", optarg); goto out; }
			break;
		case 'b':
			if (parse_size(optarg, &request.mem_base))
				{ result = bad_option("--mem-base", optarg); goto out; }
			request.have_base = 1;
			break;
		case 'p':
			if (add_pio(cell, optarg))
				{ result = bad_option("--pio", optarg); goto out; }
			break;
		case 'i':
			if (add_pin(system, cell, optarg))
				{ result = bad_option("--pin", optarg); goto out; }
			break;
		case 'd':
			if (add_pci(system, cell, optarg))
				{ result = bad_option("--pci", optarg); goto out; }
			break;
		case 'k':
			if (strncmp(optarg, "pio:", 4))
				{ result = bad_option("--console", optarg); goto out; }
			cell->config.console.type = WARDEN_CONSOLE_8250_PIO;
			cell->config.console.address = strtoull(optarg + 4, NULL, 0);
			cell->config.console.divisor = 1;
			break;
		}
	}
	if (!have_name || !have_cpus || !request.mem_size) {
		fprintf(stderr, "warden config cell: --name, --cpus and --mem are required\n");
		goto out;
	}
	cell->config.flags = WARDEN_CELL_PASSIVE_COMM_REGION;
	result = add_memory(&request, system, cell) ? EXIT_INVALID :
		finish(&request, &system_file, cell);
out:
	config_file_free(&system_file);
	free(system);
	free(cell);
	return result;
}
