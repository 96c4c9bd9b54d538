// SPDX-License-Identifier: GPL-2.0-only
/*
 * `warden config check --live`: the configs against the running Linux. A
 * root cell that lacks some of Linux's RAM, ports, CPUs or PCI devices makes
 * Linux fault once the hypervisor runs; hypervisor memory that Linux may use
 * corrupts both.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_model.h"
#include "config_proc.h"
#include "config_tool.h"

#define MAX_RESOURCES	4096

struct live {
	const char *root;
	const char *system_path;
	unsigned int errors;
	struct system_model *system;
	struct cell_model *cells;	/* cell_count of them */
	const struct config_file *cell_files;
	int cell_count;
};

static void __attribute__((format(printf, 2, 3)))
live_error(struct live *live, const char *format, ...)
{
	va_list args;

	fprintf(stderr, "%s: live: ", live->system_path);
	va_start(args, format);
	vfprintf(stderr, format, args);
	va_end(args);
	fputc('\n', stderr);
	live->errors++;
}

/* First address of [start, end] not in the cell's regions (comm excluded), or end + 1. */
static __u64 first_uncovered(const struct cell_model *cell, __u64 start, __u64 end)
{
	const struct warden_memory_region *r;
	unsigned int i, steps;

	for (steps = 0; steps <= cell->region_count; steps++) {
		for (i = 0; i < cell->region_count; i++) {
			r = &cell->regions[i];
			if (!(r->flags & WARDEN_MEM_COMM_REGION) && start >= r->phys_start &&
			    start - r->phys_start < r->size)
				break;
		}
		if (i == cell->region_count)
			return start;
		if (r->phys_start + r->size - 1 >= end)
			return end + 1;
		start = r->phys_start + r->size;
	}
	return start;
}

static void check_ram_owners(struct live *live, const struct resource_entry *ram)
{
	const struct warden_memory_region *r;
	__u64 hole = first_uncovered(&live->system->root, ram->start, ram->end);
	unsigned int k;
	int j;

	if (hole <= ram->end)
		live_error(live, "root cell: System RAM 0x%llx-0x%llx in /proc/iomem is not all in its memory regions (0x%llx is missing): Linux would fault",
			   ram->start, ram->end, hole);
	for (j = 0; j < live->cell_count; j++)
		for (k = 0; k < live->cells[j].region_count; k++) {
			r = &live->cells[j].regions[k];
			if (!(r->flags & (WARDEN_MEM_COMM_REGION | WARDEN_MEM_ROOT_SHARED)) &&
			    r->phys_start <= ram->end && ram->start <= r->phys_start + r->size - 1)
				live_error(live, "%s: memory region %u 0x%llx size 0x%llx is Linux's System RAM 0x%llx-0x%llx",
					   live->cell_files[j].path, k, r->phys_start, r->size,
					   ram->start, ram->end);
		}
}

static void check_memory(struct live *live, const struct resource_entry *iomem, int count)
{
	const struct warden_memory *hv = &live->system->config.hypervisor_memory;
	__u64 hv_end = hv->phys_start + hv->size - 1;
	int i, reserved = 0, nonzero = 0;

	for (i = 0; i < count; i++) {
		nonzero |= iomem[i].end != 0;
		if (iomem[i].depth)
			continue;
		if (!strcasecmp(iomem[i].name, "Reserved") && iomem[i].start <= hv->phys_start &&
		    iomem[i].end >= hv_end)
			reserved = 1;
		if (strcmp(iomem[i].name, "System RAM"))
			continue;
		if (iomem[i].start <= hv_end && hv->phys_start <= iomem[i].end)
			live_error(live, "hypervisor memory 0x%llx-0x%llx overlaps Linux's System RAM 0x%llx-0x%llx",
				   hv->phys_start, hv_end, iomem[i].start, iomem[i].end);
		check_ram_owners(live, &iomem[i]);
	}
	if (!nonzero)
		live_error(live, "/proc/iomem shows only zero addresses: run as root");
	else if (!reserved)
		live_error(live, "hypervisor memory 0x%llx-0x%llx is not inside a 'Reserved' range of /proc/iomem: boot Linux with memmap=SIZE$ADDRESS covering it",
			   hv->phys_start, hv_end);
}

static int ports_owned(const struct cell_model *cell, __u64 start, __u64 end)
{
	unsigned int i;

	for (i = 0; i < cell->pio_count; i++)
		if (start >= cell->pio[i].base && end < (__u64)cell->pio[i].base + cell->pio[i].length)
			return 1;
	return 0;
}

