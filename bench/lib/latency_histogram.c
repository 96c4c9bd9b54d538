// SPDX-License-Identifier: GPL-2.0-only
/* Latency histogram and its summary figures; see latency_histogram.h. */
#include "latency_histogram.h"

void latency_histogram_init(struct latency_histogram *h, uint32_t bin_count, uint64_t bin_width)
{
	uint32_t i;

	h->bin_width = bin_width ? bin_width : 1;
	h->bin_count = bin_count;
	h->reserved = 0;
	h->samples = 0;
	h->overflows = 0;
	h->min = UINT64_MAX;
	h->max = 0;
	h->sum = 0;
	for (i = 0; i < bin_count; i++)
		h->bins[i] = 0;
}

void latency_histogram_record(struct latency_histogram *h, uint64_t value)
{
	uint64_t bin = value / h->bin_width;

	if (bin < h->bin_count)
		h->bins[bin]++;
	else
		h->overflows++;
	h->samples++;
	h->sum += value;
	if (value < h->min)
		h->min = value;
	if (value > h->max)
		h->max = value;
}

static uint64_t clamp_to_range(const struct latency_histogram *h, uint64_t value)
{
	if (value < h->min)
		return h->min;
	if (value > h->max)
		return h->max;
	return value;
}

uint64_t latency_histogram_percentile(const struct latency_histogram *h, uint32_t per_million,
				      bool *beyond)
{
	uint64_t rank, seen = 0;
	uint32_t i;

	*beyond = false;
	if (!h->samples)
		return 0;
	/* Rank of the sample, 1-based: ceil(samples * per_million / 10^6), at least 1. */
	rank = (h->samples * per_million + 999999) / 1000000;
	if (!rank)
		rank = 1;
	for (i = 0; i < h->bin_count; i++) {
		seen += h->bins[i];
		if (seen >= rank)
			return clamp_to_range(h, (uint64_t)i * h->bin_width);
	}
	*beyond = true;
	return clamp_to_range(h, (uint64_t)h->bin_count * h->bin_width);
}

uint64_t latency_histogram_count_at_least(const struct latency_histogram *h, uint64_t value,
					  bool *exact)
{
	uint64_t range = (uint64_t)h->bin_count * h->bin_width;
	uint64_t first, count = 0;
	uint32_t i;

	*exact = true;
	if (value > range) {
		/* Overflowing samples may lie below or above value. */
		*exact = h->overflows == 0;
		return 0;
	}
	first = (value + h->bin_width - 1) / h->bin_width;
	if (first * h->bin_width != value)
		*exact = false; /* value splits a bin */
	for (i = (uint32_t)first; i < h->bin_count; i++)
		count += h->bins[i];
	return count + h->overflows;
}

uint64_t latency_histogram_total(const struct latency_histogram *h)
{
	uint64_t total = h->overflows;
	uint32_t i;

	for (i = 0; i < h->bin_count; i++)
		total += h->bins[i];
	return total;
}

void latency_summary_compute(const struct latency_histogram *h, struct latency_summary *s)
{
	s->samples = h->samples;
	s->overflows = h->overflows;
	s->min = h->samples ? h->min : 0;
	s->max = h->max;
	s->avg = h->samples ? h->sum / h->samples : 0;
	s->p50 = latency_histogram_percentile(h, 500000, &s->p50_beyond);
	s->p99 = latency_histogram_percentile(h, 990000, &s->p99_beyond);
	s->p999 = latency_histogram_percentile(h, 999000, &s->p999_beyond);
}
