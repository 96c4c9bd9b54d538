/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The comparison table: one row per configuration (irqlat bare, cyclictest on root Linux, later
 * irqlat in a cell), each the median over its repetitions, a ratio row per configuration against
 * the first (reference) row, and the spread (lowest..highest) over the repetitions.
 */
#ifndef BENCH_COMPARISON_H
#define BENCH_COMPARISON_H

#include <stdio.h>

#include "run_result.h"

#define COMPARISON_MAX_ROWS 8
#define COMPARISON_MAX_RUNS 32

enum comparison_column {
	COLUMN_SAMPLES,
	COLUMN_MIN,
	COLUMN_AVG,
	COLUMN_P50,
	COLUMN_P99,
	COLUMN_P999,
	COLUMN_MAX,
	COLUMN_OVERRUNS,
	COLUMN_COUNT
};

struct comparison_row {
	const char *label;
	unsigned int run_count;
	struct run_result runs[COMPARISON_MAX_RUNS];
	uint64_t median[COLUMN_COUNT];
	uint64_t lowest[COLUMN_COUNT];
	uint64_t highest[COLUMN_COUNT];
};

/* The column's value in one run (latencies in ns). */
uint64_t comparison_value(const struct run_result *r, enum comparison_column column);

/* Fills median, lowest and highest from the row's runs. */
void comparison_aggregate(struct comparison_row *row);

/* The table, ratio rows and spread table for rows[0..count). */
void comparison_print(FILE *out, const struct comparison_row *rows, unsigned int count);

/* One JSON line per row: medians, spread and every run's figures. */
void comparison_write_json(FILE *out, const struct comparison_row *rows, unsigned int count,
			   const char *clock);

#endif /* BENCH_COMPARISON_H */
