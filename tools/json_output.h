/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small JSON writer for the `--json` output of the warden commands. One
 * style for every command (warden(1), "JSON OUTPUT"): one object per run,
 * keys in snake_case, numbers as numbers, what could not be read as null,
 * and every command's "command", "format_version", "ok" and "errors" keys.
 * Output is indented by two spaces per level and ends with a newline.
 */
#ifndef WARDEN_TOOLS_JSON_OUTPUT_H
#define WARDEN_TOOLS_JSON_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

/* The version of the shared keys and of every command's own keys. */
#define JSON_FORMAT_VERSION	1
#define JSON_MAX_DEPTH		8

struct json_writer {
	FILE *out;
	int depth;
	bool has_members[JSON_MAX_DEPTH];	/* per open level: a member already written */
};

/*
 * key is the member name inside an object and NULL inside an array or for the
 * top-level value. Nesting deeper than JSON_MAX_DEPTH is a programming error
 * and is caught by an assertion.
 */
void json_begin(struct json_writer *json, FILE *out);
void json_object_begin(struct json_writer *json, const char *key);
void json_object_end(struct json_writer *json);
void json_array_begin(struct json_writer *json, const char *key);
void json_array_end(struct json_writer *json);
void json_string(struct json_writer *json, const char *key, const char *value);	/* NULL: null */
void json_number(struct json_writer *json, const char *key, unsigned long long value);
void json_bool(struct json_writer *json, const char *key, bool value);
void json_null(struct json_writer *json, const char *key);
/* Ends the top-level value with a newline and flushes. */
void json_end(struct json_writer *json);

/* The members every command's object starts with. */
void json_command_header(struct json_writer *json, const char *command, bool ok);

#endif /* WARDEN_TOOLS_JSON_OUTPUT_H */
