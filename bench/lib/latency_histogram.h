/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Latency histogram: fixed-width bins plus exact count, min, max and sum, and the summary figures
 * computed from it (min/avg/p50/p99/p99.9/max). Pure logic: irqlat (freestanding) records into it,
 * the host report tool reads cyclictest's and irqlat's histograms into it. The layout has explicit
 * widths and no pointers so that a histogram can sit in memory shared with another cell (see
 * irqlat_shared.h).
 */
#ifndef BENCH_LATENCY_HISTOGRAM_H
#define BENCH_LATENCY_HISTOGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct latency_histogram {
	uint64_t bin_width; /* bin i holds values in [i * bin_width, (i + 1) * bin_width) */
	uint32_t bin_count;
	uint32_t reserved;
	uint64_t samples;   /* every recorded sample, binned or overflowing */
	uint64_t overflows; /* samples >= bin_count * bin_width */
	uint64_t min;	    /* exact, over all samples (UINT64_MAX while empty) */
	uint64_t max;	    /* exact, over all samples */
	uint64_t sum;	    /* exact, over all samples */
	uint32_t bins[];    /* bin_count entries */
};

_Static_assert(sizeof(struct latency_histogram) == 56, "latency_histogram header layout");
_Static_assert(offsetof(struct latency_histogram, samples) == 16,
	       "latency_histogram.samples offset");
_Static_assert(offsetof(struct latency_histogram, bins) == 56, "latency_histogram.bins offset");

/* Bytes needed for a histogram with bin_count bins. */
#define LATENCY_HISTOGRAM_BYTES(bin_count) \
	(sizeof(struct latency_histogram) + (size_t)(bin_count) * sizeof(uint32_t))

/* The figures every report shows, in the histogram's unit. */
struct latency_summary {
	uint64_t samples;
	uint64_t min;
	uint64_t avg;
	uint64_t p50;
	uint64_t p99;
	uint64_t p999;
	uint64_t max;
	uint64_t overflows;
	/* A percentile whose sample fell beyond the last bin: its value is only a lower bound. */
	bool p50_beyond;
	bool p99_beyond;
	bool p999_beyond;
};

/* Empties h and sets its geometry; bin_width must be > 0. */
void latency_histogram_init(struct latency_histogram *h, uint32_t bin_count, uint64_t bin_width);

void latency_histogram_record(struct latency_histogram *h, uint64_t value);

/*
 * The value below which per_million / 10^6 of the samples lie: the lower edge of the bin holding
 * the sample of that rank, clamped to [min, max]. Sets *beyond when that sample overflowed the
 * bins. 0 for an empty histogram.
 */
uint64_t latency_histogram_percentile(const struct latency_histogram *h, uint32_t per_million,
				      bool *beyond);

/* Samples >= value (overflows count when value <= the range); *exact false when unknowable. */
uint64_t latency_histogram_count_at_least(const struct latency_histogram *h, uint64_t value,
					  bool *exact);

/* Sum of the bins plus the overflows: equals h->samples in a consistent histogram. */
uint64_t latency_histogram_total(const struct latency_histogram *h);

void latency_summary_compute(const struct latency_histogram *h, struct latency_summary *s);

/*
 * The samples recorded between two snapshots of one histogram (earlier, then later), as a
 * histogram of their own in window (same bin_count). Bins, samples, overflows and sum are exact.
 * max is exact when later set a new maximum; otherwise it is the top of the highest bin the window
 * filled (at most later->max), a bound. min is likewise the bottom of its bin (at least
 * later->min). -1 when the two are not snapshots of one histogram (geometry differs or a count
 * went down), 0 otherwise.
 */
int latency_histogram_window(struct latency_histogram *window,
			     const struct latency_histogram *earlier,
			     const struct latency_histogram *later);

#endif /* BENCH_LATENCY_HISTOGRAM_H */
