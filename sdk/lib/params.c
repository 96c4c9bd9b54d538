// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The loaded command line (docs/cell-abi.md: at 0x1000, up to 4 KiB) and
 * lookups on it that report bad values instead of silently ignoring them.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

const char *cmdline(void)
{
	char *text = (char *)arch_cmdline_address();

	text[WARDEN_CELL_CMDLINE_SIZE - 1] = '\0';
	return text;
}

static void report(const char *key, int err, const char *fallback)
{
	char value[64] = "";

	cmdline_parse_string(cmdline(), key, value, sizeof(value));
	printk("warden-sdk: command line: %s=%s: %s, using %s\n", key, value,
	       sdk_strerror(err), fallback);
}

int64_t cmdline_get_int(const char *key, int64_t default_value)
{
	int64_t value;
	char fallback[24];
	int err = cmdline_parse_int(cmdline(), key, &value);

	if (err == 0)
		return value;
	if (err != -SDK_ENOENT) {
		snprintk(fallback, sizeof(fallback), "%lld", (long long)default_value);
		report(key, err, fallback);
	}
	return default_value;
}

bool cmdline_get_bool(const char *key, bool default_value)
{
	bool value;
	int err = cmdline_parse_bool(cmdline(), key, &value);

	if (err == 0)
		return value;
	if (err != -SDK_ENOENT)
		report(key, err, default_value ? "true" : "false");
	return default_value;
}

bool cmdline_get_string(const char *key, char *buf, size_t size)
{
	char scratch[WARDEN_CELL_CMDLINE_SIZE];
	int err = cmdline_parse_string(cmdline(), key, scratch, size < sizeof(scratch) ?
				       size : sizeof(scratch));

	if (err == 0) {
		strlcpy(buf, scratch, size);
		return true;
	}
	if (err != -SDK_ENOENT)
		printk("warden-sdk: command line: value of %s is longer than %zu characters, "
		       "ignored\n", key, size - 1);
	return false;
}
