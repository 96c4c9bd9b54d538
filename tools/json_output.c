// SPDX-License-Identifier: GPL-2.0-only
/*
 * The JSON writer of `--json` (json_output.h). Strings are escaped as RFC 8259
 * section 7 requires: quotation mark, reverse solidus and the control
 * characters U+0000-U+001F; other bytes pass through (paths and messages are
 * UTF-8 or ASCII).
 */
#include <assert.h>

#include "json_output.h"

static void indent(struct json_writer *json)
{
	int level;

	fputc('\n', json->out);
	for (level = 0; level < json->depth; level++)
		fputs("  ", json->out);
}

static void write_escaped(FILE *out, const char *text)
{
	const unsigned char *c;

	fputc('"', out);
	for (c = (const unsigned char *)text; *c; c++) {
		switch (*c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		default:
			if (*c < 0x20)
				fprintf(out, "\\u%04x", *c);
			else
				fputc(*c, out);
		}
	}
	fputc('"', out);
}

/* Separator, line break and "key": before a value at the current level. */
static void member(struct json_writer *json, const char *key)
{
	if (json->depth > 0) {
		if (json->has_members[json->depth - 1])
			fputc(',', json->out);
		json->has_members[json->depth - 1] = true;
		indent(json);
	}
	if (key) {
		write_escaped(json->out, key);
		fputs(": ", json->out);
	}
}

static void open_level(struct json_writer *json, const char *key, char bracket)
{
	member(json, key);
	fputc(bracket, json->out);
	assert(json->depth < JSON_MAX_DEPTH);
	json->has_members[json->depth++] = false;
}

static void close_level(struct json_writer *json, char bracket)
{
	assert(json->depth > 0);
	if (json->has_members[--json->depth])
		indent(json);
	fputc(bracket, json->out);
}

void json_begin(struct json_writer *json, FILE *out)
{
	json->out = out;
	json->depth = 0;
}

void json_object_begin(struct json_writer *json, const char *key)
{
	open_level(json, key, '{');
}

void json_object_end(struct json_writer *json)
{
	close_level(json, '}');
}

void json_array_begin(struct json_writer *json, const char *key)
{
	open_level(json, key, '[');
}

void json_array_end(struct json_writer *json)
{
	close_level(json, ']');
}

void json_string(struct json_writer *json, const char *key, const char *value)
{
	member(json, key);
	if (value)
		write_escaped(json->out, value);
	else
		fputs("null", json->out);
}

void json_number(struct json_writer *json, const char *key, unsigned long long value)
{
	member(json, key);
	fprintf(json->out, "%llu", value);
}

void json_bool(struct json_writer *json, const char *key, bool value)
{
	member(json, key);
	fputs(value ? "true" : "false", json->out);
}

void json_null(struct json_writer *json, const char *key)
{
	member(json, key);
	fputs("null", json->out);
}

void json_end(struct json_writer *json)
{
	assert(json->depth == 0);
	fputc('\n', json->out);
	fflush(json->out);
}

void json_command_header(struct json_writer *json, const char *command, bool ok)
{
	json_string(json, "command", command);
	json_number(json, "format_version", JSON_FORMAT_VERSION);
	json_bool(json, "ok", ok);
}
