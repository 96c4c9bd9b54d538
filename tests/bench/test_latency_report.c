// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests: the text builder and the reports irqlat prints (JSON summary, cyclictest-format
 * histogram), checked line by line and read back with the host parsers: what irqlat writes, the
 * report tool must read unchanged.
 */
#include <stdlib.h>

#include "check.h"
#include "histogram_parse.h"
#include "json_line.h"
#include "latency_report.h"
#include "text_line.h"

struct capture {
	char text[1 << 16];
	size_t length;
	unsigned int lines;
};

static void capture_line(void *context, const char *line)
{
	struct capture *c = context;

	c->length +=
		(size_t)snprintf(c->text + c->length, sizeof(c->text) - c->length, "%s\n", line);
	c->lines++;
}

static void test_text_line(void)
{
	struct text_line line;
	unsigned int i;

	text_line_clear(&line);
	text_line_add_u64(&line, 42, 6);
	text_line_add(&line, " ");
	text_line_add_u64(&line, 0, 1);
	text_line_add(&line, " ");
	text_line_add_u64(&line, UINT64_MAX, 0);
	text_line_add(&line, " ");
	text_line_add_u64(&line, 1234567, 3); /* wider than the padding: all digits */
	text_line_add(&line, " ");
	text_line_add_fixed(&line, 1234, 3);
	text_line_add(&line, " ");
	text_line_add_fixed(&line, 5, 3);
	CHECK_STR(line.text, "000042 0 18446744073709551615 1234567 1.234 0.005");
	CHECK(!line.truncated);

	text_line_clear(&line);
	for (i = 0; i < TEXT_LINE_CAPACITY + 10; i++)
		text_line_add(&line, "x");
	CHECK(line.truncated);
	CHECK_U64(line.length, TEXT_LINE_CAPACITY - 1);
	CHECK_U64(strlen(line.text), TEXT_LINE_CAPACITY - 1);
}

static struct latency_histogram *sample_histogram(void)
{
	struct latency_histogram *h = malloc(LATENCY_HISTOGRAM_BYTES(100));
	unsigned int i;

	latency_histogram_init(h, 100, 10); /* 10 ns bins up to 1 µs */
	for (i = 0; i < 97; i++)
		latency_histogram_record(h, 150 + i % 3); /* 150, 151, 152 */
	latency_histogram_record(h, 233);
	latency_histogram_record(h, 981);
	latency_histogram_record(h, 5000); /* overflow */
	return h;
}

static void test_json_summary(void)
{
	struct latency_histogram *h = sample_histogram();
	struct capture c = { .length = 0 };
	struct report_sink sink = { capture_line, &c };
	struct latency_summary s;
	uint64_t v;

	latency_summary_compute(h, &s);
	report_json_summary(&sink, "irqlat", &s, 7);
	CHECK_STR(
		c.text,
		"{\"type\":\"summary\",\"source\":\"irqlat\",\"unit\":\"ns\",\"samples\":100,\"min\":150,"
		"\"avg\":208,\"p50\":150,\"p99\":980,\"p999\":1000,\"max\":5000,\"overruns\":7,\"overflows\":1,"
		"\"beyond\":\"p999\"}\n");
	CHECK(json_line_u64(c.text, "p99", &v) && v == 980);
	CHECK(json_line_u64(c.text, "overruns", &v) && v == 7);
	CHECK(!json_line_u64(c.text, "source", &v)); /* a string, not a number */
	CHECK(!json_line_u64(c.text, "p9", &v));     /* keys match whole */
	free(h);
}

static void test_cyclictest_format_round_trip(void)
{
	struct latency_histogram *h = sample_histogram();
	struct capture c = { .length = 0 };
	struct report_sink sink = { capture_line, &c };
	struct parsed_histogram p;
	struct latency_summary s, back;
	char err[256];
	uint32_t i;

	report_cyclictest_histogram(&sink, h);
	/* Header, unit, bins; rows 0..99 (last non-empty bin 98, so all 100); 5 summary lines. */
	CHECK_U64(c.lines, 3 + 100 + 5);
	CHECK(strstr(c.text,
		     "# Histogram\n# Unit: ns, bin width: 10\n# Bins: 100\n000000 000000\n") ==
	      c.text);
	CHECK(strstr(c.text, "\n000150 000097\n000160 000000\n") != NULL);
	CHECK(strstr(c.text,
		     "\n# Total: 000000099\n# Min Latencies: 00150\n# Avg Latencies: 00208\n"
		     "# Max Latencies: 05000\n# Histogram Overflows: 00001\n") != NULL);

	CHECK(histogram_parse(c.text, "round-trip", &p, err, sizeof(err)) == 0);
	if (!p.histogram)
		return;
	latency_summary_compute(h, &s);
	latency_summary_compute(p.histogram, &back);
	CHECK_U64(back.samples, s.samples);
	CHECK_U64(back.min, s.min);
	CHECK_U64(back.max, s.max);
	CHECK_U64(back.p50, s.p50);
	CHECK_U64(back.p99, s.p99);
	CHECK_U64(back.p999, s.p999);
	CHECK_U64(p.avg_ns, s.avg);
	for (i = 0; i < h->bin_count; i++)
		CHECK_U64(p.histogram->bins[i], h->bins[i]);
	parsed_histogram_free(&p);
	free(h);
}

static void test_short_histogram_prints_one_zero_row(void)
{
	struct latency_histogram *h = malloc(LATENCY_HISTOGRAM_BYTES(1000));
	struct capture c = { .length = 0 };
	struct report_sink sink = { capture_line, &c };

	latency_histogram_init(h, 1000, 1);
	latency_histogram_record(h, 2);
	report_cyclictest_histogram(&sink, h);
	/* Rows 0..3: the last non-empty bin (2) and one zero row after it, not all 1000. */
	CHECK_U64(c.lines, 3 + 4 + 5);
	free(h);
}

static void test_json_line_find(void)
{
	const char *log =
		"boot\n{\"type\":\"config\",\"source\":\"irqlat\",\"period_ns\":1000}\r\n"
		"{\"type\":\"summary\",\"source\":\"other\",\"samples\":1}\n"
		"{\"type\":\"summary\",\"source\":\"irqlat\",\"samples\":2}\n{\"type\":\"summary\"\n";
	char line[256], s[16];
	uint64_t v;

	CHECK(json_line_find(log, "summary", "irqlat", line, sizeof(line)));
	CHECK(json_line_u64(line, "samples", &v) && v == 2);
	CHECK(json_line_find(log, "config", NULL, line, sizeof(line)));
	CHECK(json_line_u64(line, "period_ns", &v) && v == 1000);
	CHECK(json_line_string(line, "source", s, sizeof(s)));
	CHECK_STR(s, "irqlat");
	CHECK(!json_line_find(log, "progress", NULL, line, sizeof(line)));
}

int main(void)
{
	test_text_line();
	test_json_summary();
	test_cyclictest_format_round_trip();
	test_short_histogram_prints_one_zero_row();
	test_json_line_find();
	return check_report("test_latency_report");
}
