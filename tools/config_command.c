// SPDX-License-Identifier: GPL-2.0-only
/*
 * `warden config`: dispatch to build, check, create, cell and dump.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "config_tool.h"

static const struct command config_commands[] = {
	{ "build", config_build,
	  "FILE.dts|FILE.dtb -o FILE.cell [-I DIR]... [--system SYSTEM]: compile a config" },
	{ "check", config_check,
	  "SYSTEM [CELL]... [--live]: validate configs (alone, together, against this machine)" },
	{ "create", config_create,
	  "[-o FILE.dts] [--output-binary FILE.cell]: system config of this machine" },
	{ "cell", config_cell,
	  "SYSTEM --name NAME --cpus LIST --mem SIZE [...] -o FILE.dts: derive a cell config" },
	{ "dump", config_dump,
	  "FILE.cell [-o FILE.dts]: print a binary config as device-tree source" },
	{ NULL, NULL, NULL }
};

static void usage(FILE *out)
{
	const struct command *command;

	fputs("usage: warden config SUBCOMMAND [ARGS...]\n\nsubcommands:\n", out);
	for (command = config_commands; command->name; command++)
		fprintf(out, "  %-7s %s\n", command->name, command->summary);
	fputs("\nA config argument may be a binary (.cell), a device-tree blob (.dtb) or a\n"
	      "source (.dts, run through cpp and dtc). 'warden config SUBCOMMAND --help'\n"
	      "tells more. The format is specified in docs/config-format.md.\n", out);
}

int command_config(int argc, char **argv)
{
	const struct command *command;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	for (command = config_commands; command->name; command++)
		if (!strcmp(command->name, argv[1]))
			return command->run(argc - 1, argv + 1);
	fprintf(stderr, "warden config: unknown subcommand '%s' (see 'warden config --help')\n",
		argv[1]);
	return EXIT_USAGE;
}

int parse_size(const char *text, unsigned long long *value)
{
	char *end;

	if (!*text || *text == '-')
		return -1;
	*value = strtoull(text, &end, 0);
	switch (*end) {
	case 'G': case 'g':
		*value <<= 10;
		/* fall through */
	case 'M': case 'm':
		*value <<= 10;
		/* fall through */
	case 'K': case 'k':
		*value <<= 10;
		end++;
		break;
	}
	return *end ? -1 : 0;
}
