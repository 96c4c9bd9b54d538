// SPDX-License-Identifier: GPL-2.0-only
/* One-line text builder; see text_line.h. */
#include "text_line.h"

static void add_char(struct text_line *line, char c)
{
	/* Keep one byte for the terminating NUL. */
	if (line->length + 1 >= TEXT_LINE_CAPACITY) {
		line->truncated = true;
		return;
	}
	line->text[line->length++] = c;
	line->text[line->length] = '\0';
}

void text_line_clear(struct text_line *line)
{
	line->length = 0;
	line->truncated = false;
	line->text[0] = '\0';
}

void text_line_add(struct text_line *line, const char *s)
{
	while (*s)
		add_char(line, *s++);
}

void text_line_add_u64(struct text_line *line, uint64_t value, unsigned int min_digits)
{
	char digits[20]; /* UINT64_MAX has 20 decimal digits */
	unsigned int n = 0;

	do {
		digits[n++] = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	while (min_digits > n) {
		add_char(line, '0');
		min_digits--;
	}
	while (n)
		add_char(line, digits[--n]);
}

void text_line_add_fixed(struct text_line *line, uint64_t value, unsigned int decimals)
{
	uint64_t scale = 1;
	unsigned int i;

	for (i = 0; i < decimals; i++)
		scale *= 10;
	text_line_add_u64(line, value / scale, 1);
	if (!decimals)
		return;
	add_char(line, '.');
	text_line_add_u64(line, value % scale, decimals);
}
