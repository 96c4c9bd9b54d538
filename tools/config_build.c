// SPDX-License-Identifier: GPL-2.0-only
/*
 * Loading configurations (.cell / .dtb / .dts through cpp and dtc), checking
 * them, and the `build` and `dump` subcommands.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <libfdt.h>

#include <warden/config_check.h>
#include "commands.h"
#include "config_dtb.h"
#include "config_dts.h"
#include "config_source.h"
#include "config_tool.h"

static int run_program(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("warden: fork");
		return -1;
	}
	if (!pid) {
		execvp(argv[0], argv);
		fprintf(stderr, "warden: cannot run '%s': %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static const char *tool(const char *variable, const char *def)
{
	const char *value = getenv(variable);

	return value && *value ? value : def;
}

/* cpp (for #include and #define) then dtc; the DTB lands in dtb_path. */
static int compile_source(const char *path, const struct include_dirs *includes,
			  const char *preprocessed, const char *dtb_path)
{
	char *argv[8 + 4 * MAX_INCLUDE_DIRS], *copy = strdup(path);
	char *dir = dirname(copy);
	int argc = 0, i, status;

	argv[argc++] = (char *)tool("WARDEN_CPP", "cpp");
	argv[argc++] = "-nostdinc";
	argv[argc++] = "-undef";
	argv[argc++] = "-D__DTS__";
	argv[argc++] = "-x";
	argv[argc++] = "assembler-with-cpp";
	argv[argc++] = "-I";
	argv[argc++] = dir;
	for (i = 0; i < includes->count; i++) {
		argv[argc++] = "-I";
		argv[argc++] = (char *)includes->dirs[i];
	}
	argv[argc++] = "-o";
	argv[argc++] = (char *)preprocessed;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	status = run_program(argv);
	if (status) {
		fprintf(stderr, "%s: the C preprocessor failed (exit %d)\n", path, status);
		free(copy);
		return -1;
	}
	argc = 0;
	argv[argc++] = (char *)tool("WARDEN_DTC", "dtc");
	argv[argc++] = "-q";
	argv[argc++] = "-I";
	argv[argc++] = "dts";
	argv[argc++] = "-O";
	argv[argc++] = "dtb";
	argv[argc++] = "-i";
	argv[argc++] = dir;
	for (i = 0; i < includes->count; i++) {
		argv[argc++] = "-i";
		argv[argc++] = (char *)includes->dirs[i];
	}
	argv[argc++] = "-o";
	argv[argc++] = (char *)dtb_path;
	argv[argc++] = (char *)preprocessed;
	argv[argc] = NULL;
	status = run_program(argv);
	free(copy);
	if (status) {
		fprintf(stderr, "%s: dtc failed (exit %d); see its messages above\n", path, status);
		return -1;
	}
	return 0;
}

static int read_source(const char *path, const struct include_dirs *includes,
		       void **data, size_t *size)
{
	char preprocessed[] = "/tmp/warden-config-XXXXXX.i";
	char dtb[] = "/tmp/warden-config-XXXXXX.dtb";
	int fd1 = mkstemps(preprocessed, 2), fd2 = mkstemps(dtb, 4), result = -1;

	if (fd1 < 0 || fd2 < 0) {
		fprintf(stderr, "warden: cannot create temporary files: %s\n", strerror(errno));
	} else if (access(path, R_OK)) {
		fprintf(stderr, "warden: cannot read '%s': %s\n", path, strerror(errno));
	} else if (!compile_source(path, includes, preprocessed, dtb)) {
		result = file_read(dtb, data, size);
	}
	if (fd1 >= 0) {
		close(fd1);
		unlink(preprocessed);
	}
	if (fd2 >= 0) {
		close(fd2);
		unlink(dtb);
	}
	return result;
}

int config_file_load(const char *path, const struct include_dirs *includes,
		     struct config_file *file)
{
	struct system_model *system;
	struct cell_model *cell;
	void *data;
	size_t size;
	int errors, result;

	file->path = path;
	file->blob = NULL;
	file->source = NULL;
	if (file_read(path, &data, &size))
		return -1;
	file->kind = blob_kind(data, size);
	if (file->kind) {
		file->blob = data;
		file->size = size;
		return 0;
	}
	if (size < 4 || fdt_magic(data) != FDT_MAGIC) {
		free(data);
		if (read_source(path, includes, &data, &size))
			return -1;
	}
	file->source = config_source_new();
	errors = dtb_parse(path, data, size, file->source, &system, &cell);
	free(data);
	if (errors) {
		fprintf(stderr, "%s: %d error%s\n", path, errors, errors > 1 ? "s" : "");
		config_file_free(file);
		return -1;
	}
	if (system)
		result = system_model_serialize(system, &file->blob, &file->size);
	else
		result = cell_model_serialize(cell, &file->blob, &file->size);
	file->kind = system ? 's' : 'c';
	free(system);
	free(cell);
	if (result)
		fprintf(stderr, "warden: out of memory\n");
	return result;
}

void config_report_to_stderr(void *context, const char *message)
{
	fprintf(stderr, "%s: %s\n", (const char *)context, message);
}

