/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The `warden` subcommands. Each lives in its own file and is listed once in
 * the table in warden.c. Exit codes of every command: 0 success, 1 the
 * input is invalid or the operation failed, 2 usage error.
 */
#ifndef WARDEN_TOOLS_COMMANDS_H
#define WARDEN_TOOLS_COMMANDS_H

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

#endif /* WARDEN_TOOLS_COMMANDS_H */
