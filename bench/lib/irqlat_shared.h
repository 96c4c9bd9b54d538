/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The live report of irqlat, laid out for memory shared with another cell: root Linux (or any
 * reader) can copy a consistent snapshot while the measurement runs, without stopping it and
 * without locks the writer could wait on.
 *
 * Layout: struct irqlat_shared, then at offset IRQLAT_SHARED_HISTOGRAM_OFFSET a struct
 * latency_histogram with its bins; total_bytes covers both. Explicit widths, no pointers,
 * little-endian (x86).
 *
 * Consistency is a sequence counter (seqlock): the writer makes `sequence` odd, updates, makes it
 * even again. A reader copies the region between two reads of an equal, even `sequence`, and
 * retries otherwise. The writer never waits, so the measurement is never delayed by a reader.
 */
#ifndef BENCH_IRQLAT_SHARED_H
#define BENCH_IRQLAT_SHARED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "latency_histogram.h"

#define IRQLAT_SHARED_MAGIC   0x544c5149u /* "IQLT" in memory */
#define IRQLAT_SHARED_VERSION 1u

enum irqlat_state {
	IRQLAT_STATE_SETUP = 0,
	IRQLAT_STATE_WARMUP = 1,
	IRQLAT_STATE_MEASURING = 2,
	IRQLAT_STATE_DONE = 3,
	IRQLAT_STATE_FAILED = 4,
};

enum irqlat_timer_mode {
	IRQLAT_TIMER_TSC_DEADLINE = 1, /* IA32_TSC_DEADLINE armed with the deadline itself */
	IRQLAT_TIMER_ONESHOT =
		2, /* one-shot APIC timer armed with (deadline - now) in timer ticks */
};

struct irqlat_shared {
	uint32_t magic;
	uint32_t version;
	uint32_t sequence;    /* odd while the writer updates */
	uint32_t state;	      /* enum irqlat_state */
	uint32_t timer_mode;  /* enum irqlat_timer_mode */
	uint32_t total_bytes; /* header + histogram + bins */
	uint64_t tsc_khz;     /* TSC ticks per millisecond, for readers converting raw figures */
	uint64_t period_ns;
	uint64_t target_samples; /* samples to take after the warm-up */
	uint64_t warmup_samples; /* samples taken first and discarded */
	uint64_t overruns;	 /* samples with latency >= period: the next deadline had passed */
	uint64_t reserved[2];
};

#define IRQLAT_SHARED_HISTOGRAM_OFFSET 80

_Static_assert(sizeof(struct irqlat_shared) == IRQLAT_SHARED_HISTOGRAM_OFFSET,
	       "irqlat_shared header size");
_Static_assert(offsetof(struct irqlat_shared, sequence) == 8, "irqlat_shared.sequence offset");
_Static_assert(offsetof(struct irqlat_shared, tsc_khz) == 24, "irqlat_shared.tsc_khz offset");
_Static_assert(offsetof(struct irqlat_shared, overruns) == 56, "irqlat_shared.overruns offset");

#define IRQLAT_SHARED_BYTES(bin_count) \
	(IRQLAT_SHARED_HISTOGRAM_OFFSET + LATENCY_HISTOGRAM_BYTES(bin_count))

enum irqlat_snapshot_result {
	IRQLAT_SNAPSHOT_OK = 0,
	IRQLAT_SNAPSHOT_BAD_MAGIC, /* no irqlat report (or another version) in the region */
	IRQLAT_SNAPSHOT_BAD_SIZE, /* total_bytes disagrees with the histogram, or exceeds the buffer
				   */
	IRQLAT_SNAPSHOT_BUSY,	  /* the writer kept updating during every attempt */
};

static inline struct latency_histogram *irqlat_shared_histogram(struct irqlat_shared *s)
{
	return (struct latency_histogram *)((char *)s + IRQLAT_SHARED_HISTOGRAM_OFFSET);
}

/* Writer: lays out an empty report with bin_count bins of bin_width ns in the region at s. */
void irqlat_shared_init(struct irqlat_shared *s, uint32_t bin_count, uint64_t bin_width);

/* Writer: brackets every update of the region. */
void irqlat_shared_write_begin(struct irqlat_shared *s);
void irqlat_shared_write_end(struct irqlat_shared *s);

/* Writer: one sample as one update; overran: its latency was at least one period. */
void irqlat_shared_record(struct irqlat_shared *s, uint64_t latency_ns, bool overran);

/*
 * Reader: copies a consistent snapshot of the region at `region` into dest (dest_size bytes),
 * trying at most `attempts` times.
 */
enum irqlat_snapshot_result irqlat_shared_snapshot(const void *region, void *dest, size_t dest_size,
						   unsigned int attempts);

const char *irqlat_snapshot_result_name(enum irqlat_snapshot_result result);

#endif /* BENCH_IRQLAT_SHARED_H */
