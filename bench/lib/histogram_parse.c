// SPDX-License-Identifier: GPL-2.0-only
/* Parser for cyclictest -h output; see histogram_parse.h. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "histogram_parse.h"

#define MAX_ROWS 10000000u

struct parse_state {
	const char *origin;
	unsigned int line_number;
	char *err;
	size_t err_size;
	uint64_t bin_width;	/* in the log's unit; 0 until known */
	uint64_t declared_bins; /* from "# Bins:", 0 if absent */
	uint32_t *rows;
	uint32_t row_count, row_capacity;
	uint64_t total, min, avg, max, overflows;
	unsigned int seen; /* bit mask of the summary lines found */
};

enum summary_bit { SEEN_TOTAL = 1, SEEN_MIN = 2, SEEN_AVG = 4, SEEN_MAX = 8, SEEN_OVERFLOWS = 16 };

static int fail(struct parse_state *st, const char *fmt, ...)
{
	int n = snprintf(st->err, st->err_size, "%s:%u: ", st->origin, st->line_number);
	va_list ap;

	if (n < 0 || (size_t)n >= st->err_size)
		return -1;
	va_start(ap, fmt);
	vsnprintf(st->err + n, st->err_size - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* Copies the next line (without "\r\n") into buf; returns the text after it, or NULL at the end. */
static const char *next_line(const char *text, char *buf, size_t size)
{
	size_t n = strcspn(text, "\n");
	size_t copy = n < size - 1 ? n : size - 1;

	if (!*text)
		return NULL;
	memcpy(buf, text, copy);
	buf[copy] = '\0';
	while (copy && (buf[copy - 1] == '\r' || buf[copy - 1] == ' '))
		buf[--copy] = '\0';
	return text[n] ? text + n + 1 : text + n;
}

/* Reads an unsigned decimal; advances *p. */
static bool read_u64(const char **p, uint64_t *value)
{
	const char *s = *p;
	uint64_t v = 0;

	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9') {
		if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*s++ - '0');
	}
	*p = s;
	*value = v;
	return true;
}

static int add_row(struct parse_state *st, const char *line)
{
	const char *p = line;
	uint64_t value, count;

	if (!read_u64(&p, &value) || *p != ' ' || (++p, !read_u64(&p, &count)))
		return fail(st, "expected a histogram row \"value count\", got \"%s\"", line);
	if (*p == ' ')
		return fail(
			st,
			"histogram row \"%s\" has several thread columns; measure with one thread",
			line);
	if (*p)
		return fail(st, "trailing text in histogram row \"%s\"", line);
	if (count > UINT32_MAX)
		return fail(st, "count %" PRIu64 " too large in row \"%s\"", count, line);
	if (value != (uint64_t)st->row_count * st->bin_width)
		return fail(st,
			    "row value %" PRIu64 " out of sequence: expected %" PRIu64
			    " (bin width %" PRIu64 ")",
			    value, (uint64_t)st->row_count * st->bin_width, st->bin_width);
	if (st->row_count == MAX_ROWS)
		return fail(st, "more than %u histogram rows", MAX_ROWS);
	if (st->row_count == st->row_capacity) {
		uint32_t capacity = st->row_capacity ? st->row_capacity * 2 : 1024;
		uint32_t *rows = realloc(st->rows, capacity * sizeof(*rows));

		if (!rows)
			return fail(st, "out of memory for %u histogram rows", capacity);
		st->rows = rows;
		st->row_capacity = capacity;
	}
	st->rows[st->row_count++] = (uint32_t)count;
	return 0;
}

static bool labelled(const char *line, const char *label, uint64_t *value)
{
	const char *p = line;
	size_t n = strlen(label);

	if (strncmp(line, label, n))
		return false;
	p += n;
	while (*p == ' ')
		p++;
	return read_u64(&p, value) && !*p;
}

static const struct {
	const char *label;
	enum summary_bit bit;
	size_t offset;
} summary_lines[] = {
	{ "# Total:", SEEN_TOTAL, offsetof(struct parse_state, total) },
	{ "# Min Latencies:", SEEN_MIN, offsetof(struct parse_state, min) },
	{ "# Avg Latencies:", SEEN_AVG, offsetof(struct parse_state, avg) },
	{ "# Max Latencies:", SEEN_MAX, offsetof(struct parse_state, max) },
	{ "# Histogram Overflows:", SEEN_OVERFLOWS, offsetof(struct parse_state, overflows) },
};