int config_write_dts(const char *path, const struct system_model *system,
		     const struct cell_model *cell, const char *comment)
{
	FILE *out = path ? fopen(path, "w") : stdout;

	if (!out) {
		fprintf(stderr, "warden: cannot write '%s': %s\n", path, strerror(errno));
		return -1;
	}
	if (system)
		dts_write_system(out, system, comment);
	else
		dts_write_cell(out, cell, comment);
	if (out != stdout && fclose(out)) {
		fprintf(stderr, "warden: cannot write '%s': %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Validator callback for a loaded file: "FILE: NODE: message" when the element has a source node. */
static void report_with_node(void *context, const char *message)
{
	const struct config_file *file = context;
	const char *node = config_source_node(file->source, message);

	if (node)
		fprintf(stderr, "%s: %s: %s\n", file->path, node, message);
	else
		fprintf(stderr, "%s: %s\n", file->path, message);
}

unsigned int config_file_check(const struct config_file *file,
			       const struct config_file *system)
{
	struct config_check_report report = { 0 };

	report.emit = report_with_node;
	report.context = (void *)file;
	if (file->kind == 's')
		return config_check_system(file->blob, file->size, &report);
	if (system)
		return config_check_cell(system->blob, system->size, file->blob, file->size,
					 &report);
	return config_check_cell(NULL, 0, file->blob, file->size, &report);
}

void config_file_free(struct config_file *file)
{
	free(file->blob);
	file->blob = NULL;
	config_source_free(file->source);
	file->source = NULL;
}

static const struct option build_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "include", required_argument, NULL, 'I' },
	{ "system", required_argument, NULL, 's' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static void build_usage(FILE *out)
{
	fputs("usage: warden config build FILE.dts|FILE.dtb -o FILE.cell [-I DIR]... [--system SYSTEM]\n"
	      "Compiles a system or cell config: the source goes through cpp (#include,\n"
	      "#define) and dtc, then is checked and written as a binary.\n"
	      "  -o, --output FILE   the binary to write (nothing is written on error)\n"
	      "  -I, --include DIR   more include directories for cpp and dtc\n"
	      "  --system SYSTEM     also check the cell against this system config\n"
	      "Environment: WARDEN_CPP, WARDEN_DTC name other cpp/dtc programs.\n", out);
}

int config_build(int argc, char **argv)
{
	struct config_file file = { 0 }, system = { 0 };
	struct include_dirs includes = { { 0 }, 0 };
	const char *output = NULL, *system_path = NULL;
	int option, result = EXIT_INVALID;

	optind = 1;
	while ((option = getopt_long(argc, argv, "o:I:h", build_options, NULL)) != -1) {
		switch (option) {
		case 'o':
			output = optarg;
			break;
		case 'I':
			if (includes.count == MAX_INCLUDE_DIRS) {
				fprintf(stderr, "warden config build: at most %d -I\n",
					MAX_INCLUDE_DIRS);
				return EXIT_USAGE;
			}
			includes.dirs[includes.count++] = optarg;
			break;
		case 's':
			system_path = optarg;
			break;
		case 'h':
			build_usage(stdout);
			return 0;
		default:
			build_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || !output) {
		fprintf(stderr, "warden config build: want one input file and -o OUTPUT\n");
		build_usage(stderr);
		return EXIT_USAGE;
	}
	if (config_file_load(argv[optind], &includes, &file))
		return EXIT_INVALID;
	if (system_path && (config_file_load(system_path, &includes, &system) ||
			    config_file_check(&system, NULL)))
		goto out;
	if (system_path && file.kind == 's') {
		fprintf(stderr, "%s: --system given, but this is a system config\n", file.path);
		goto out;
	}
	if (config_file_check(&file, system_path ? &system : NULL))
		goto out;
	if (!file_write(output, file.blob, file.size))
		result = 0;
out:
	config_file_free(&file);
	config_file_free(&system);
	return result;
}

static void dump_usage(FILE *out)
{
	fputs("usage: warden config dump FILE [-o FILE.dts]\n"
	      "Prints a config (binary, .dtb or .dts) as device-tree source that builds\n"
	      "back into the same binary. The config must pass the checks.\n", out);
}

int config_dump(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct include_dirs includes = { { 0 }, 0 };
	struct config_file file = { 0 };
	struct system_model *system = NULL;
	struct cell_model *cell = NULL;
	const char *output = NULL;
	int option, result = EXIT_INVALID;

	optind = 1;
	while ((option = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		if (option == 'o') {
			output = optarg;
		} else if (option == 'h') {
			dump_usage(stdout);
			return 0;
		} else {
			dump_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		dump_usage(stderr);
		return EXIT_USAGE;
	}
	if (config_file_load(argv[optind], &includes, &file) || config_file_check(&file, NULL))
		goto out;
	if (file.kind == 's')
		system = system_model_new();
	else
		cell = cell_model_new();
	if ((system && system_model_load(file.blob, system)) ||
	    (cell && cell_model_load(file.blob, cell))) {
		fprintf(stderr, "%s: a table exceeds what this tool handles\n", file.path);
		goto out;
	}
	if (!config_write_dts(output, system, cell, "Dumped by 'warden config dump'."))
		result = 0;
out:
	config_file_free(&file);
	free(system);
	free(cell);
	return result;
}
