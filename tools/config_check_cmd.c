// SPDX-License-Identifier: GPL-2.0-only
/*
 * `warden config check SYSTEM [CELL]... [--live] [--json]`: the system config,
 * each cell against it, every pair of cells, and optionally the running
 * machine; --json prints the verdict and every message as one JSON object.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <warden/config_check.h>
#include "commands.h"
#include "config_tool.h"
#include "json_output.h"

#define MAX_CELLS	64

static void usage(FILE *out)
{
	fputs("usage: warden config check SYSTEM [CELL]... [--live] [--json] [-I DIR]...\n"
	      "Validates a system config, each cell against it and the cells against\n"
	      "each other (CPUs, memory, pins, ports, PCI devices, names).\n"
	      "  --live         also check against the running Linux: /proc/iomem (is the\n"
	      "                 hypervisor memory reserved, is all RAM the root cell's),\n"
	      "                 /proc/ioports and the console, online CPUs, PCI devices\n"
	      "  --sysroot DIR  read /proc and /sys under DIR (for tests)\n"
	      "  -I DIR         include directory for .dts inputs\n"
	      "  --json         print one JSON object: verdict and every message with its\n"
	      "                 file (warden(1), JSON OUTPUT); the exit status is the same\n"
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

/* The checks on the files named in argv (system first); true when all passed. */
static bool check_files(char **argv, int argc, const struct include_dirs *includes,
			const char *root, int live, bool quiet)
{
	struct config_file system = { 0 }, cells[MAX_CELLS];
	unsigned int errors = 0;
	int count = 0, i, failed = 0;

	if (config_file_load(argv[0], includes, &system))
		return false;
	if (system.kind != 's') {
		fprintf(stderr, "%s: this is a cell config; the first argument must be the system config\n",
			system.path);
		config_file_free(&system);
		return false;
	}
	errors += config_file_check(&system, NULL);
	for (i = 1; i < argc && !errors; i++) {
		if (config_file_load(argv[i], includes, &cells[count])) {
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
	if (!errors && !failed && !quiet)
		printf("%s%s: valid (%d cell config%s)%s\n", system.path, count ? " and cells" : "",
		       count, count == 1 ? "" : "s", live ? ", matches this machine" : "");
	for (i = 0; i < count; i++)
		config_file_free(&cells[i]);
	config_file_free(&system);
	return !errors && !failed;
}

/*
 * --json: the checker reports on stderr as "FILE: message" (also from cpp and
 * dtc, which inherit it), so stderr is caught in a temporary file for the
 * duration of the checks and its lines become the "errors" array.
 */
struct stderr_capture {
	FILE *file;
	int saved;
};

static int capture_stderr(struct stderr_capture *capture)
{
	fflush(stderr);
	capture->file = tmpfile();
	capture->saved = capture->file ? dup(STDERR_FILENO) : -1;
	if (capture->saved < 0 || dup2(fileno(capture->file), STDERR_FILENO) < 0) {
		fprintf(stderr, "warden config check: --json: cannot catch messages: %s\n",
			strerror(errno));
		if (capture->file)
			fclose(capture->file);
		return -1;
	}
	return 0;
}

static void restore_stderr(struct stderr_capture *capture)
{
	fflush(stderr);
	dup2(capture->saved, STDERR_FILENO);
	close(capture->saved);
	rewind(capture->file);
}

/* The input path that line starts with, followed by ": ", if any. */
static const char *line_file(const char *line, char **paths, int count)
{
	const char *best = NULL;
	size_t length;
	int i;

	for (i = 0; i < count; i++) {
		length = strlen(paths[i]);
		if (!strncmp(line, paths[i], length) && !strncmp(line + length, ": ", 2) &&
		    (!best || length > strlen(best)))
			best = paths[i];
	}
	return best;
}

static void print_check_json(bool ok, FILE *messages, char **paths, int count, int live)
{
	struct json_writer json;
	const char *file;
	char line[4096];
	int i;

	json_begin(&json, stdout);
	json_object_begin(&json, NULL);
	json_command_header(&json, "config check", ok);
	json_array_begin(&json, "errors");
	while (fgets(line, sizeof(line), messages)) {
		line[strcspn(line, "\n")] = 0;
		file = line_file(line, paths, count);
		json_object_begin(&json, NULL);
		json_string(&json, "file", file);
		json_string(&json, "message", file ? line + strlen(file) + 2 : line);
		json_object_end(&json);
	}
	json_array_end(&json);
	json_string(&json, "system", paths[0]);
	json_array_begin(&json, "cells");
	for (i = 1; i < count; i++)
		json_string(&json, NULL, paths[i]);
	json_array_end(&json);
	json_bool(&json, "live", live);
	json_object_end(&json);
	json_end(&json);
}

int config_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "live", no_argument, NULL, 'l' },
		{ "sysroot", required_argument, NULL, 'r' },
		{ "include", required_argument, NULL, 'I' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct include_dirs includes = { { 0 }, 0 };
	struct stderr_capture capture;
	const char *root = "";
	int option, live = 0, json = 0;
	bool ok;

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
		case 'j':
			json = 1;
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
	if (!json)
		return check_files(argv + optind, argc - optind, &includes, root, live, false) ?
			0 : EXIT_INVALID;
	if (capture_stderr(&capture))
		return EXIT_INVALID;
	ok = check_files(argv + optind, argc - optind, &includes, root, live, true);
	restore_stderr(&capture);
	print_check_json(ok, capture.file, argv + optind, argc - optind, live);
	fclose(capture.file);
	return ok ? 0 : EXIT_INVALID;
}
