// SPDX-License-Identifier: GPL-2.0-only
/* JSON-lines summary and cyclictest-format histogram; see latency_report.h. */
#include "latency_report.h"
#include "text_line.h"

static void add_field(struct text_line *line, const char *name, uint64_t value)
{
	text_line_add(line, ",\"");
	text_line_add(line, name);
	text_line_add(line, "\":");
	text_line_add_u64(line, value, 1);
}

static void add_beyond(struct text_line *line, const struct latency_summary *s)
{
	const char *sep = "";

	/* Percentiles that fell into the overflow: their value is a lower bound. */
	text_line_add(line, ",\"beyond\":\"");
	if (s->p50_beyond) {
		text_line_add(line, "p50");
		sep = " ";
	}
	if (s->p99_beyond) {
		text_line_add(line, sep);
		text_line_add(line, "p99");
		sep = " ";
	}
	if (s->p999_beyond) {
		text_line_add(line, sep);
		text_line_add(line, "p999");
	}
	text_line_add(line, "\"");
}

void report_json_summary(const struct report_sink *sink, const char *source,
			 const struct latency_summary *s, uint64_t overruns)
{
	struct text_line line;

	text_line_clear(&line);
	text_line_add(&line, "{\"type\":\"summary\",\"source\":\"");
	text_line_add(&line, source);
	text_line_add(&line, "\",\"unit\":\"ns\"");
	add_field(&line, "samples", s->samples);
	add_field(&line, "min", s->min);
	add_field(&line, "avg", s->avg);
	add_field(&line, "p50", s->p50);
	add_field(&line, "p99", s->p99);
	add_field(&line, "p999", s->p999);
	add_field(&line, "max", s->max);
	add_field(&line, "overruns", overruns);
	add_field(&line, "overflows", s->overflows);
	add_beyond(&line, s);
	text_line_add(&line, "}");
	sink->emit(sink->context, line.text);
}

static void emit_labelled(const struct report_sink *sink, const char *label, uint64_t value,
			  unsigned int digits)
{
	struct text_line line;

	text_line_clear(&line);
	text_line_add(&line, label);
	text_line_add_u64(&line, value, digits);
	sink->emit(sink->context, line.text);
}

static uint32_t rows_to_print(const struct latency_histogram *h)
{
	uint32_t last = h->bin_count;

	while (last && !h->bins[last - 1])
		last--;
	/* One zero row after the last non-empty bin shows where the distribution ends. */
	return last < h->bin_count ? last + 1 : last;
}

void report_cyclictest_histogram(const struct report_sink *sink, const struct latency_histogram *h)
{
	struct text_line line;
	uint32_t i, rows = rows_to_print(h);

	sink->emit(sink->context, "# Histogram");
	emit_labelled(sink, "# Unit: ns, bin width: ", h->bin_width, 1);
	emit_labelled(sink, "# Bins: ", h->bin_count, 1);
	for (i = 0; i < rows; i++) {
		text_line_clear(&line);
		text_line_add_u64(&line, (uint64_t)i * h->bin_width, 6);
		text_line_add(&line, " ");
		text_line_add_u64(&line, h->bins[i], 6);
		sink->emit(sink->context, line.text);
	}
	/* cyclictest's "Total" counts the binned samples only, without the overflows. */
	emit_labelled(sink, "# Total: ", h->samples - h->overflows, 9);
	emit_labelled(sink, "# Min Latencies: ", h->samples ? h->min : 0, 5);
	emit_labelled(sink, "# Avg Latencies: ", h->samples ? h->sum / h->samples : 0, 5);
	emit_labelled(sink, "# Max Latencies: ", h->max, 5);
	emit_labelled(sink, "# Histogram Overflows: ", h->overflows, 5);
}
