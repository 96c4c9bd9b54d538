// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A bump allocator over a static arena; allocation is lock-free (CAS). */
#include <inmate/inmate.h>

static uint8_t arena[HEAP_SIZE] __attribute__((aligned(64)));
static size_t used;

void *heap_alloc_aligned(size_t size, size_t align)
{
	uintptr_t base = (uintptr_t)arena;
	size_t start, end, old;

	if (align == 0 || (align & (align - 1)) || align > 4096)
		return NULL;
	old = __atomic_load_n(&used, __ATOMIC_RELAXED);
	do {
		start = ((base + old + align - 1) & ~(uintptr_t)(align - 1)) - base;
		end = start + size;
		if (end > HEAP_SIZE || end < start)
			return NULL;
	} while (!__atomic_compare_exchange_n(&used, &old, end, false, __ATOMIC_ACQ_REL,
					      __ATOMIC_RELAXED));
	memset(arena + start, 0, size);
	return arena + start;
}

void *heap_alloc(size_t size)
{
	return heap_alloc_aligned(size, 16);
}

size_t heap_bytes_free(void)
{
	return HEAP_SIZE - __atomic_load_n(&used, __ATOMIC_RELAXED);
}
