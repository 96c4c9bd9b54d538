// SPDX-License-Identifier: GPL-2.0-only
/*
 * `warden config check SYSTEM [CELL]... [--live]`: the system config, each
 * cell against it, every pair of cells, and optionally the running machine.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <warden/config_check.h>
#include "commands.h"
#include "config_tool.h"

#define MAX_CELLS	64

static void usage(FILE *out)
{
	fputs("usage: warden config check SYSTEM [CELL]... [--live] [-I DIR]...\n"
	      "Validates a system config, each cell against it and the cells against\n"
	      "each other (CPUs, memory, pins, ports, PCI devices, names).\n"
	      "  --live         also check against the running Linux: /proc/iomem (is the\n"
	      "                 hypervisor memory reserved, is all RAM the root cell's),\n"
	      "                 /proc/ioports and the console, online CPUs, PCI devices\n"
	      "  --sysroot DIR  read /proc and /sys under DIR (for tests)\n"
	      "  -I DIR         include directory for .dts inputs\n"
	      "Every problem is printed as FILE: message; exit 1 if there is any.\n", out);
}

static unsigned int check_pairs(struct config_file *cells, int count)
{
	struct config_check_report report = { 0 };
	int i, j;

	report.emit = config_report_to_stderr;
	for (i = 0; i < count; i++)
		for (j = i + 1; j < count; j++) {
			report.context = (void *)cells[i].path;
			config_check_cell_pair(cells[i].blob, cells[i].size, cells[j].blob,
					       cells[j].size, &report);
		}
	return report.errors;
}

int config_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "live", no_argument, NULL, 'l' },
		{ "sysroot", required_argument, NULL, 'r' },
		{ "include", required_argument, NULL, 'I' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct include_dirs includes = { { 0 }, 0 };
	struct config_file system = { 0 }, cells[MAX_CELLS];
	const char *root = "";
	unsigned int errors = 0;
	int option, live = 0, count = 0, i, failed = 0;

	optind = 1;
	while ((option = getopt_long(argc, argv, "I:h", options, NULL)) != -1) {
		switch (option) {
		case 'l':
			live = 1;
			break;
		case 'r':
			root = optarg;
			break;
		case 'I':
			if (includes.count < MAX_INCLUDE_DIRS)
				includes.dirs[includes.count++] = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc || argc - optind - 1 > MAX_CELLS) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (config_file_load(argv[optind], &includes, &system))
		return EXIT_INVALID;
	if (system.kind != 's') {
		fprintf(stderr, "%s: this is a cell config; the first argument must be the system config\n",
			system.path);
		config_file_free(&system);
		return EXIT_INVALID;
	}
	errors += config_file_check(&system, NULL);
	for (i = optind + 1; i < argc && !errors; i++) {
		if (config_file_load(argv[i], &includes, &cells[count])) {
			failed = 1;
			continue;
		}
		if (cells[count].kind != 'c') {
			fprintf(stderr, "%s: a system config where a cell config was expected\n",
				argv[i]);
			failed = 1;
			config_file_free(&cells[count]);
			continue;
		}
		errors += config_file_check(&cells[count], &system);
		count++;
	}
	if (!errors && !failed)
		errors += check_pairs(cells, count);
	if (!errors && !failed && live)
		errors += config_live_check(root, &system, cells, count);
	if (!errors && !failed)
		printf("%s%s: valid (%d cell config%s)%s\n", system.path, count ? " and cells" : "",
		       count, count == 1 ? "" : "s", live ? ", matches this machine" : "");
	for (i = 0; i < count; i++)
		config_file_free(&cells[i]);
	config_file_free(&system);
	return errors || failed ? EXIT_INVALID : 0;
}
