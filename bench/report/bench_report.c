// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench-report: reads the logs of the comparison runs (irqlat's UART log, cyclictest's -h output),
 * checks every figure, prints the comparison table with ratios and spread, and writes the merged
 * histograms for gnuplot. Used by bench/compare; see docs/benchmarks.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comparison.h"

struct options {
	const char *title;
	const char *clock;
	const char *data_dir;
	const char *json_path;
	uint64_t period_ns;
	uint64_t expect_samples;
	struct comparison_row rows[COMPARISON_MAX_ROWS];
	unsigned int row_count;
};

static void usage(FILE *out)
{
	fprintf(out,
		"usage: bench-report [--title TEXT] [--clock TEXT] [--period-us N] [--expect-samples N]\n"
		"                    [--data-dir DIR] [--json FILE] --row LABEL KIND LOG[,LOG...]...\n"
		"  KIND is irqlat (irqlat's UART log) or cyclictest (output of cyclictest -h -q).\n"
		"  The first row is the reference of the ratio rows. Exit status 1 if a log lacks a figure\n"
		"  or its figures are inconsistent, 2 on bad usage.\n");
}

static int parse_u64(const char *option, const char *text, uint64_t *value)
{
	char *end;

	errno = 0;
	*value = strtoull(text, &end, 10);
	if (errno || end == text || *end || text[0] == '-') {
		fprintf(stderr, "bench-report: %s: \"%s\" is not an unsigned number\n", option,
			text);
		return -1;
	}
	return 0;
}

/* Loads and checks every log of a row: LOG[,LOG...]. */
static int load_row(struct options *o, const char *label, const char *kind_name, char *logs)
{
	struct comparison_row *row = &o->rows[o->row_count];
	int kind = run_kind_parse(kind_name);
	char err[1024], *log, *save = NULL;

	if (kind < 0) {
		fprintf(stderr,
			"bench-report: --row %s: kind \"%s\" is neither irqlat nor cyclictest\n",
			label, kind_name);
		return 2;
	}
	row->label = label;
	for (log = strtok_r(logs, ",", &save); log; log = strtok_r(NULL, ",", &save)) {
		struct run_result *r = &row->runs[row->run_count];

		if (row->run_count == COMPARISON_MAX_RUNS) {
			fprintf(stderr, "bench-report: --row %s: more than %d logs\n", label,
				COMPARISON_MAX_RUNS);
			return 2;
		}
		if (run_result_load(log, (enum run_kind)kind, o->period_ns, r, err, sizeof(err)) ||
		    run_result_check(r, o->expect_samples, err, sizeof(err))) {
			fprintf(stderr, "bench-report: %s: %s\n", label, err);
			return 1;
		}
		row->run_count++;
	}
	if (!row->run_count) {
		fprintf(stderr, "bench-report: --row %s: no log given\n", label);
		return 2;
	}
	comparison_aggregate(row);
	o->row_count++;
	return 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	int i, ret;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has_value = i + 1 < argc;

		if (!strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--row") && i + 3 < argc) {
			if (o->row_count == COMPARISON_MAX_ROWS) {
				fprintf(stderr, "bench-report: more than %d rows\n",
					COMPARISON_MAX_ROWS);
				return 2;
			}
			ret = load_row(o, argv[i + 1], argv[i + 2], argv[i + 3]);
			if (ret)
				return ret;
			i += 3;
		} else if (!strcmp(a, "--title") && has_value) {
			o->title = argv[++i];
		} else if (!strcmp(a, "--clock") && has_value) {
			o->clock = argv[++i];
		} else if (!strcmp(a, "--data-dir") && has_value) {
			o->data_dir = argv[++i];
		} else if (!strcmp(a, "--json") && has_value) {
			o->json_path = argv[++i];
		} else if (!strcmp(a, "--period-us") && has_value) {
			if (parse_u64(a, argv[++i], &o->period_ns))
				return 2;
			o->period_ns *= 1000;
		} else if (!strcmp(a, "--expect-samples") && has_value) {
			if (parse_u64(a, argv[++i], &o->expect_samples))
				return 2;
		} else {
			fprintf(stderr, "bench-report: unknown option or missing value: %s\n", a);
			usage(stderr);
			return 2;
		}
	}
	if (!o->row_count) {
		fprintf(stderr, "bench-report: no --row given\n");
		usage(stderr);
		return 2;
	}
	return 0;
}

