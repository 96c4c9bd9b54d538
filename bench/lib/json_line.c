// SPDX-License-Identifier: GPL-2.0-only
/* Flat JSON-lines records; see json_line.h. */
#include <stdio.h>
#include <string.h>

#include "json_line.h"

/* Points after `"key":` in line, or NULL. */
static const char *value_of(const char *line, const char *key)
{
	size_t n = strlen(key);
	const char *p = line;

	while ((p = strchr(p, '"'))) {
		if (!strncmp(p + 1, key, n) && p[n + 1] == '"' && p[n + 2] == ':')
			return p + n + 3;
		p++;
	}
	return NULL;
}

bool json_line_u64(const char *line, const char *key, uint64_t *value)
{
	const char *p = value_of(line, key);
	uint64_t v = 0;

	if (!p || *p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9') {
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*p++ - '0');
	}
	if (*p != ',' && *p != '}')
		return false;
	*value = v;
	return true;
}

bool json_line_string(const char *line, const char *key, char *buf, size_t size)
{
	const char *p = value_of(line, key);
	const char *end;

	if (!p || *p != '"')
		return false;
	end = strchr(p + 1, '"');
	if (!end || (size_t)(end - p - 1) >= size)
		return false;
	memcpy(buf, p + 1, (size_t)(end - p - 1));
	buf[end - p - 1] = '\0';
	return true;
}

static bool line_matches(const char *line, const char *type, const char *source)
{
	char value[64];

	if (line[0] != '{' || line[strlen(line) - 1] != '}')
		return false;
	if (!json_line_string(line, "type", value, sizeof(value)) || strcmp(value, type))
		return false;
	return !source ||
	       (json_line_string(line, "source", value, sizeof(value)) && !strcmp(value, source));
}

bool json_line_find(const char *text, const char *type, const char *source, char *buf, size_t size)
{
	bool found = false;
	char line[1024];

	while (*text) {
		size_t n = strcspn(text, "\n");
		size_t copy = n < sizeof(line) - 1 ? n : sizeof(line) - 1;

		memcpy(line, text, copy);
		line[copy] = '\0';
		while (copy && line[copy - 1] == '\r')
			line[--copy] = '\0';
		if (copy && line_matches(line, type, source)) {
			snprintf(buf, size, "%s", line);
			found = true;
		}
		text += n + (text[n] ? 1 : 0);
	}
	return found;
}
