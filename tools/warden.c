// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden: the command-line tool of the Warden hypervisor. Dispatches to the
 * subcommands listed in the table below.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

#ifndef WARDEN_VERSION
#define WARDEN_VERSION "unknown"	/* tools/CMakeLists.txt defines it */
#endif

static const struct command commands[] = {
	{ "config", command_config,
	  "build, check, create, derive and dump configurations" },
	/*
	 * Hypervisor commands (tools/cmd_hypervisor.c) go here, one line each:
	 * { "enable", command_enable, "..." },
	 */
	{ "enable", command_enable, "start the hypervisor with a system config" },
	{ "disable", command_disable, "stop the hypervisor, Linux keeps running" },
	{ "console", command_console, "print (-f: follow) the hypervisor console" },
	{ "info", command_info, "hypervisor state, memory pool and VM-exit counters" },
	{ "cell", command_cell, "create, load, start, shut down, destroy, run and list cells" },
	{ NULL, NULL, NULL }
};

static void usage(FILE *out)
{
	const struct command *command;

	fputs("usage: warden COMMAND [ARGS...]\n"
	      "       warden COMMAND --help\n"
	      "       warden --version\n\ncommands:\n", out);
	for (command = commands; command->name; command++)
		fprintf(out, "  %-10s %s\n", command->name, command->summary);
	fputs("\nExit status: 0 success, 1 invalid input or failed operation, 2 usage error.\n"
	      "'info', 'config check', 'cell list' and 'cell stats' take --json (warden(1), JSON OUTPUT).\n", out);
}

int main(int argc, char **argv)
{
	const struct command *command;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("warden %s\n", WARDEN_VERSION);
		return 0;
	}
	for (command = commands; command->name; command++)
		if (!strcmp(command->name, argv[1]))
			return command->run(argc - 1, argv + 1);
	fprintf(stderr, "warden: unknown command '%s' (see 'warden --help')\n", argv[1]);
	return EXIT_USAGE;
}
