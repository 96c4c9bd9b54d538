// SPDX-License-Identifier: GPL-2.0-only
/* The seqlock-protected live report of irqlat; see irqlat_shared.h. */
#include "irqlat_shared.h"

void irqlat_shared_init(struct irqlat_shared *s, uint32_t bin_count, uint64_t bin_width)
{
	unsigned int i;

	s->magic = IRQLAT_SHARED_MAGIC;
	s->version = IRQLAT_SHARED_VERSION;
	s->sequence = 0;
	s->state = IRQLAT_STATE_SETUP;
	s->timer_mode = 0;
	s->total_bytes = (uint32_t)IRQLAT_SHARED_BYTES(bin_count);
	s->tsc_khz = 0;
	s->period_ns = 0;
	s->target_samples = 0;
	s->warmup_samples = 0;
	s->overruns = 0;
	for (i = 0; i < sizeof(s->reserved) / sizeof(s->reserved[0]); i++)
		s->reserved[i] = 0;
	latency_histogram_init(irqlat_shared_histogram(s), bin_count, bin_width);
}

void irqlat_shared_write_begin(struct irqlat_shared *s)
{
	__atomic_store_n(&s->sequence, s->sequence + 1, __ATOMIC_RELAXED);
	/* The odd sequence must be visible before any of the data stores that follow. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

void irqlat_shared_write_end(struct irqlat_shared *s)
{
	/* Every data store must be visible before the even sequence. */
	__atomic_store_n(&s->sequence, s->sequence + 1, __ATOMIC_RELEASE);
}

void irqlat_shared_record(struct irqlat_shared *s, uint64_t latency_ns, bool overran)
{
	irqlat_shared_write_begin(s);
	latency_histogram_record(irqlat_shared_histogram(s), latency_ns);
	s->overruns += overran;
	irqlat_shared_write_end(s);
}

static void copy_bytes(void *dest, const void *src, size_t n)
{
	const volatile unsigned char *from = src;
	unsigned char *to = dest;

	/* Byte copy through volatile: the source changes under us; and no memcpy needed. */
	while (n--)
		*to++ = *from++;
}

static enum irqlat_snapshot_result check_layout(const struct irqlat_shared *s, size_t dest_size)
{
	const struct latency_histogram *h;

	if (s->magic != IRQLAT_SHARED_MAGIC || s->version != IRQLAT_SHARED_VERSION)
		return IRQLAT_SNAPSHOT_BAD_MAGIC;
	if (s->total_bytes < IRQLAT_SHARED_BYTES(0) || s->total_bytes > dest_size)
		return IRQLAT_SNAPSHOT_BAD_SIZE;
	h = (const struct latency_histogram *)((const char *)s + IRQLAT_SHARED_HISTOGRAM_OFFSET);
	if (IRQLAT_SHARED_BYTES(h->bin_count) != s->total_bytes)
		return IRQLAT_SNAPSHOT_BAD_SIZE;
	return IRQLAT_SNAPSHOT_OK;
}

enum irqlat_snapshot_result irqlat_shared_snapshot(const void *region, void *dest, size_t dest_size,
						   unsigned int attempts)
{
	const struct irqlat_shared *s = region;
	struct irqlat_shared *copy = dest;
	enum irqlat_snapshot_result result;
	uint32_t before, after;

	if (dest_size < IRQLAT_SHARED_BYTES(0))
		return IRQLAT_SNAPSHOT_BAD_SIZE;
	while (attempts--) {
		before = __atomic_load_n(&s->sequence, __ATOMIC_ACQUIRE);
		if (before & 1)
			continue;
		copy_bytes(copy, s, IRQLAT_SHARED_BYTES(0));
		result = check_layout(copy, dest_size);
		if (result == IRQLAT_SNAPSHOT_OK)
			copy_bytes(copy, s, copy->total_bytes);
		/* The copy must be complete before the sequence is read again. */
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		after = __atomic_load_n(&s->sequence, __ATOMIC_RELAXED);
		if (before != after)
			continue;
		return result;
	}
	return IRQLAT_SNAPSHOT_BUSY;
}

const char *irqlat_snapshot_result_name(enum irqlat_snapshot_result result)
{
	switch (result) {
	case IRQLAT_SNAPSHOT_OK: return "ok";
	case IRQLAT_SNAPSHOT_BAD_MAGIC:
		return "no irqlat report of version 1 in the region (magic or version differ)";
	case IRQLAT_SNAPSHOT_BAD_SIZE:
		return "report size inconsistent with its histogram, or larger than the reader's buffer";
	case IRQLAT_SNAPSHOT_BUSY: return "writer busy during every attempt";
	}
	return "unknown snapshot result";
}
