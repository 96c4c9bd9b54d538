// SPDX-License-Identifier: GPL-2.0-only
/* The comparison table; see comparison.h. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "comparison.h"

static const char *const column_names[COLUMN_COUNT] = {
	"samples", "min", "avg", "p50", "p99", "p99.9", "max", "overruns",
};

static const char *const column_keys[COLUMN_COUNT] = {
	"samples", "min_ns", "avg_ns", "p50_ns", "p99_ns", "p999_ns", "max_ns", "overruns",
};

static bool is_latency(enum comparison_column column)
{
	return column != COLUMN_SAMPLES && column != COLUMN_OVERRUNS;
}

uint64_t comparison_value(const struct run_result *r, enum comparison_column column)
{
	const struct latency_summary *s = &r->summary;

	switch (column) {
	case COLUMN_SAMPLES: return s->samples;
	case COLUMN_MIN: return s->min;
	case COLUMN_AVG: return s->avg;
	case COLUMN_P50: return s->p50;
	case COLUMN_P99: return s->p99;
	case COLUMN_P999: return s->p999;
	case COLUMN_MAX: return s->max;
	case COLUMN_OVERRUNS: return r->overruns;
	case COLUMN_COUNT: break;
	}
	return 0;
}

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void comparison_aggregate(struct comparison_row *row)
{
	uint64_t values[COMPARISON_MAX_RUNS];
	unsigned int c, i, n = row->run_count;

	for (c = 0; c < COLUMN_COUNT; c++) {
		for (i = 0; i < n; i++)
			values[i] = comparison_value(&row->runs[i], c);
		qsort(values, n, sizeof(values[0]), compare_u64);
		row->lowest[c] = n ? values[0] : 0;
		row->highest[c] = n ? values[n - 1] : 0;
		/* Median; for an even count the mean of the two middle values. */
		row->median[c] = !n	 ? 0
				 : n % 2 ? values[n / 2]
					 : (values[n / 2 - 1] + values[n / 2]) / 2;
	}
}

/* Latencies in µs with three decimals (ns resolution). */
static void format_value(char *buf, size_t size, enum comparison_column column, uint64_t value)
{
	if (is_latency(column))
		snprintf(buf, size, "%" PRIu64 ".%03" PRIu64, value / 1000, value % 1000);
	else
		snprintf(buf, size, "%" PRIu64, value);
}

static void print_header(FILE *out, int label_width)
{
	unsigned int c;

	fprintf(out, "%-*s", label_width, "");
	for (c = 0; c < COLUMN_COUNT; c++)
		fprintf(out, " %10s", column_names[c]);
	fprintf(out, "\n");
}

static bool any_inexact(const struct comparison_row *row, bool *beyond)
{
	bool inexact = false;
	unsigned int i;

	*beyond = false;
	for (i = 0; i < row->run_count; i++) {
		const struct latency_summary *s = &row->runs[i].summary;

		inexact |= !row->runs[i].overruns_exact;
		*beyond |= s->p50_beyond || s->p99_beyond || s->p999_beyond;
	}
	return inexact;
}

static void print_row(FILE *out, const struct comparison_row *row, int label_width)
{
	char buf[32];
	unsigned int c;
	bool beyond;

	fprintf(out, "%-*s", label_width, row->label);
	for (c = 0; c < COLUMN_COUNT; c++) {
		format_value(buf, sizeof(buf), c, row->median[c]);
		fprintf(out, " %10s", buf);
	}
	if (any_inexact(row, &beyond))
		fprintf(out, "  (overruns: lower bound, histogram too short)");
	if (beyond)
		fprintf(out, "  (a percentile fell beyond the histogram: lower bound)");
	fprintf(out, "\n");
}

static void ratio_label(char *buf, size_t size, const struct comparison_row *row,
			const struct comparison_row *reference)
{
	snprintf(buf, size, "ratio %s / %s", row->label, reference->label);
}

