// SPDX-License-Identifier: GPL-2.0-only
/* Reading one run's figures back from its log; see run_result.h. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/json_line.h"
#include "run_result.h"

int run_kind_parse(const char *name)
{
	if (!strcmp(name, "irqlat"))
		return RUN_IRQLAT;
	if (!strcmp(name, "cyclictest"))
		return RUN_CYCLICTEST;
	return -1;
}

static char *read_file(const char *path, char *err, size_t err_size)
{
	FILE *f = fopen(path, "rb");
	size_t size = 0, capacity = 65536, n;
	char *text = malloc(capacity);

	if (!f || !text) {
		snprintf(err, err_size, "%s: cannot read: %s", path,
			 f ? "out of memory" : strerror(errno));
		if (f)
			fclose(f);
		free(text);
		return NULL;
	}
	while ((n = fread(text + size, 1, capacity - size - 1, f)) > 0) {
		size += n;
		if (size + 1 == capacity) {
			char *bigger = realloc(text, capacity * 2);

			if (!bigger)
				break;
			text = bigger;
			capacity *= 2;
		}
	}
	fclose(f);
	/* Serial logs may carry NUL bytes from the UART's reset; they would end the text early. */
	for (n = 0; n < size; n++)
		if (!text[n])
			text[n] = ' ';
	text[size] = '\0';
	return text;
}

/* irqlat prints its figures twice, as JSON and in the histogram block: both must agree. */
static int check_json_summary(struct run_result *r, const char *text, char *err, size_t err_size)
{
	static const char *const keys[] = { "samples", "min",  "avg", "p50",
					    "p99",     "p999", "max", "overflows" };
	const struct latency_summary *s = &r->summary;
	const uint64_t expected[] = { s->samples, s->min,  s->avg, s->p50,
				      s->p99,	  s->p999, s->max, s->overflows };
	char line[1024];
	uint64_t value;
	unsigned int i;

	if (!json_line_find(text, "summary", "irqlat", line, sizeof(line))) {
		snprintf(err, err_size,
			 "%s: no {\"type\":\"summary\",\"source\":\"irqlat\",...} line", r->origin);
		return -1;
	}
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!json_line_u64(line, keys[i], &value)) {
			snprintf(err, err_size, "%s: summary line lacks \"%s\": %s", r->origin,
				 keys[i], line);
			return -1;
		}
		if (value != expected[i]) {
			snprintf(err, err_size,
				 "%s: summary says %s=%" PRIu64 " but the histogram gives %" PRIu64,
				 r->origin, keys[i], value, expected[i]);
			return -1;
		}
	}
	if (!json_line_u64(line, "overruns", &r->overruns)) {
		snprintf(err, err_size, "%s: summary line lacks \"overruns\": %s", r->origin, line);
		return -1;
	}
	r->overruns_exact = true;
	return 0;
}

int run_result_load(const char *path, enum run_kind kind, uint64_t period_ns, struct run_result *r,
		    char *err, size_t err_size)
{
	char *text;
	int ret = 0;

	memset(r, 0, sizeof(*r));
	snprintf(r->origin, sizeof(r->origin), "%s", path);
	r->kind = kind;
	text = read_file(path, err, err_size);
	if (!text)
		return -1;
	if (histogram_parse(text, path, &r->parsed, err, err_size)) {
		free(text);
		return -1;
	}
	latency_summary_compute(r->parsed.histogram, &r->summary);
	/* The exact average as printed: the parsed histogram's sum is reconstructed from it. */
	r->summary.avg = r->parsed.avg_ns;
	if (kind == RUN_IRQLAT)
		ret = check_json_summary(r, text, err, err_size);
	else
		r->overruns = latency_histogram_count_at_least(r->parsed.histogram, period_ns,
							       &r->overruns_exact);
	free(text);
	if (ret)
		run_result_free(r);
	return ret;
}

int run_result_check(const struct run_result *r, uint64_t expect_samples, char *err,
		     size_t err_size)
{
	const struct latency_summary *s = &r->summary;
	const uint64_t order[] = { s->min, s->p50, s->p99, s->p999, s->max };
	static const char *const names[] = { "min", "p50", "p99", "p99.9", "max" };
	uint64_t total = latency_histogram_total(r->parsed.histogram);
	unsigned int i;

	if (!s->samples) {
		snprintf(err, err_size, "%s: no samples", r->origin);
		return -1;
	}
	if (expect_samples && s->samples != expect_samples) {
		snprintf(err, err_size, "%s: %" PRIu64 " samples, expected %" PRIu64, r->origin,
			 s->samples, expect_samples);
		return -1;
	}
	if (total != s->samples) {
		snprintf(err, err_size,
			 "%s: histogram holds %" PRIu64
			 " samples (bins + overflows), count is %" PRIu64,
			 r->origin, total, s->samples);
		return -1;
	}
	for (i = 1; i < sizeof(order) / sizeof(order[0]); i++) {
		if (order[i - 1] > order[i]) {
			snprintf(err, err_size, "%s: %s %" PRIu64 " ns > %s %" PRIu64 " ns",
				 r->origin, names[i - 1], order[i - 1], names[i], order[i]);
			return -1;
		}
	}
	if (s->avg < s->min || s->avg > s->max) {
		snprintf(err, err_size,
			 "%s: avg %" PRIu64 " ns outside [min %" PRIu64 ", max %" PRIu64 "]",
			 r->origin, s->avg, s->min, s->max);
		return -1;
	}
	return 0;
}

void run_result_free(struct run_result *r)
{
	parsed_histogram_free(&r->parsed);
}
