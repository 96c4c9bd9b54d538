// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden cell create | load | start | shutdown | destroy | run | list: cells
 * beside root Linux, through /dev/warden and /sys/devices/warden/cells.
 * Refusals print the driver's sentence.
 */
#include <dirent.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <warden/config.h>
#include <warden/driver_ioctl.h>

#include "commands.h"
#include "json_output.h"

#define CELLS_DIR	"/sys/devices/warden/cells"

static const char usage_text[] =
	"usage: warden cell create CELL.cell\n"
	"       warden cell load NAME|ID IMAGE [-a ADDRESS] [IMAGE [-a ADDRESS]]... \\\n"
	"                        [-s STRING [-a ADDRESS]] [--long-cmdline]\n"
	"       warden cell start NAME|ID\n"
	"       warden cell shutdown NAME|ID\n"
	"       warden cell destroy NAME|ID\n"
	"       warden cell run CELL.cell IMAGE [-a ADDRESS]... [-s STRING [-a ADDRESS]]\n"
	"       warden cell list [--json]\n"
	"       warden cell stats NAME|ID [-w] [--json]\n"
	"create: takes the cell's CPUs from Linux and its memory from root, as CELL.cell\n"
	"  (from `warden config build`) says; the cell is shut down until it is started.\n"
	"load: copies images (at ADDRESS, default 0) and a command-line string (-s, with\n"
	"  its NUL, default at 0x1000) into the cell's loadable memory, before start.\n"
	"  Jailhouse inmates keep 256 bytes for the command line: a longer string is\n"
	"  refused unless --long-cmdline says the image has room.\n"
	"start: runs the cell's CPUs from its reset address.\n"
	"shutdown: asks the cell (unless its comm region is passive), then stops its\n"
	"  CPUs; it keeps its memory and may be loaded and started again.\n"
	"destroy: asks the cell the same way, then gives CPUs and memory (cleared)\n"
	"  back to root Linux.\n"
	"run: create, load and start in one (load's arguments); destroyed again if\n"
	"  the load or the start fails.\n"
	"list: id, name, state, CPUs and failed CPUs of every cell; --json: one JSON\n"
	"  object (warden(1), JSON OUTPUT).\n"
	"stats: VM exits of the cell's CPUs by reason; -w: again every second.\n";

int read_attribute(const char *cell, const char *name, char *value, size_t size)
{
	char path[512];
	FILE *file;
	int ok;

	snprintf(path, sizeof(path), CELLS_DIR "/%s/%s", cell, name);
	file = fopen(path, "r");
	if (!file)
		return -1;
	ok = fgets(value, (int)size, file) != NULL;
	fclose(file);
	value[strcspn(value, "\n")] = 0;
	return ok ? 0 : -1;
}

static int cell_create(const char *path)
{
	struct warden_cell_create_request request = { 0 };
	const struct warden_cell_config *config;
	char message[WARDEN_MESSAGE_SIZE] = "";
	size_t size;
	int id;

	config = read_file(path, &size);
	if (!config) {
		fprintf(stderr, "warden cell create: cannot read %s: %s\n", path, strerror(errno));
		return EXIT_INVALID;
	}
	if (size < sizeof(*config) || memcmp(config->header.magic, WARDEN_CELL_MAGIC,
					      sizeof(WARDEN_CELL_MAGIC))) {
		fprintf(stderr, "warden cell create: %s: not a cell config (magic %s expected; "
			"build one with `warden config build`)\n", path, WARDEN_CELL_MAGIC);
		free((void *)config);
		return EXIT_INVALID;
	}
	request.config_address = (unsigned long)config;
	request.config_size = (__u32)size;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	id = call_driver_result("cell create", WARDEN_IOCTL_CELL_CREATE, &request, message);
	if (id > 0)
		printf("warden: cell '%.*s' created, id %d\n", WARDEN_CELL_NAME_SIZE, config->name, id);
	free((void *)config);
	return id > 0 ? 0 : EXIT_INVALID;
}

/* The id of the cell called name (or numbered so), or -1. */
int find_cell(const char *name)
{
	char value[64];
	struct dirent *entry;
	DIR *cells = opendir(CELLS_DIR);
	int id = -1;

	while (cells && id < 0 && (entry = readdir(cells))) {
		if (entry->d_name[0] == '.')
			continue;
		if (!strcmp(entry->d_name, name) ||
		    (!read_attribute(entry->d_name, "name", value, sizeof(value)) &&
		     !strcmp(value, name)))
			id = atoi(entry->d_name);
	}
	if (cells)
		closedir(cells);
	return id;
}

