// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests: latency histogram, percentiles, summary, count_at_least. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "latency_histogram.h"

static struct latency_histogram *make(uint32_t bins, uint64_t width)
{
	struct latency_histogram *h = malloc(LATENCY_HISTOGRAM_BYTES(bins));

	latency_histogram_init(h, bins, width);
	return h;
}

static void test_empty(void)
{
	struct latency_histogram *h = make(10, 10);
	struct latency_summary s;

	latency_summary_compute(h, &s);
	CHECK_U64(s.samples, 0);
	CHECK_U64(s.min, 0);
	CHECK_U64(s.max, 0);
	CHECK_U64(s.avg, 0);
	CHECK_U64(s.p50, 0);
	CHECK(!s.p50_beyond);
	CHECK_U64(latency_histogram_total(h), 0);
	free(h);
}

static void test_binning_and_exact_figures(void)
{
	struct latency_histogram *h = make(10, 10); /* range [0, 100) */

	latency_histogram_record(h, 0);
	latency_histogram_record(h, 9);
	latency_histogram_record(h, 10);
	latency_histogram_record(h, 99);
	latency_histogram_record(h, 100); /* first value beyond the range */
	latency_histogram_record(h, 12345);
	CHECK_U64(h->bins[0], 2);
	CHECK_U64(h->bins[1], 1);
	CHECK_U64(h->bins[9], 1);
	CHECK_U64(h->overflows, 2);
	CHECK_U64(h->samples, 6);
	CHECK_U64(h->min, 0);
	CHECK_U64(h->max, 12345);
	CHECK_U64(h->sum, 0 + 9 + 10 + 99 + 100 + 12345);
	CHECK_U64(latency_histogram_total(h), 6);
	free(h);
}

static void test_percentiles_of_uniform_values(void)
{
	struct latency_histogram *h = make(2000, 1);
	struct latency_summary s;
	uint64_t v;

	/* Values 1..1000: p50 is the 500th value, p99 the 990th, p99.9 the 999th. */
	for (v = 1; v <= 1000; v++)
		latency_histogram_record(h, v);
	latency_summary_compute(h, &s);
	CHECK_U64(s.samples, 1000);
	CHECK_U64(s.min, 1);
	CHECK_U64(s.max, 1000);
	CHECK_U64(s.avg, 500); /* 500500 / 1000, truncated */
	CHECK_U64(s.p50, 500);
	CHECK_U64(s.p99, 990);
	CHECK_U64(s.p999, 999);
	CHECK(!s.p50_beyond && !s.p99_beyond && !s.p999_beyond);
	free(h);
}

static void test_percentile_is_bin_edge_clamped(void)
{
	struct latency_histogram *h = make(10, 100);
	bool beyond;

	/* All samples in bin 1 ([100, 200)), min 150: the lower edge 100 is clamped up to min. */
	latency_histogram_record(h, 150);
	latency_histogram_record(h, 180);
	CHECK_U64(latency_histogram_percentile(h, 500000, &beyond), 150);
	CHECK(!beyond);
	/* Rank 1 of 2 for a tiny percentile: still at least min. */
	CHECK_U64(latency_histogram_percentile(h, 1, &beyond), 150);
	free(h);
}

static void test_percentile_beyond_range(void)
{
	struct latency_histogram *h = make(5, 10); /* range [0, 50) */
	struct latency_summary s;
	unsigned int i;

	for (i = 0; i < 98; i++)
		latency_histogram_record(h, 5);
	latency_histogram_record(h, 70);
	latency_histogram_record(h, 900);
	latency_summary_compute(h, &s);
	CHECK_U64(s.p50, 5);
	CHECK(!s.p50_beyond);
	CHECK_U64(s.p99, 50); /* 99th of 100 overflowed: lower bound = range end */
	CHECK(s.p99_beyond);
	CHECK(s.p999_beyond);
	CHECK(s.min <= s.p50 && s.p50 <= s.p99 && s.p99 <= s.p999 && s.p999 <= s.max);
	free(h);
}

static void test_count_at_least(void)
{
	struct latency_histogram *h = make(10, 10); /* range [0, 100) */
	bool exact;

	latency_histogram_record(h, 5);
	latency_histogram_record(h, 45);
	latency_histogram_record(h, 55);
	latency_histogram_record(h, 150);
	CHECK_U64(latency_histogram_count_at_least(h, 50, &exact), 2); /* 55 and the overflow */
	CHECK(exact);
	CHECK_U64(latency_histogram_count_at_least(h, 0, &exact), 4);
	CHECK(exact);
	CHECK_U64(latency_histogram_count_at_least(h, 100, &exact), 1);
	CHECK(exact);
	latency_histogram_count_at_least(h, 45, &exact); /* splits bin [40, 50) */
	CHECK(!exact);
	latency_histogram_count_at_least(h, 200,
					 &exact); /* beyond range with an overflow: unknowable */
	CHECK(!exact);
	free(h);
}

static void test_zero_bin_width_is_safe(void)
{
	struct latency_histogram *h = make(4, 0);

	CHECK_U64(h->bin_width, 1);
	latency_histogram_record(h, 3);
	CHECK_U64(h->bins[3], 1);
	free(h);
}

static struct latency_histogram *copy_of(const struct latency_histogram *h)
{
	struct latency_histogram *c = malloc(LATENCY_HISTOGRAM_BYTES(h->bin_count));

	memcpy(c, h, LATENCY_HISTOGRAM_BYTES(h->bin_count));
	return c;
}

/* The samples between two snapshots: exact counts, max exact when new, else a bin's top. */
static void test_window(void)
{
	struct latency_histogram *h = make(10, 10), *before, *window = make(10, 10);

	latency_histogram_record(h, 5);
	latency_histogram_record(h, 95);	/* the run's maximum, before the window */
	before = copy_of(h);
	latency_histogram_record(h, 31);
	latency_histogram_record(h, 47);
	CHECK(latency_histogram_window(window, before, h) == 0);
	CHECK_U64(window->samples, 2);
	CHECK_U64(window->sum, 78);
	CHECK_U64(window->bins[3], 1);
	CHECK_U64(window->bins[4], 1);
	CHECK_U64(window->bins[9], 0);
	CHECK_U64(window->min, 30);	/* bottom of 31's bin */
	CHECK_U64(window->max, 49);	/* top of 47's bin, not the run's 95 */
	CHECK_U64(latency_histogram_total(window), 2);

	/* A new maximum in the window is exact, and an overflow's bound is the run's max. */
	free(before);
	before = copy_of(h);
	latency_histogram_record(h, 250);
	CHECK(latency_histogram_window(window, before, h) == 0);
	CHECK_U64(window->max, 250);
	CHECK_U64(window->overflows, 1);
	CHECK_U64(window->min, 100);

	/* Nothing in between: an empty window. */
	free(before);
	before = copy_of(h);
	CHECK(latency_histogram_window(window, before, h) == 0);
	CHECK_U64(window->samples, 0);
	CHECK_U64(window->max, 0);

	/* Not snapshots of one histogram: the counts went down, or the geometry differs. */
	CHECK(latency_histogram_window(window, h, make(10, 10)) == -1);
	CHECK(latency_histogram_window(window, before, make(10, 20)) == -1);
	free(before);
	free(window);
	free(h);
}

int main(void)
{
	test_window();
	test_empty();
	test_binning_and_exact_figures();
	test_percentiles_of_uniform_values();
	test_percentile_is_bin_edge_clamped();
	test_percentile_beyond_range();
	test_count_at_least();
	test_zero_bin_width_is_safe();
	return check_report("test_latency_histogram");
}
