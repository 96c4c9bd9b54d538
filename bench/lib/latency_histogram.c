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

static bool later_of(const struct latency_histogram *earlier, const struct latency_histogram *later)
{
	uint32_t i;

	if (earlier->bin_width != later->bin_width || earlier->bin_count != later->bin_count ||
	    later->samples < earlier->samples || later->overflows < earlier->overflows ||
	    later->sum < earlier->sum)
		return false;
	for (i = 0; i < later->bin_count; i++)
		if (later->bins[i] < earlier->bins[i])
			return false;
	return true;
}

/* The window's min and max from its bins: bin edges, clamped to what later knows exactly. */
static void window_bounds(struct latency_histogram *w, const struct latency_histogram *earlier,
			  const struct latency_histogram *later)
{
	uint64_t lowest = UINT64_MAX, highest = 0;
	uint32_t i;

	for (i = 0; i < w->bin_count; i++) {
		if (!w->bins[i])
			continue;
		if (lowest == UINT64_MAX)
			lowest = (uint64_t)i * w->bin_width;
		highest = ((uint64_t)i + 1) * w->bin_width - 1;
	}
	if (w->overflows) {
		if (lowest == UINT64_MAX)
			lowest = (uint64_t)w->bin_count * w->bin_width;
		highest = later->max;
	}
	if (!w->samples) {
		w->min = UINT64_MAX;
		w->max = 0;
		return;
	}
	w->min = lowest > later->min ? lowest : later->min;
	if (later->min < earlier->min || !earlier->samples)
		w->min = later->min;	/* a new minimum: it is in the window */
	w->max = highest < later->max ? highest : later->max;
	if (later->max > earlier->max || !earlier->samples)
		w->max = later->max;	/* a new maximum: it is in the window */
}

int latency_histogram_window(struct latency_histogram *window,
			     const struct latency_histogram *earlier,
			     const struct latency_histogram *later)
{
	uint32_t i;

	if (!later_of(earlier, later))
		return -1;
	window->bin_width = later->bin_width;
	window->bin_count = later->bin_count;
	window->reserved = 0;
	window->samples = later->samples - earlier->samples;
	window->overflows = later->overflows - earlier->overflows;
	window->sum = later->sum - earlier->sum;
	for (i = 0; i < later->bin_count; i++)
		window->bins[i] = later->bins[i] - earlier->bins[i];
	window_bounds(window, earlier, later);
	return 0;
}
