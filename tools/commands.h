/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The `warden` subcommands. Each lives in its own file and is listed once in
 * the table in warden.c. Exit codes of every command: 0 success, 1 the
 * input is invalid or the operation failed, 2 usage error.
 */
#ifndef WARDEN_TOOLS_COMMANDS_H
#define WARDEN_TOOLS_COMMANDS_H

#include <stddef.h>

struct command {
	const char *name;
	int (*run)(int argc, char **argv);	/* argv[0] is the command name */
	const char *summary;
};

#define EXIT_INVALID	1
#define EXIT_USAGE	2

/* config_command.c: warden config build|check|create|cell|dump */
int command_config(int argc, char **argv);

/* cmd_hypervisor.c (hypervisor helper): enable, disable, console, info. */
int command_enable(int argc, char **argv);
int command_disable(int argc, char **argv);
int command_console(int argc, char **argv);
int command_info(int argc, char **argv);
/* Shared with the other commands that talk to the driver. */
void *read_file(const char *path, size_t *size);
/* The ioctl's result, or -1 after printing the driver's reason. */
int call_driver_result(const char *command, unsigned long code, void *request,
		       const char *message);

/* cmd_cell.c: warden cell create|destroy|list */
int command_cell(int argc, char **argv);
/* The id of the cell named or numbered so, or -1 (cmd_cell.c). */
int find_cell(const char *name);
/* /sys/devices/warden/cells/<cell>/<name>, newline removed; -1 if unreadable. */
int read_attribute(const char *cell, const char *name, char *value, size_t size);
/* cmd_cell_stats.c: warden cell stats NAME|ID [-w] [--json] */
int cell_stats(int argc, char **argv);

#endif /* WARDEN_TOOLS_COMMANDS_H */
