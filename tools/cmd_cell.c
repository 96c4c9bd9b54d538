// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden cell create CELL.cell | destroy NAME|ID | list: cells beside root
 * Linux, through /dev/warden and /sys/devices/warden/cells. Loading and
 * starting an inmate come next (docs/hypervisor.md).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <warden/config.h>
#include <warden/driver_ioctl.h>

#include "commands.h"

#define CELLS_DIR	"/sys/devices/warden/cells"

static const char usage_text[] =
	"usage: warden cell create CELL.cell\n"
	"       warden cell destroy NAME|ID\n"
	"       warden cell list\n"
	"create: takes the cell's CPUs from Linux and its memory from root, as CELL.cell\n"
	"  (from `warden config build`) says; the cell is shut down until it is started.\n"
	"destroy: gives CPUs and memory (cleared) back to root Linux.\n"
	"list: id, name, state and CPUs of every cell.\n";

static int read_attribute(const char *cell, const char *name, char *value, size_t size)
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
static int find_cell(const char *name)
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

static int cell_destroy(const char *name)
{
	struct warden_cell_destroy_request request = { 0 };
	char message[WARDEN_MESSAGE_SIZE] = "";
	int id = find_cell(name);

	if (id < 0) {
		fprintf(stderr, "warden cell destroy: no cell named or numbered '%s' "
			"(see `warden cell list`)\n", name);
		return EXIT_INVALID;
	}
	request.id = (__u32)id;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	if (call_driver_result("cell destroy", WARDEN_IOCTL_CELL_DESTROY, &request, message) < 0)
		return EXIT_INVALID;
	printf("warden: cell '%s' destroyed\n", name);
	return 0;
}

static int cell_list(void)
{
	char name[64], state[32], cpus[128];
	struct dirent **entries;
	int count, i;

	count = scandir(CELLS_DIR, &entries, NULL, alphasort);
	if (count < 0) {
		fprintf(stderr, "warden cell list: %s missing: load the driver first\n", CELLS_DIR);
		return EXIT_INVALID;
	}
	printf("%-4s %-32s %-10s %s\n", "ID", "NAME", "STATE", "CPUS");
	for (i = 0; i < count; i++) {
		if (entries[i]->d_name[0] != '.' &&
		    !read_attribute(entries[i]->d_name, "name", name, sizeof(name)) &&
		    !read_attribute(entries[i]->d_name, "cpus", cpus, sizeof(cpus))) {
			if (read_attribute(entries[i]->d_name, "state", state, sizeof(state)))
				strcpy(state, "unknown");
			printf("%-4s %-32s %-10s %s\n", entries[i]->d_name, name, state, cpus);
		}
		free(entries[i]);
	}
	free(entries);
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
		return cell_destroy(argv[2]);
	if (!strcmp(verb, "list") && argc == 2)
		return cell_list();
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}