/* The sum of the row's histograms, written as "latency_us count" lines for gnuplot. */
static int write_row_data(const struct options *o, unsigned int index)
{
	const struct comparison_row *row = &o->rows[index];
	uint64_t width = row->runs[0].parsed.histogram->bin_width, overflows = 0, count;
	uint32_t bins = 0, first = UINT32_MAX, last = 0, b;
	char path[1024];
	unsigned int i;
	FILE *f;

	for (i = 0; i < row->run_count; i++) {
		const struct latency_histogram *h = row->runs[i].parsed.histogram;

		if (h->bin_width != width) {
			fprintf(stderr,
				"bench-report: %s: bin width %" PRIu64 " ns in %s, %" PRIu64
				" ns in %s\n",
				row->label, h->bin_width, row->runs[i].origin, width,
				row->runs[0].origin);
			return 1;
		}
		bins = h->bin_count > bins ? h->bin_count : bins;
		overflows += h->overflows;
		for (b = 0; b < h->bin_count; b++) {
			if (h->bins[b] && b + 1 > last)
				last = b + 1;
			if (h->bins[b] && b < first)
				first = b;
		}
	}
	snprintf(path, sizeof(path), "%s/row-%u.dat", o->data_dir, index);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "bench-report: cannot write %s: %s\n", path, strerror(errno));
		return 1;
	}
	fprintf(f,
		"# %s: %u runs, bin width %" PRIu64 " ns, %" PRIu64 " overflows beyond %" PRIu64
		" ns\n",
		row->label, row->run_count, width, overflows, (uint64_t)bins * width);
	fprintf(f, "# bin_centre_us count\n");
	/* From one empty bin before the first sample to one after the last: the rest is zero. */
	first = first == UINT32_MAX ? 0 : first ? first - 1 : 0;
	for (b = first; b <= last && b < bins; b++) {
		count = 0;
		for (i = 0; i < row->run_count; i++) {
			const struct latency_histogram *h = row->runs[i].parsed.histogram;

			count += b < h->bin_count ? h->bins[b] : 0;
		}
		/* Bin centres: a log-scale x axis has no 0. */
		fprintf(f, "%.4f %" PRIu64 "\n", ((double)b + 0.5) * (double)width / 1000.0, count);
	}
	return fclose(f) ? 1 : 0;
}

static int write_outputs(const struct options *o)
{
	unsigned int r;
	FILE *f;

	for (r = 0; o->data_dir && r < o->row_count; r++)
		if (write_row_data(o, r))
			return 1;
	if (!o->json_path)
		return 0;
	f = fopen(o->json_path, "w");
	if (!f) {
		fprintf(stderr, "bench-report: cannot write %s: %s\n", o->json_path,
			strerror(errno));
		return 1;
	}
	comparison_write_json(f, o->rows, o->row_count, o->clock ? o->clock : "unknown");
	return fclose(f) ? 1 : 0;
}

int main(int argc, char **argv)
{
	static struct options o;
	unsigned int r, i;
	int ret = parse_options(argc, argv, &o);

	if (!ret) {
		if (o.title)
			printf("%s\n", o.title);
		if (o.clock)
			printf("clock: %s\n", o.clock);
		comparison_print(stdout, o.rows, o.row_count);
		ret = write_outputs(&o);
	}
	for (r = 0; r < o.row_count; r++)
		for (i = 0; i < o.rows[r].run_count; i++)
			run_result_free(&o.rows[r].runs[i]);
	return ret;
}
