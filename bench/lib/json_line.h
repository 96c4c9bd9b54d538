/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host side: finds the flat JSON-lines records irqlat prints ({"type":"summary",...}) in a log and
 * reads their fields. Only what those records use: one object per line, string and unsigned integer
 * values, no nesting.
 */
#ifndef BENCH_JSON_LINE_H
#define BENCH_JSON_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Copies into buf the last line of text that is a JSON object whose "type" is type and whose
 * "source" is source (NULL: any); returns false if there is none.
 */
bool json_line_find(const char *text, const char *type, const char *source, char *buf, size_t size);

/* The unsigned integer value of key in line; false if absent or not an unsigned integer. */
bool json_line_u64(const char *line, const char *key, uint64_t *value);

/* The string value of key in line (no escapes); false if absent, not a string, or too long. */
bool json_line_string(const char *line, const char *key, char *buf, size_t size);

#endif /* BENCH_JSON_LINE_H */
