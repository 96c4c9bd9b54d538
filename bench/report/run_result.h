/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One measured run, read back from its log: irqlat's UART log (JSON summary + histogram) or the
 * output of cyclictest -h -q. Loading checks that every figure is present and consistent;
 * run_result_check adds what a comparison expects (sample count, ordering of the percentiles).
 */
#ifndef BENCH_RUN_RESULT_H
#define BENCH_RUN_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../lib/histogram_parse.h"
#include "../lib/latency_histogram.h"

enum run_kind { RUN_IRQLAT, RUN_CYCLICTEST };

struct run_result {
	char origin[512];
	enum run_kind kind;
	struct parsed_histogram parsed;
	struct latency_summary summary; /* in ns */
	uint64_t overruns;
	bool overruns_exact; /* false: cyclictest's histogram could not tell */
};

/* "irqlat" or "cyclictest"; -1 for anything else. */
int run_kind_parse(const char *name);

/* Reads the log at path; period_ns defines an overrun for cyclictest (latency >= period). */
int run_result_load(const char *path, enum run_kind kind, uint64_t period_ns, struct run_result *r,
		    char *err, size_t err_size);

/*
 * Sanity of the figures: samples == expect_samples (unless 0), the histogram sums to it,
 * min <= p50 <= p99 <= p99.9 <= max, min <= avg <= max.
 */
int run_result_check(const struct run_result *r, uint64_t expect_samples, char *err,
		     size_t err_size);

void run_result_free(struct run_result *r);

#endif /* BENCH_RUN_RESULT_H */
