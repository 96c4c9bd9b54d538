/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared pieces of the `warden config` subcommands.
 */
#ifndef WARDEN_TOOLS_CONFIG_TOOL_H
#define WARDEN_TOOLS_CONFIG_TOOL_H

#include <stddef.h>
#include "config_model.h"

#define MAX_INCLUDE_DIRS	16

struct config_source;

/* A configuration as given on the command line: .cell, .dtb or .dts. */
struct config_file {
	const char *path;
	void *blob;		/* the binary (8-byte aligned, malloc'ed) */
	size_t size;
	int kind;		/* 's' system, 'c' cell */
	struct config_source *source;	/* from .dts/.dtb: the node of each element; else NULL */
};

struct include_dirs {
	const char *dirs[MAX_INCLUDE_DIRS];
	int count;
};

/* config_build.c */
int config_build(int argc, char **argv);
int config_dump(int argc, char **argv);
/*
 * Loads a .cell binary, or compiles a .dts (cpp + dtc) / .dtb into one.
 * Source errors are printed naming file, node, property and value.
 * Returns 0, or -1 after printing why.
 */
int config_file_load(const char *path, const struct include_dirs *includes,
		     struct config_file *file);
/* Runs the validator on a loaded file (a cell alone, or against system);
 * prints every error prefixed with the file name and, for a source file, the
 * node of the element it is about. Returns the error count. */
unsigned int config_file_check(const struct config_file *file,
			       const struct config_file *system);
/* Frees what config_file_load allocated. */
void config_file_free(struct config_file *file);

/* Validator callback: prints "CONTEXT: message" on stderr (context: a string). */
void config_report_to_stderr(void *context, const char *message);
/*
 * Writes system or cell (one of them is NULL) as DTS to path (stdout if NULL)
 * with comment on top; 0 or -1 after a message.
 */
int config_write_dts(const char *path, const struct system_model *system,
		     const struct cell_model *cell, const char *comment);

/* config_check_cmd.c */
int config_check(int argc, char **argv);

/* config_live.c: checks against the running Linux; root is "" or a test tree. */
unsigned int config_live_check(const char *root, const struct config_file *system,
			       const struct config_file *cells, int cell_count);

/* config_create.c */
int config_create(int argc, char **argv);

/* config_cell.c */
int config_cell(int argc, char **argv);

/* Parses a number with optional K/M/G suffix; 0 or -1. */
int parse_size(const char *text, unsigned long long *value);

#endif /* WARDEN_TOOLS_CONFIG_TOOL_H */
