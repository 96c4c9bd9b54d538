// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests: the cyclictest -h parser, on real cyclictest 2.40 output (argv[1]) and on broken
 * inputs, each of which must be refused with a message naming the origin and the line.
 */
#include <stdlib.h>

#include "check.h"
#include "histogram_parse.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = calloc(1, 1 << 20);
	size_t n;

	if (!f || !text) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	n = fread(text, 1, (1 << 20) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static void test_real_cyclictest_output(const char *path)
{
	struct parsed_histogram p;
	struct latency_summary s;
	char err[512] = "";

	CHECK(histogram_parse(slurp(path), path, &p, err, sizeof(err)) == 0);
	if (!p.histogram) {
		fprintf(stderr, "%s\n", err);
		check_failures++;
		return;
	}
	latency_summary_compute(p.histogram, &s);
	CHECK_U64(p.unit_ns, 1000);
	CHECK_U64(p.histogram->bin_width, 1000);
	CHECK_U64(p.histogram->bin_count, 200);
	CHECK_U64(s.samples, 2000); /* "# Total: 1997" + 3 overflows */
	CHECK_U64(p.histogram->overflows, 3);
	CHECK_U64(latency_histogram_total(p.histogram), 2000);
	CHECK_U64(s.min, 7000);
	CHECK_U64(p.avg_ns, 17000);
	CHECK_U64(s.max, 1004000);
	CHECK_U64(p.histogram->bins[12], 202);
	CHECK_U64(s.p50, 15000);
	CHECK_U64(s.p99, 67000);
	CHECK(s.p999_beyond);
	CHECK_U64(s.p999, 200000);
	parsed_histogram_free(&p);
}

static void test_irqlat_units_and_crlf(void)
{
	const char *text =
		"noise\r\n# Histogram\r\n# Unit: ns, bin width: 10\r\n# Bins: 50\r\n"
		"000000 000000\r\n000010 000003\r\n000020 000001\r\n000030 000000\r\n"
		"# Total: 000000004\r\n# Min Latencies: 00012\r\n# Avg Latencies: 00015\r\n"
		"# Max Latencies: 00777\r\n# Histogram Overflows: 00001\r\nWARDEN-DONE\r\n";
	struct parsed_histogram p;
	char err[512];

	CHECK(histogram_parse(text, "crlf", &p, err, sizeof(err)) == 0);
	if (!p.histogram)
		return;
	CHECK_U64(p.unit_ns, 1);
	CHECK_U64(p.histogram->bin_width, 10);
	CHECK_U64(p.histogram->bin_count, 50); /* from "# Bins:", not from the 4 rows */
	CHECK_U64(p.histogram->bins[1], 3);
	CHECK_U64(p.histogram->samples, 5);
	CHECK_U64(p.histogram->min, 12);
	CHECK_U64(p.histogram->max, 777);
	CHECK_U64(p.avg_ns, 15);
	parsed_histogram_free(&p);
}

/* Each broken input must fail, and the message must contain `expect`. */
static void expect_refused(const char *text, const char *expect)
{
	struct parsed_histogram p;
	char err[512] = "";

	if (histogram_parse(text, "bad.log", &p, err, sizeof(err)) == 0) {
		fprintf(stderr, "accepted broken input (expected \"%s\"):\n%s\n", expect, text);
		check_failures++;
		parsed_histogram_free(&p);
		return;
	}
	if (!strstr(err, expect) || strncmp(err, "bad.log:", 8)) {
		fprintf(stderr, "message \"%s\" lacks \"%s\" or the origin\n", err, expect);
		check_failures++;
	}
}

#define SUMMARY "# Min Latencies: 00001\n# Avg Latencies: 00001\n# Max Latencies: 00002\n"

static void test_refusals(void)
{
	expect_refused("just a log\n", "no \"# Histogram\" line");
	expect_refused("# Histogram\n000000 000001\n000001 000001\n# Total: 000000003\n" SUMMARY
		       "# Histogram Overflows: 00000\n",
		       "rows sum to 2 but \"# Total:\" says 3");
	expect_refused("# Histogram\n000000 000001\n000002 000001\n# Total: 000000002\n" SUMMARY
		       "# Histogram Overflows: 00000\n",
		       "out of sequence");
	expect_refused("# Histogram\n000000 000001 000004\n", "several thread columns");
	expect_refused("# Histogram\n000000 000001\n# Total: 000000001\n# Min Latencies: 00001\n",
		       "histogram ends without");
	expect_refused("# Histogram\n000000 000001\n[  12.3] kernel says hello\n",
		       "expected a histogram row");
	expect_refused("# Histogram\n000000 000001\n# Total: 000000001\n# Min Latencies: x\n",
		       "expected a number after \"# Min Latencies:\"");
	expect_refused(
		"# Histogram\n000000 000001\n000001 000000\n# Total: 000000001\n# Min Latencies: 00009\n"
		"# Avg Latencies: 00001\n# Max Latencies: 00002\n# Histogram Overflows: 00000\n",
		"min 9 > max 2");
	expect_refused("# Histogram\n# Unit: ns, bin width: 0\n", "bad unit line");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s CYCLICTEST_OUTPUT\n", argv[0]);
		return 2;
	}
	test_real_cyclictest_output(argv[1]);
	test_irqlat_units_and_crlf();
	test_refusals();
	return check_report("test_histogram_parse");
}
