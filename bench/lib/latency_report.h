/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The machine-readable reports of a latency measurement, written one line at a time through a sink:
 *  - a JSON line with the summary figures ({"type":"summary",...});
 *  - the histogram in the format of `cyclictest -h` (rows "value count", then "# Total:", "# Min
 * Latencies:", ...), so that tools written for cyclictest read it, with two extra comment lines
 * giving unit and bin width. Values are in nanoseconds. Shared by irqlat and the host tool; no C
 * library needed.
 */
#ifndef BENCH_LATENCY_REPORT_H
#define BENCH_LATENCY_REPORT_H

#include <stdint.h>

#include "latency_histogram.h"

struct report_sink {
	void (*emit)(void *context, const char *line); /* line without its newline */
	void *context;
};

/*
 * {"type":"summary","source":SOURCE,"unit":"ns","samples":N,"min":N,"avg":N,"p50":N,"p99":N,
 *  "p999":N,"max":N,"overruns":N,"overflows":N,"beyond":"p50 p99 p999" (those beyond the bins)}
 */
void report_json_summary(const struct report_sink *sink, const char *source,
			 const struct latency_summary *s, uint64_t overruns);

/*
 * The cyclictest -h histogram of h: rows from 0 up to one past the last non-empty bin (the rows
 * after it would all be zero), each "value count" with the bin's lower edge in ns, then
 * cyclictest's summary lines.
 */
void report_cyclictest_histogram(const struct report_sink *sink, const struct latency_histogram *h);

#endif /* BENCH_LATENCY_REPORT_H */
