// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Command-line parsing (syntax in inmate/cmdline.h). Pure code: compiled
 * for the host too and unit-tested there (tests/sdk/cmdline_test.c).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <inmate/cmdline.h>
#include <inmate/errors.h>

struct token_value {
	const char *text;
	size_t length;
	bool present;		/* "key=..." rather than a bare "key" */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parses one word at *p; returns false at the end of the string. */
static bool next_word(const char **p, const char **key, size_t *key_length,
		      struct token_value *value)
{
	const char *s = *p;

	while (is_blank(*s))
		s++;
	if (!*s)
		return false;
	*key = s;
	while (*s && *s != '=' && !is_blank(*s))
		s++;
	*key_length = (size_t)(s - *key);
	value->present = *s == '=';
	value->text = s;
	value->length = 0;
	if (value->present) {
		s++;
		if (*s == '"') {
			value->text = ++s;
			while (*s && *s != '"')
				s++;
			value->length = (size_t)(s - value->text);
			if (*s == '"')
				s++;
		} else {
			value->text = s;
			while (*s && !is_blank(*s))
				s++;
			value->length = (size_t)(s - value->text);
		}
	}
	*p = s;
	return true;
}

static bool key_matches(const char *word, size_t length, const char *key)
{
	size_t i;

	for (i = 0; i < length; i++)
		if (key[i] != word[i])
			return false;
	return key[length] == '\0';
}

/* The last occurrence of key counts. */
static bool find_key(const char *cmdline, const char *key, struct token_value *found)
{
	const char *p = cmdline, *word;
	size_t word_length;
	struct token_value value;
	bool seen = false;

	if (!cmdline || !key || !*key)
		return false;
	while (next_word(&p, &word, &word_length, &value)) {
		if (key_matches(word, word_length, key)) {
			*found = value;
			seen = true;
		}
	}
	return seen;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

static int parse_number(const char *text, size_t length, int64_t *value)
{
	const char *end = text + length;
	bool negative = false;
	unsigned int base = 10;
	uint64_t result = 0, limit;
	int digit;

	if (text < end && *text == '-') {
		negative = true;
		text++;
	}
	if (end - text > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		base = 16;
		text += 2;
	}
	if (text == end)
		return -SDK_EINVAL;
	limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; text < end; text++) {
		digit = digit_value(*text);
		if (digit >= (int)base)
			return -SDK_EINVAL;
		if (result > (limit - (uint64_t)digit) / base)
			return -SDK_ERANGE;
		result = result * base + (uint64_t)digit;
	}
	*value = negative ? (int64_t)(0 - result) : (int64_t)result;
	return 0;
}

int cmdline_parse_number(const char *text, int64_t *value)
{
	size_t length = 0;

	while (text[length])
		length++;
	return parse_number(text, length, value);
}

int cmdline_parse_string(const char *cmdline, const char *key, char *buf, size_t size)
{
	struct token_value value;
	size_t i;

	if (!find_key(cmdline, key, &value))
		return -SDK_ENOENT;
	if (value.length + 1 > size)
		return -SDK_ERANGE;
	for (i = 0; i < value.length; i++)
		buf[i] = value.text[i];
	buf[i] = '\0';
	return 0;
}

int cmdline_parse_int(const char *cmdline, const char *key, int64_t *value)
{
	struct token_value found;

	if (!find_key(cmdline, key, &found))
		return -SDK_ENOENT;
	if (!found.present)
		return -SDK_EINVAL;
	return parse_number(found.text, found.length, value);
}

static bool word_is(const struct token_value *value, const char *word)
{
	return key_matches(value->text, value->length, word);
}

int cmdline_parse_bool(const char *cmdline, const char *key, bool *value)
{
	struct token_value found;

	if (!find_key(cmdline, key, &found))
		return -SDK_ENOENT;
	if (!found.present || word_is(&found, "1") || word_is(&found, "true") ||
	    word_is(&found, "yes") || word_is(&found, "on")) {
		*value = true;
		return 0;
	}
	if (word_is(&found, "0") || word_is(&found, "false") || word_is(&found, "no") ||
	    word_is(&found, "off")) {
		*value = false;
		return 0;
	}
	return -SDK_EINVAL;
}
