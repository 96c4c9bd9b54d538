// SPDX-License-Identifier: GPL-2.0-only
/*
 * Typed readers for device-tree properties, each reporting a bad value with
 * the file, node path and property it came from.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include "config_dtb.h"
#include "config_source.h"

void dtb_error(struct dtb_parser *parser, int node, const char *property,
	       const char *format, ...)
{
	char path[512];
	va_list args;

	if (fdt_get_path(parser->fdt, node, path, sizeof(path)))
		strcpy(path, "(unknown node)");
	fprintf(stderr, "%s: %s", parser->file, path);
	if (property)
		fprintf(stderr, ": property '%s'", property);
	fputs(": ", stderr);
	va_start(args, format);
	vfprintf(stderr, format, args);
	va_end(args);
	fputc('\n', stderr);
	parser->errors++;
}

void dtb_note(struct dtb_parser *parser, int is_root, const char *element, unsigned int index,
	      int node)
{
	char path[512];

	if (!parser->source || fdt_get_path(parser->fdt, node, path, sizeof(path)))
		return;
	/* Out of memory only costs the node path in a later message. */
	config_source_add(parser->source, is_root, element, index, path);
}

int dtb_has(struct dtb_parser *parser, int node, const char *property)
{
	return fdt_getprop(parser->fdt, node, property, NULL) != NULL;
}

static const void *get(struct dtb_parser *parser, int node, const char *property,
		       int *length, int required)
{
	const void *value = fdt_getprop(parser->fdt, node, property, length);

	if (!value && required)
		dtb_error(parser, node, property, "missing (required here)");
	return value;
}

/* Shows a raw value as dtc would write it: <0x1 0x2> or "string". */
static const char *show(const void *value, int length, char *out, size_t size)
{
	const unsigned char *bytes = value;
	size_t used = 0;
	int i;

	if (length > 0 && bytes[length - 1] == '\0' && bytes[0] >= 0x20 && bytes[0] < 0x7f) {
		snprintf(out, size, "\"%.*s\"", length - 1, (const char *)value);
		return out;
	}
	if (length % 4) {
		snprintf(out, size, "[%d bytes]", length);
		return out;
	}
	used += snprintf(out, size, "<");
	for (i = 0; i < length / 4 && used < size; i++)
		used += snprintf(out + used, size - used, "%s0x%x", i ? " " : "",
				 fdt32_ld((const fdt32_t *)value + i));
	if (used < size)
		snprintf(out + used, size - used, ">");
	return out;
}

const char *dtb_shown(struct dtb_parser *parser, int node, const char *property,
		      char *out, size_t size)
{
	int length;
	const void *value = fdt_getprop(parser->fdt, node, property, &length);

	if (!value) {
		snprintf(out, size, "(none)");
		return out;
	}
	return show(value, length, out, size);
}

__u64 dtb_u64(struct dtb_parser *parser, int node, const char *property, __u64 def,
	      int required)
{
	int length;
	const void *value = get(parser, node, property, &length, required);
	char shown[128];

	if (!value)
		return def;
	if (length == 4)
		return fdt32_ld(value);
	if (length == 8)
		return fdt64_ld(value);
	dtb_error(parser, node, property,
		  "value %s: want one number <n>, <high low> or /bits/ 64 <n>",
		  show(value, length, shown, sizeof(shown)));
	return def;
}

__u32 dtb_u32(struct dtb_parser *parser, int node, const char *property, __u32 def,
	      __u32 max, int required)
{
	int length;
	const void *value = get(parser, node, property, &length, required);
	char shown[128];
	__u32 number;

	if (!value)
		return def;
	if (length != 4) {
		dtb_error(parser, node, property, "value %s: want one 32-bit number <n>",
			  show(value, length, shown, sizeof(shown)));
		return def;
	}
	number = fdt32_ld(value);
	if (number > max) {
		dtb_error(parser, node, property, "value 0x%x (%u) is above the maximum 0x%x (%u)",
			  number, number, max, max);
		return def;
	}
	return number;
}