/* Linux's console UARTs must stay the root cell's, or Linux hangs silently. */
static void check_console_ports(struct live *live)
{
	char consoles[1024], path[128], port_text[32], *line, *save = NULL;
	unsigned long long port;
	int index, j;

	if (text_read(live->root, "/proc/consoles", consoles, sizeof(consoles)))
		return;
	for (line = strtok_r(consoles, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "ttyS%d", &index) != 1)
			continue;
		snprintf(path, sizeof(path), "/sys/class/tty/ttyS%d/port", index);
		if (text_read(live->root, path, port_text, sizeof(port_text)))
			continue;
		port = strtoull(port_text, NULL, 16);
		if (!ports_owned(&live->system->root, port, port + 7))
			live_error(live, "root cell: ports 0x%llx-0x%llx of Linux's console ttyS%d are not its own",
				   port, port + 7, index);
		for (j = 0; j < live->cell_count; j++)
			if (ports_owned(&live->cells[j], port, port) ||
			    ports_owned(&live->cells[j], port + 7, port + 7))
				live_error(live, "%s: takes port 0x%llx of Linux's console ttyS%d: the root cell would stop",
					   live->cell_files[j].path, port, index);
	}
}

static void check_cpus(struct live *live)
{
	__u64 online[MODEL_CPU_WORDS], present[MODEL_CPU_WORDS];
	unsigned int cpu;
	int j;

	if (cpu_list_read(live->root, "/sys/devices/system/cpu/online", online, MODEL_CPU_WORDS) ||
	    cpu_list_read(live->root, "/sys/devices/system/cpu/present", present, MODEL_CPU_WORDS)) {
		live->errors++;
		return;
	}
	for (cpu = 0; cpu < MODEL_MAX_CPUS; cpu++) {
		int is_present = (present[cpu / 64] >> (cpu % 64)) & 1;

		if (((online[cpu / 64] >> (cpu % 64)) & 1) &&
		    !cell_model_has_cpu(&live->system->root, cpu))
			live_error(live, "root cell: CPU %u is online in Linux but not in the root cell", cpu);
		if (cell_model_has_cpu(&live->system->root, cpu) && !is_present)
			live_error(live, "root cell: CPU %u is not present on this machine", cpu);
		for (j = 0; j < live->cell_count; j++)
			if (cell_model_has_cpu(&live->cells[j], cpu) && !is_present)
				live_error(live, "%s: CPU %u is not present on this machine",
					   live->cell_files[j].path, cpu);
	}
}

static int has_pci(const struct cell_model *cell, unsigned int domain, unsigned int bdf)
{
	unsigned int i;

	for (i = 0; i < cell->pci_count; i++)
		if (cell->pci[i].domain == domain && cell->pci[i].bdf == bdf)
			return 1;
	return 0;
}

static void check_pci_in_sysfs(struct live *live, const struct cell_model *cell,
			       const char *owner)
{
	char path[128], text[16];
	unsigned int i, bdf;

	for (i = 0; i < cell->pci_count; i++) {
		bdf = cell->pci[i].bdf;
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%04x:%02x:%02x.%x/vendor",
			 cell->pci[i].domain, bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7);
		if (text_read(live->root, path, text, sizeof(text)))
			live_error(live, "%s: PCI device %04x:%02x:%02x.%x is not on this machine",
				   owner, cell->pci[i].domain, bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7);
	}
}

static void check_pci(struct live *live)
{
	char path[512];
	unsigned int domain, bus, device, function;
	struct dirent *entry;
	DIR *dir = opendir(proc_path(path, sizeof(path), live->root, "/sys/bus/pci/devices"));
	int j;

	while (dir && (entry = readdir(dir))) {
		if (sscanf(entry->d_name, "%x:%x:%x.%x", &domain, &bus, &device, &function) != 4)
			continue;
		if (!has_pci(&live->system->root, domain, bus << 8 | device << 3 | function))
			live_error(live, "root cell: PCI device %s is in sysfs but not in the root cell: Linux would lose it",
				   entry->d_name);
	}
	if (dir)
		closedir(dir);
	check_pci_in_sysfs(live, &live->system->root, "root cell");
	for (j = 0; j < live->cell_count; j++)
		check_pci_in_sysfs(live, &live->cells[j], live->cell_files[j].path);
}

unsigned int config_live_check(const char *root, const struct config_file *system,
			       const struct config_file *cells, int cell_count)
{
	struct resource_entry *iomem = calloc(MAX_RESOURCES, sizeof(*iomem));
	struct live live = { root, system->path, 0, system_model_new(),
			     calloc(cell_count ? cell_count : 1, sizeof(struct cell_model)),
			     cells, cell_count };
	int count, j;

	if (!iomem || !live.system || !live.cells) {
		fprintf(stderr, "warden: out of memory\n");
		return 1;
	}
	system_model_load(system->blob, live.system);
	for (j = 0; j < cell_count; j++)
		cell_model_load(cells[j].blob, &live.cells[j]);
	count = resources_read(root, "/proc/iomem", iomem, MAX_RESOURCES);
	if (count < 0)
		live.errors++;
	else
		check_memory(&live, iomem, count);
	check_console_ports(&live);
	check_cpus(&live);
	check_pci(&live);
	free(iomem);
	free(live.system);
	free(live.cells);
	return live.errors;
}