#define CMDLINE_ADDRESS		0x1000
#define CMDLINE_ROOM		256

static int load_one(int id, const void *data, size_t size, unsigned long long address,
		    const char *what)
{
	struct warden_cell_load_request request = { 0 };
	char message[WARDEN_MESSAGE_SIZE] = "";

	request.id = (__u32)id;
	request.image_address = (unsigned long)data;
	request.image_size = (__u32)size;
	request.load_address = address;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	if (call_driver_result("cell load", WARDEN_IOCTL_CELL_LOAD, &request, message) < 0)
		return EXIT_INVALID;
	printf("warden: %s loaded at %#llx (%zu bytes)\n", what, address, size);
	return 0;
}

/* -a ADDRESS after an item, if there is one. */
static unsigned long long item_address(int argc, char **argv, int *i, unsigned long long fallback)
{
	if (*i + 2 < argc && !strcmp(argv[*i + 1], "-a")) {
		*i += 2;
		return strtoull(argv[*i], NULL, 0);
	}
	return fallback;
}

static int cell_load(int argc, char **argv)
{
	int id = find_cell(argv[2]), i, long_cmdline = 0, result = 0;
	unsigned long long address;
	size_t size;
	void *image;

	for (i = 3; i < argc; i++)
		long_cmdline |= !strcmp(argv[i], "--long-cmdline");
	if (id < 0) {
		fprintf(stderr, "warden cell load: no cell named or numbered '%s'\n", argv[2]);
		return EXIT_INVALID;
	}
	for (i = 3; i < argc && !result; i++) {
		if (!strcmp(argv[i], "--long-cmdline"))
			continue;
		if (!strcmp(argv[i], "-s") && i + 1 < argc) {
			const char *text = argv[++i];

			address = item_address(argc, argv, &i, CMDLINE_ADDRESS);
			if (strlen(text) >= CMDLINE_ROOM && !long_cmdline) {
				fprintf(stderr, "warden cell load: cell '%s': the command line has "
					"%zu characters, more than the %d that Jailhouse inmates "
					"keep room for at %#x (add --long-cmdline if this image "
					"has more)\n", argv[2], strlen(text), CMDLINE_ROOM - 1,
					CMDLINE_ADDRESS);
				return EXIT_INVALID;
			}
			result = load_one(id, text, strlen(text) + 1, address, "command line");
			continue;
		}
		image = read_file(argv[i], &size);
		if (!image) {
			fprintf(stderr, "warden cell load: cannot read %s: %s\n", argv[i],
				strerror(errno));
			return EXIT_INVALID;
		}
		address = item_address(argc, argv, &i, 0);
		result = load_one(id, image, size, address, "image");
		free(image);
	}
	return result;
}

/* start or destroy: one cell, by name or id. */
static int cell_request(const char *verb, unsigned long code, const char *name)
{
	struct warden_cell_id_request request = { 0 };
	char message[WARDEN_MESSAGE_SIZE] = "", command[32];
	int id = find_cell(name);

	snprintf(command, sizeof(command), "cell %s", verb);
	if (id < 0) {
		fprintf(stderr, "warden %s: no cell named or numbered '%s' (see `warden cell list`)\n",
			command, name);
		return EXIT_INVALID;
	}
	request.id = (__u32)id;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	if (call_driver_result(command, code, &request, message) < 0)
		return EXIT_INVALID;
	printf("warden: cell '%s' %s\n", name, !strcmp(verb, "start") ? "started" :
	       !strcmp(verb, "shutdown") ? "shut down" : "destroyed");
	return 0;
}

/*
 * run: create, load and start in one; a cell that cannot be loaded or
 * started is destroyed again, so that a failed run leaves nothing behind.
 */
static int cell_run(int argc, char **argv)
{
	char name[WARDEN_CELL_NAME_SIZE + 1] = "", *load_argv[argc];
	const struct warden_cell_config *config;
	size_t size;
	int i, result;

	config = read_file(argv[2], &size);
	if (config && size >= sizeof(*config))
		snprintf(name, sizeof(name), "%.*s", WARDEN_CELL_NAME_SIZE, config->name);
	free((void *)config);
	result = cell_create(argv[2]);
	if (result)
		return result;
	load_argv[0] = argv[0];
	load_argv[1] = "load";
	load_argv[2] = name;
	for (i = 3; i < argc; i++)
		load_argv[i] = argv[i];
	result = cell_load(argc, load_argv);
	if (!result)
		result = cell_request("start", WARDEN_IOCTL_CELL_START, name);
	if (result && !cell_request("destroy", WARDEN_IOCTL_CELL_DESTROY, name))
		fprintf(stderr, "warden cell run: cell '%s' could not run: destroyed again\n",
			name);
	return result;
}