int dtb_u32_array(struct dtb_parser *parser, int node, const char *property,
		  __u32 *values, int max)
{
	int length, i;
	const void *value = get(parser, node, property, &length, 0);
	char shown[128];

	if (!value)
		return 0;
	if (length % 4) {
		dtb_error(parser, node, property, "value %s: want 32-bit numbers <a b ...>",
			  show(value, length, shown, sizeof(shown)));
		return -1;
	}
	if (length / 4 > max) {
		dtb_error(parser, node, property, "value %s: has %d numbers, more than the %d allowed",
			  show(value, length, shown, sizeof(shown)), length / 4, max);
		return -1;
	}
	for (i = 0; i < length / 4; i++)
		values[i] = fdt32_ld((const fdt32_t *)value + i);
	return length / 4;
}

const char *dtb_string(struct dtb_parser *parser, int node, const char *property,
		       int required)
{
	int length;
	const char *value = get(parser, node, property, &length, required);
	char shown[128];

	if (!value)
		return NULL;
	if (length < 1 || value[length - 1] || strlen(value) != (size_t)length - 1) {
		dtb_error(parser, node, property, "value %s: want one string \"...\"",
			  show(value, length, shown, sizeof(shown)));
		return NULL;
	}
	return value;
}

static void list_names(const struct dtb_flag *flags, const char *const *choices,
		       char *out, size_t size)
{
	size_t used = 0;
	int i;

	out[0] = '\0';
	for (i = 0; flags ? flags[i].name != NULL : choices[i] != NULL; i++)
		used += snprintf(out + used, used < size ? size - used : 0, "%s\"%s\"",
				 i ? ", " : "", flags ? flags[i].name : choices[i]);
}

__u64 dtb_flags(struct dtb_parser *parser, int node, const char *property,
		const struct dtb_flag *flags)
{
	int length, at, i;
	const char *value = get(parser, node, property, &length, 0);
	char known[512];
	__u64 result = 0;

	if (!value)
		return 0;
	if (length < 1 || value[length - 1]) {
		dtb_error(parser, node, property, "value %s: want a list of strings \"a\", \"b\"",
			  show(value, length, known, sizeof(known)));
		return 0;
	}
	for (at = 0; at < length; at += strlen(value + at) + 1) {
		for (i = 0; flags[i].name; i++)
			if (!strcmp(flags[i].name, value + at))
				break;
		if (flags[i].name) {
			result |= flags[i].bit;
			continue;
		}
		list_names(flags, NULL, known, sizeof(known));
		dtb_error(parser, node, property, "value \"%s\" is unknown (known: %s)",
			  value + at, known);
	}
	return result;
}

int dtb_choice(struct dtb_parser *parser, int node, const char *property,
	       const char *const *choices, int def)
{
	const char *value = dtb_string(parser, node, property, 0);
	char known[512];
	int i;

	if (!value)
		return def;
	for (i = 0; choices[i]; i++)
		if (!strcmp(choices[i], value))
			return i;
	list_names(NULL, choices, known, sizeof(known));
	dtb_error(parser, node, property, "value \"%s\" is unknown (known: %s)", value, known);
	return def;
}

void dtb_only_properties(struct dtb_parser *parser, int node, const char *const *allowed)
{
	const char *name;
	char known[512], shown[128];
	int property, i;

	fdt_for_each_property_offset(property, parser->fdt, node) {
		if (!fdt_getprop_by_offset(parser->fdt, property, &name, NULL))
			continue;
		if (!strcmp(name, "phandle") || !strcmp(name, "linux,phandle"))
			continue;
		for (i = 0; allowed[i]; i++)
			if (!strcmp(allowed[i], name))
				break;
		if (allowed[i])
			continue;
		list_names(NULL, allowed, known, sizeof(known));
		dtb_error(parser, node, name, "value %s: unknown property (known here: %s)",
			  dtb_shown(parser, node, name, shown, sizeof(shown)), known);
	}
}

int dtb_node_is(struct dtb_parser *parser, int node, const char *base)
{
	const char *name = fdt_get_name(parser->fdt, node, NULL);
	size_t length = strlen(base);

	/* "memory", "memory@1", "region-2", "capability0" are all fine. */
	return name && !strncmp(name, base, length) &&
		(name[length] == '\0' || name[length] == '@' || name[length] == '-' ||
		 (name[length] >= '0' && name[length] <= '9'));
}
