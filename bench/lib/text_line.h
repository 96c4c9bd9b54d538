/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A one-line text builder without a C library: strings, decimal numbers (optionally zero-padded to
 * a width, as cyclictest prints them) and fixed-point numbers. Used for the reports irqlat prints
 * on its UART, so it must not need printf; the host tool and tests use the same code.
 */
#ifndef BENCH_TEXT_LINE_H
#define BENCH_TEXT_LINE_H

#include <stdbool.h>
#include <stdint.h>

#define TEXT_LINE_CAPACITY 320

struct text_line {
	char text[TEXT_LINE_CAPACITY];
	uint32_t length;
	bool truncated; /* something did not fit: the line ends early */
};

void text_line_clear(struct text_line *line);
void text_line_add(struct text_line *line, const char *s);
/* Decimal, at least min_digits digits, zero-padded (min_digits 0 or 1: no padding). */
void text_line_add_u64(struct text_line *line, uint64_t value, unsigned int min_digits);
/* value / 10^decimals with exactly `decimals` digits after the point, e.g. (1234, 3) -> "1.234". */
void text_line_add_fixed(struct text_line *line, uint64_t value, unsigned int decimals);

#endif /* BENCH_TEXT_LINE_H */
