/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host side: reads a histogram in the format of `cyclictest -h -q` (and irqlat's, which adds "#
 * Unit:" and
 * "# Bins:" comment lines) out of a log, into a struct latency_histogram in nanoseconds.
 *
 * cyclictest prints one row per microsecond, "value count" (value = latency truncated to whole µs),
 * then
 * "# Total:" (binned samples, without overflows), "# Min/Avg/Max Latencies:" and "# Histogram
 * Overflows:". The exact sum is not printed, so the parsed histogram's sum is avg * samples.
 */
#ifndef BENCH_HISTOGRAM_PARSE_H
#define BENCH_HISTOGRAM_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "latency_histogram.h"

struct parsed_histogram {
	struct latency_histogram
		*histogram; /* malloc'd, values in ns; free with parsed_histogram_free */
	uint64_t unit_ns;   /* 1000 for cyclictest's µs, 1 for irqlat's ns */
	uint64_t avg_ns;    /* as printed, converted to ns */
};

/*
 * Parses the first histogram in text. origin names the log in error messages. Returns 0, or -1 with
 * a message naming the origin, the line and what is wrong in err.
 */
int histogram_parse(const char *text, const char *origin, struct parsed_histogram *out, char *err,
		    size_t err_size);

void parsed_histogram_free(struct parsed_histogram *p);

#endif /* BENCH_HISTOGRAM_PARSE_H */
