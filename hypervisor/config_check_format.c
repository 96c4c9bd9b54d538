// SPDX-License-Identifier: GPL-2.0-only
/*
 * Error messages of the configuration validator: formatted with the
 * hypervisor's freestanding formatter (format.c, also built for the host
 * tools), prefixed with the config they are about.
 */
#include <hv/printk.h>

#include "config_check_internal.h"

void check_set_scope(struct check *check, const char *kind, const char *name)
{
	if (name)
		snprintk(check->scope, sizeof(check->scope), "%s '%s'", kind, name);
	else
		snprintk(check->scope, sizeof(check->scope), "%s", kind);
}

void check_error(struct check *check, const char *format, ...)
{
	struct config_check_report *report = check->report;
	char message[CONFIG_CHECK_MESSAGE_SIZE];
	unsigned int length, i;
	__builtin_va_list args;

	length = (unsigned int)snprintk(message, sizeof(message), "%s: ", check->scope);
	if (length >= sizeof(message))
		length = sizeof(message) - 1;
	__builtin_va_start(args, format);
	format_string(message + length, sizeof(message) - length, format, args);
	__builtin_va_end(args);

	if (!report->errors) {
		for (i = 0; message[i]; i++)
			report->first[i] = message[i];
		report->first[i] = '\0';
	}
	report->errors++;
	check->errors++;
	if (report->emit)
		report->emit(report->context, message);
}
