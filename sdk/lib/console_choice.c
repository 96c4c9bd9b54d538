// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Which console to use: the comm region's description, then Jailhouse's
 * command-line keys (con-type= con-base= con-divider= con-is-mmio
 * con-regdist-1 con-virtual, so that a command line written for a
 * Jailhouse inmate works), then the SDK's own console= (which wins). When
 * the comm region flags DBG_PUTC_ACTIVE, or con-virtual asks for it, output
 * goes to the debug-console hypercall in addition to the UART, as
 * Jailhouse's inmates do. Pure: host-tested (tests/sdk/boot_logic_test.c).
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

static void problem(struct console_choice *choice, const char *key, const char *value,
		    const char *expected)
{
	snprintk(choice->problem, sizeof(choice->problem), "%s=%s: expected %s", key, value,
		 expected);
}

static void from_comm_region(struct console_choice *choice, const struct warden_comm_region *comm)
{
	const struct warden_comm_console *desc = &comm->console;

	memset(choice, 0, sizeof(*choice));
	if (desc->type == WARDEN_CONSOLE_TYPE_8250) {
		choice->uart = true;
		choice->base = desc->address;
		choice->mmio = desc->flags & WARDEN_CONSOLE_ACCESS_MMIO;
		choice->regdist4 = desc->flags & WARDEN_CONSOLE_REGDIST_4;
		choice->divider = desc->divider;
	}
	choice->hypercall = comm->flags & WARDEN_COMM_FLAG_DBG_PUTC_ACTIVE;
}

/* key=NUMBER into *out if present and valid; else a problem */
static void number_key(struct console_choice *choice, const char *cmdline, const char *key,
		       uint64_t max, uint64_t *out)
{
	char text[24] = "";
	int64_t value;
	int err = cmdline_parse_int(cmdline, key, &value);

	if (err == -SDK_ENOENT)
		return;
	if (err || value < 0 || (uint64_t)value > max) {
		cmdline_parse_string(cmdline, key, text, sizeof(text));
		problem(choice, key, text, "a number");
		return;
	}
	*out = (uint64_t)value;
}

static void bool_key(const char *cmdline, const char *key, bool *out)
{
	cmdline_parse_bool(cmdline, key, out);	/* absent or not a bool: unchanged */
}

static void jailhouse_keys(struct console_choice *choice, const char *cmdline)
{
	char type[16];
	uint64_t divider = choice->divider;
	bool regdist1 = !choice->regdist4;

	if (cmdline_parse_string(cmdline, "con-type", type, sizeof(type)) == 0) {
		if (strcmp(type, "8250") == 0)
			choice->uart = true;
		else if (strcmp(type, "none") == 0)
			choice->uart = false;
		else
			problem(choice, "con-type", type, "8250 or none (x86)");
	}
	number_key(choice, cmdline, "con-base", UINT64_MAX >> 1, &choice->base);
	number_key(choice, cmdline, "con-divider", 0xffff, &divider);
	choice->divider = (uint32_t)divider;
	bool_key(cmdline, "con-is-mmio", &choice->mmio);
	bool_key(cmdline, "con-regdist-1", &regdist1);
	choice->regdist4 = !regdist1;
	bool_key(cmdline, "con-virtual", &choice->hypercall);
}

/* console=none|hypercall|8250-pio:BASE|8250-mmio:BASE (console.h) */
static void sdk_key(struct console_choice *choice, const char *cmdline)
{
	char value[40];
	int64_t base, regdist = 1;
	bool mmio;

	if (cmdline_parse_string(cmdline, "console", value, sizeof(value)) != 0)
		return;
	if (strcmp(value, "none") == 0) {
		choice->uart = choice->hypercall = false;
		return;
	}
	if (strcmp(value, "hypercall") == 0) {
		choice->uart = false;
		choice->hypercall = true;
		return;
	}
	mmio = strncmp(value, "8250-mmio:", 10) == 0;
	if ((!mmio && strncmp(value, "8250-pio:", 9) != 0) ||
	    cmdline_parse_number(mmio ? value + 10 : value + 9, &base) != 0 || base <= 0) {
		problem(choice, "console", value, "none, hypercall, 8250-pio:BASE or 8250-mmio:BASE");
		return;
	}
	cmdline_parse_int(cmdline, "console-regdist", &regdist);
	choice->uart = true;
	choice->hypercall = false;
	choice->base = (uint64_t)base;
	choice->mmio = mmio;
	choice->regdist4 = regdist == 4;
	choice->divider = 0;
}

void console_choose(const char *cmdline, const struct warden_comm_region *comm,
		    struct console_choice *choice)
{
	from_comm_region(choice, comm);
	jailhouse_keys(choice, cmdline);
	sdk_key(choice, cmdline);
	if (choice->uart && !choice->base) {
		problem(choice, "con-base", "0", "the UART's base address");
		choice->uart = false;
	}
}
