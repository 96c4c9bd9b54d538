// SPDX-License-Identifier: GPL-2.0-only
/*
 * 10,000 random malloc/free/realloc operations on up to SLOTS live blocks.
 * Every block holds a pattern derived from its own tag, checked before it
 * is freed or reallocated (realloc must keep the common prefix) and at the
 * end; afterwards the bytes in use (mallinfo) must be back at the start.
 */
#include <malloc.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <inmate/inmate.h>
#include "checks.h"

#define OPERATIONS	10000
#define SLOTS		96
#define SMALL_MAX	1024	/* most blocks */
#define LARGE_MAX	8192	/* one in 16 */

struct block {
	unsigned char *data;
	size_t size;
	uint8_t tag;
};

static struct block blocks[SLOTS];
static uint64_t random_state = 0x9e3779b97f4a7c15ull;

/* xorshift64 (Marsaglia 2003): a fixed sequence, so every run is the same. */
static uint64_t next_random(void)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 7;
	random_state ^= random_state << 17;
	return random_state;
}

static size_t random_size(void)
{
	uint64_t r = next_random();

	return (size_t)(r % 16 == 0 ? 1 + (r >> 8) % LARGE_MAX : 1 + (r >> 8) % SMALL_MAX);
}

static unsigned char pattern(uint8_t tag, size_t offset)
{
	return (unsigned char)(tag * 31u + offset * 7u + (offset >> 8));
}

static void fill(struct block *block, size_t from)
{
	size_t i;

	for (i = from; i < block->size; i++)
		block->data[i] = pattern(block->tag, i);
}

static bool intact(const struct block *block, size_t length)
{
	size_t i;

	for (i = 0; i < length; i++)
		if (block->data[i] != pattern(block->tag, i))
			return false;
	return true;
}

/* One operation on slot; false (with a message) when something is wrong. */
static bool operate(struct block *block, unsigned int op)
{
	size_t size = random_size(), old_size;
	unsigned char *moved;

	if (!block->data) {
		block->data = malloc(size);
		block->size = size;
		block->tag = (uint8_t)next_random();
		if (!block->data) {
			printf("malloc: op %u: malloc(%zu) failed\n", op, size);
			return false;
		}
		fill(block, 0);
		return true;
	}
	if (!intact(block, block->size)) {
		printf("malloc: op %u: a %zu-byte block at %p was overwritten\n", op, block->size,
		       block->data);
		return false;
	}
	if (next_random() % 3 == 0) {
		moved = realloc(block->data, size);
		if (!moved) {
			printf("malloc: op %u: realloc to %zu failed\n", op, size);
			return false;
		}
		block->data = moved;
		if (!intact(block, size < block->size ? size : block->size)) {
			printf("malloc: op %u: realloc %zu -> %zu lost content\n", op, block->size, size);
			return false;
		}
		old_size = block->size;
		block->size = size;
		if (size > old_size)
			fill(block, old_size);
		return true;
	}
	free(block->data);
	block->data = NULL;
	return true;
}

void check_malloc(void)
{
	size_t in_use_before = mallinfo().uordblks, in_use_after, arena;
	unsigned int op, i;
	bool ok = true;

	test_step("malloc");
	for (op = 0; ok && op < OPERATIONS; op++)
		ok = operate(&blocks[next_random() % SLOTS], op);
	for (i = 0; i < SLOTS; i++) {
		if (blocks[i].data && !intact(&blocks[i], blocks[i].size))
			ok = false;
		free(blocks[i].data);
		blocks[i].data = NULL;
	}
	in_use_after = mallinfo().uordblks;
	arena = mallinfo().arena;
	printf("malloc: %u operations, content %s; in use %zu bytes before, %zu after; "
	       "heap grew to %zu bytes\n", op, ok ? "intact" : "DAMAGED", in_use_before,
	       in_use_after, arena);
	TEST_CHECK("malloc-random-ops", ok && op == OPERATIONS, "failed at operation %u", op);
	TEST_CHECK("malloc-heap-back-to-start", in_use_after == in_use_before,
		   "%zu bytes in use before, %zu after", in_use_before, in_use_after);
}