/* What `cell list` shows of one cell (sysfs cells/<id>/...). */
struct cell_row {
	char name[64], state[32], cpus[128], failed[128], failure[256];
};

/* One cell's attributes, or -1 when it vanished meanwhile. */
static int read_cell(const char *cell, struct cell_row *row)
{
	if (read_attribute(cell, "name", row->name, sizeof(row->name)) ||
	    read_attribute(cell, "cpus", row->cpus, sizeof(row->cpus)))
		return -1;
	if (read_attribute(cell, "state", row->state, sizeof(row->state)))
		strcpy(row->state, "unknown");
	if (read_attribute(cell, "failed_cpus", row->failed, sizeof(row->failed)))
		strcpy(row->failed, "unknown");
	if (read_attribute(cell, "failure", row->failure, sizeof(row->failure)))
		strcpy(row->failure, "unknown");
	return 0;
}

static void print_cell(struct json_writer *json, const char *id, const struct cell_row *row)
{
	bool failed = strcmp(row->failure, "none") != 0;

	if (json) {
		json_object_begin(json, NULL);
		json_number(json, "id", strtoull(id, NULL, 10));
		json_string(json, "name", row->name);
		json_string(json, "state", row->state);
		json_string(json, "cpus", row->cpus);
		json_string(json, "failed_cpus", row->failed);
		json_string(json, "failure", failed ? row->failure : NULL);
		json_object_end(json);
		return;
	}
	printf("%-4s %-32s %-14s %-8s %s\n", id, row->name, row->state, row->cpus,
	       *row->failed ? row->failed : "-");
	if (failed)	/* why, where: the hypervisor's record of its first fault */
		printf("     failure: %s\n", row->failure);
}

static int cell_list(bool json_output)
{
	struct json_writer json;
	struct dirent **entries;
	struct cell_row row;
	int count, i;

	count = scandir(CELLS_DIR, &entries, NULL, alphasort);
	if (json_output) {
		json_begin(&json, stdout);
		json_object_begin(&json, NULL);
		json_command_header(&json, "cell list", count >= 0);
		json_array_begin(&json, "errors");
		if (count < 0) {
			json_object_begin(&json, NULL);
			json_string(&json, "file", CELLS_DIR);
			json_string(&json, "message", "missing: load the driver first");
			json_object_end(&json);
		}
		json_array_end(&json);
		json_array_begin(&json, "cells");
	} else if (count >= 0) {
		printf("%-4s %-32s %-14s %-8s %s\n", "ID", "NAME", "STATE", "CPUS", "FAILED CPUS");
	}
	for (i = 0; i < count; i++) {
		if (entries[i]->d_name[0] != '.' && !read_cell(entries[i]->d_name, &row))
			print_cell(json_output ? &json : NULL, entries[i]->d_name, &row);
		free(entries[i]);
	}
	if (count >= 0)
		free(entries);
	if (json_output) {
		json_array_end(&json);
		json_object_end(&json);
		json_end(&json);
	}
	if (count < 0) {
		fprintf(stderr, "warden cell list: %s missing: load the driver first\n", CELLS_DIR);
		return EXIT_INVALID;
	}
	return 0;
}

int command_cell(int argc, char **argv)
{
	const char *verb = argc > 1 ? argv[1] : "";

	if (!strcmp(verb, "--help") || !strcmp(verb, "-h")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (!strcmp(verb, "create") && argc == 3)
		return cell_create(argv[2]);
	if (!strcmp(verb, "destroy") && argc == 3)
		return cell_request("destroy", WARDEN_IOCTL_CELL_DESTROY, argv[2]);
	if (!strcmp(verb, "load") && argc >= 4)
		return cell_load(argc, argv);
	if (!strcmp(verb, "start") && argc == 3)
		return cell_request("start", WARDEN_IOCTL_CELL_START, argv[2]);
	if (!strcmp(verb, "shutdown") && argc == 3)
		return cell_request("shutdown", WARDEN_IOCTL_CELL_SHUTDOWN, argv[2]);
	if (!strcmp(verb, "run") && argc >= 4)
		return cell_run(argc, argv);
	if (!strcmp(verb, "stats"))
		return cell_stats(argc, argv);
	if (!strcmp(verb, "list") && argc == 2)
		return cell_list(false);
	if (!strcmp(verb, "list") && argc == 3 && !strcmp(argv[2], "--json"))
		return cell_list(true);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}