static void print_ratio(FILE *out, const struct comparison_row *row,
			const struct comparison_row *reference, int label_width)
{
	char label[256];
	unsigned int c;

	ratio_label(label, sizeof(label), row, reference);
	fprintf(out, "%-*s", label_width, label);
	for (c = 0; c < COLUMN_COUNT; c++) {
		if (!is_latency(c))
			fprintf(out, " %10s", "-");
		else if (!reference->median[c])
			fprintf(out, " %10s", "n/a");
		else
			fprintf(out, " %9.1fx",
				(double)row->median[c] / (double)reference->median[c]);
	}
	fprintf(out, "\n");
}

static void print_spread(FILE *out, const struct comparison_row *rows, unsigned int count)
{
	char lo[32], hi[32], buf[80];
	unsigned int r, c;

	fprintf(out, "\nspread over the repetitions (lowest..highest):\n");
	for (r = 0; r < count; r++) {
		fprintf(out, "%s (%u runs):", rows[r].label, rows[r].run_count);
		for (c = 0; c < COLUMN_COUNT; c++) {
			format_value(lo, sizeof(lo), c, rows[r].lowest[c]);
			format_value(hi, sizeof(hi), c, rows[r].highest[c]);
			snprintf(buf, sizeof(buf), "%s..%s", lo, hi);
			fprintf(out, " %s %s%s", column_names[c], buf,
				c + 1 < COLUMN_COUNT ? "," : "\n");
		}
	}
}

/* Wide enough for every row label and ratio label. */
static int label_width(const struct comparison_row *rows, unsigned int count)
{
	char label[256];
	size_t width = 0;
	unsigned int r;

	for (r = 0; r < count; r++) {
		if (strlen(rows[r].label) > width)
			width = strlen(rows[r].label);
		ratio_label(label, sizeof(label), &rows[r], &rows[0]);
		if (r && strlen(label) > width)
			width = strlen(label);
	}
	return (int)width;
}

void comparison_print(FILE *out, const struct comparison_row *rows, unsigned int count)
{
	int width = label_width(rows, count);
	unsigned int r;

	fprintf(out,
		"latencies in us (ns resolution); each figure is the median over the repetitions\n");
	print_header(out, width);
	for (r = 0; r < count; r++)
		print_row(out, &rows[r], width);
	for (r = 1; r < count; r++)
		print_ratio(out, &rows[r], &rows[0], width);
	print_spread(out, rows, count);
}

static void write_values(FILE *out, const char *name, const uint64_t *values)
{
	unsigned int c;

	fprintf(out, ",\"%s\":{", name);
	for (c = 0; c < COLUMN_COUNT; c++)
		fprintf(out, "%s\"%s\":%" PRIu64, c ? "," : "", column_keys[c], values[c]);
	fprintf(out, "}");
}

void comparison_write_json(FILE *out, const struct comparison_row *rows, unsigned int count,
			   const char *clock)
{
	uint64_t values[COLUMN_COUNT];
	unsigned int r, i, c;

	for (r = 0; r < count; r++) {
		fprintf(out,
			"{\"type\":\"comparison-row\",\"label\":\"%s\",\"clock\":\"%s\",\"runs\":%u",
			rows[r].label, clock, rows[r].run_count);
		write_values(out, "median", rows[r].median);
		write_values(out, "lowest", rows[r].lowest);
		write_values(out, "highest", rows[r].highest);
		fprintf(out, ",\"each\":[");
		for (i = 0; i < rows[r].run_count; i++) {
			fprintf(out, "%s{\"log\":\"%s\"", i ? "," : "", rows[r].runs[i].origin);
			for (c = 0; c < COLUMN_COUNT; c++)
				values[c] = comparison_value(&rows[r].runs[i], c);
			write_values(out, "figures", values);
			fprintf(out, "}");
		}
		fprintf(out, "]}\n");
	}
}