/* A "#" line inside the block: unit, bins, or one of the summary lines. */
static int comment_line(struct parse_state *st, const char *line, uint64_t *unit_ns)
{
	unsigned int i;
	uint64_t value;
	const char *p;

	if (!strncmp(line, "# Unit: ns, bin width:", 22)) {
		p = line + 22;
		while (*p == ' ')
			p++;
		if (st->row_count || !read_u64(&p, &value) || !value || *p)
			return fail(st, "bad unit line \"%s\" (must precede the rows, width > 0)",
				    line);
		st->bin_width = value;
		*unit_ns = 1;
		return 0;
	}
	if (labelled(line, "# Bins:", &value)) {
		st->declared_bins = value;
		return 0;
	}
	for (i = 0; i < sizeof(summary_lines) / sizeof(summary_lines[0]); i++) {
		if (!strncmp(line, summary_lines[i].label, strlen(summary_lines[i].label))) {
			if (!labelled(line, summary_lines[i].label, &value))
				return fail(st, "expected a number after \"%s\" in \"%s\"",
					    summary_lines[i].label, line);
			*(uint64_t *)((char *)st + summary_lines[i].offset) = value;
			st->seen |= summary_lines[i].bit;
			return 0;
		}
	}
	return 0; /* other comments, e.g. "# Thread 0: ..." overflow cycle lists */
}

static int build_histogram(struct parse_state *st, uint64_t unit_ns, struct parsed_histogram *out)
{
	uint64_t binned = 0, bins = st->row_count;
	struct latency_histogram *h;
	uint32_t i;

	for (i = 0; i < st->row_count; i++)
		binned += st->rows[i];
	if (binned != st->total)
		return fail(st, "the rows sum to %" PRIu64 " but \"# Total:\" says %" PRIu64,
			    binned, st->total);
	if (st->declared_bins) {
		if (st->declared_bins < st->row_count || st->declared_bins > MAX_ROWS)
			return fail(st, "\"# Bins: %" PRIu64 "\" disagrees with %u rows",
				    st->declared_bins, st->row_count);
		bins = st->declared_bins;
	}
	if (st->total + st->overflows && st->min > st->max)
		return fail(st, "min %" PRIu64 " > max %" PRIu64, st->min, st->max);
	h = calloc(1, LATENCY_HISTOGRAM_BYTES(bins));
	if (!h)
		return fail(st, "out of memory for %" PRIu64 " bins", bins);
	latency_histogram_init(h, (uint32_t)bins, st->bin_width * unit_ns);
	for (i = 0; i < st->row_count; i++)
		h->bins[i] = st->rows[i];
	h->samples = st->total + st->overflows;
	h->overflows = st->overflows;
	h->min = h->samples ? st->min * unit_ns : UINT64_MAX;
	h->max = st->max * unit_ns;
	h->sum = st->avg * unit_ns * h->samples;
	out->histogram = h;
	out->unit_ns = unit_ns;
	out->avg_ns = st->avg * unit_ns;
	return 0;
}

static int parse_block(struct parse_state *st, const char *text, struct parsed_histogram *out)
{
	const unsigned int all = SEEN_TOTAL | SEEN_MIN | SEEN_AVG | SEEN_MAX | SEEN_OVERFLOWS;
	uint64_t unit_ns = 1000; /* cyclictest without -N prints µs */
	char line[512];

	st->bin_width = 1;
	while ((text = next_line(text, line, sizeof(line)))) {
		st->line_number++;
		if (line[0] == '#') {
			if (comment_line(st, line, &unit_ns))
				return -1;
		} else if (st->seen) {
			break; /* the block ends after its summary lines */
		} else if (add_row(st, line)) {
			return -1;
		}
		if ((st->seen & all) == all)
			break;
	}
	if ((st->seen & all) != all)
		return fail(
			st,
			"histogram ends without all of \"# Total:\", \"# Min/Avg/Max Latencies:\" and "
			"\"# Histogram Overflows:\"");
	return build_histogram(st, unit_ns, out);
}

int histogram_parse(const char *text, const char *origin, struct parsed_histogram *out, char *err,
		    size_t err_size)
{
	struct parse_state st = { .origin = origin, .err = err, .err_size = err_size };
	char line[512];
	int ret;

	memset(out, 0, sizeof(*out));
	while ((text = next_line(text, line, sizeof(line)))) {
		st.line_number++;
		if (!strcmp(line, "# Histogram"))
			break;
	}
	if (!text) {
		st.line_number = 0;
		return fail(&st,
			    "no \"# Histogram\" line: not the output of cyclictest -h or irqlat");
	}
	ret = parse_block(&st, text, out);
	free(st.rows);
	return ret;
}

void parsed_histogram_free(struct parsed_histogram *p)
{
	free(p->histogram);
	p->histogram = NULL;
}
