// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests: irqlat's shared report region. Layout and refusals, and a reader thread taking
 * snapshots while a writer thread records as fast as it can: every snapshot must be self-consistent
 * (bins + overflows == samples, sum matches the values written), which fails quickly if the
 * sequence counter is not honoured.
 */
#include <pthread.h>
#include <stdlib.h>

#include "check.h"
#include "irqlat_shared.h"

#define BINS   64
#define WRITES 2000000u

static _Alignas(8) unsigned char region[IRQLAT_SHARED_BYTES(BINS)];
static volatile int writer_done;

static void test_layout_and_record(void)
{
	struct irqlat_shared *s = (struct irqlat_shared *)region;
	_Alignas(8) unsigned char copy[sizeof(region)];
	struct latency_histogram *h;

	irqlat_shared_init(s, BINS, 10);
	CHECK_U64(s->magic, IRQLAT_SHARED_MAGIC);
	CHECK_U64(s->total_bytes, sizeof(region));
	CHECK_U64(s->sequence, 0);
	irqlat_shared_record(s, 25, false);
	irqlat_shared_record(s, 9999, true);
	CHECK_U64(s->sequence, 4); /* two updates, even again */
	CHECK_U64(s->overruns, 1);
	CHECK(irqlat_shared_snapshot(region, copy, sizeof(copy), 1) == IRQLAT_SNAPSHOT_OK);
	h = irqlat_shared_histogram((struct irqlat_shared *)copy);
	CHECK_U64(h->samples, 2);
	CHECK_U64(h->bins[2], 1);
	CHECK_U64(h->overflows, 1);
	CHECK_U64(h->max, 9999);
}

static void test_refusals(void)
{
	struct irqlat_shared *s = (struct irqlat_shared *)region;
	_Alignas(8) unsigned char copy[sizeof(region)];

	irqlat_shared_init(s, BINS, 10);
	CHECK(irqlat_shared_snapshot(region, copy, sizeof(copy) - 4, 3) ==
	      IRQLAT_SNAPSHOT_BAD_SIZE);
	irqlat_shared_write_begin(
		s); /* a writer stuck mid-update: the reader gives up, never returns data */
	CHECK(irqlat_shared_snapshot(region, copy, sizeof(copy), 5) == IRQLAT_SNAPSHOT_BUSY);
	irqlat_shared_write_end(s);
	CHECK(irqlat_shared_snapshot(region, copy, sizeof(copy), 1) == IRQLAT_SNAPSHOT_OK);
	s->total_bytes += 4; /* disagrees with the histogram's bin count */
	CHECK(irqlat_shared_snapshot(region, copy, sizeof(copy) + 0, 1) ==
	      IRQLAT_SNAPSHOT_BAD_SIZE);
	s->total_bytes -= 4;
	s->magic = 0;
	CHECK(irqlat_shared_snapshot(region, copy, sizeof(copy), 1) == IRQLAT_SNAPSHOT_BAD_MAGIC);
	CHECK(strstr(irqlat_snapshot_result_name(IRQLAT_SNAPSHOT_BAD_MAGIC), "magic") != NULL);
}

static void *writer(void *arg)
{
	struct irqlat_shared *s = arg;
	unsigned int i;

	/* Value i % 1000: every sample lands in a bin or overflows, and the sum is predictable. */
	for (i = 0; i < WRITES; i++)
		irqlat_shared_record(s, i % 1000, i % 7 == 0);
	writer_done = 1;
	return NULL;
}

static uint64_t expected_sum(uint64_t samples)
{
	uint64_t full = samples / 1000, rest = samples % 1000;

	return full * (999 * 1000 / 2) + rest * (rest - 1) / 2;
}

static void test_concurrent_reader(void)
{
	struct irqlat_shared *s = (struct irqlat_shared *)region;
	_Alignas(8) unsigned char copy[sizeof(region)];
	unsigned int snapshots = 0, torn = 0;
	pthread_t thread;

	irqlat_shared_init(s, BINS, 10); /* range [0, 640): values 640..999 overflow */
	pthread_create(&thread, NULL, writer, s);
	while (!writer_done) {
		struct latency_histogram *h;

		if (irqlat_shared_snapshot(region, copy, sizeof(copy), 1000) != IRQLAT_SNAPSHOT_OK)
			continue;
		h = irqlat_shared_histogram((struct irqlat_shared *)copy);
		snapshots++;
		if (latency_histogram_total(h) != h->samples || h->sum != expected_sum(h->samples))
			torn++;
	}
	pthread_join(thread, NULL);
	CHECK(snapshots > 0);
	CHECK_U64(torn, 0);
	CHECK_U64(irqlat_shared_histogram(s)->samples, WRITES);
	printf("concurrent reader: %u consistent snapshots while %u samples were written\n",
	       snapshots, WRITES);
}

int main(void)
{
	test_layout_and_record();
	test_refusals();
	test_concurrent_reader();
	return check_report("test_irqlat_shared");
}
