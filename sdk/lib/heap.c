// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* A bump allocator over the arena the linker script reserves (HEAP_SIZE of
 * add_inmate); allocation is lock-free (CAS). */
#include <inmate/inmate.h>

extern uint8_t __sdk_heap_start[], __sdk_heap_end[];
static size_t used;

size_t heap_size(void)
{
	return (size_t)(__sdk_heap_end - __sdk_heap_start);
}

void *heap_alloc_aligned(size_t size, size_t align)
{
	uintptr_t base = (uintptr_t)__sdk_heap_start;
	size_t start, end, old;

	if (align == 0 || (align & (align - 1)) || align > 4096)
		return NULL;
	old = __atomic_load_n(&used, __ATOMIC_RELAXED);
	do {
		start = ((base + old + align - 1) & ~(uintptr_t)(align - 1)) - base;
		end = start + size;
		if (end > heap_size() || end < start)
			return NULL;
	} while (!__atomic_compare_exchange_n(&used, &old, end, false, __ATOMIC_ACQ_REL,
					      __ATOMIC_RELAXED));
	memset(__sdk_heap_start + start, 0, size);
	return __sdk_heap_start + start;
}

void *heap_alloc(size_t size)
{
	return heap_alloc_aligned(size, 16);
}

size_t heap_bytes_free(void)
{
	return heap_size() - __atomic_load_n(&used, __ATOMIC_RELAXED);
}
