/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Command-line parameters: "key=value" words separated by blanks, loaded at
 * guest-physical 0x1000 (bare on QEMU: the Multiboot command line). A value
 * may be quoted ("a b"); a key without "=" is a flag meaning true; when a key
 * occurs twice the last one counts. Numbers: decimal, 0x hex, optional "-".
 */
#ifndef INMATE_CMDLINE_H
#define INMATE_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Pure parsers on any string (host-testable). Return 0 or a negative
 * SDK error: -SDK_ENOENT (no such key), -SDK_ERANGE (value too long for
 * buf / number out of range), -SDK_EINVAL (not a number / not a bool). */
int cmdline_parse_string(const char *cmdline, const char *key, char *buf, size_t size);
int cmdline_parse_int(const char *cmdline, const char *key, int64_t *value);
int cmdline_parse_bool(const char *cmdline, const char *key, bool *value);
/* A whole string as a number (same syntax as values). */
int cmdline_parse_number(const char *text, int64_t *value);

/* The loaded command line (empty string if none). */
const char *cmdline(void);

/* Convenience on the loaded command line: a bad value prints an error
 * naming key and value and yields the default. */
int64_t cmdline_get_int(const char *key, int64_t default_value);
bool cmdline_get_bool(const char *key, bool default_value);
/* Copies the value to buf; returns false (buf untouched) if absent/bad. */
bool cmdline_get_string(const char *key, char *buf, size_t size);

#endif /* INMATE_CMDLINE_H */
