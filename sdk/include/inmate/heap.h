/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* A tiny bump allocator (no free), safe from several CPUs. Its size is the
 * image's: add_inmate(... HEAP_SIZE bytes), default HEAP_SIZE_DEFAULT. */
#ifndef INMATE_HEAP_H
#define INMATE_HEAP_H

#include <stddef.h>

#define HEAP_SIZE_DEFAULT (64 * 1024)

void *heap_alloc(size_t size);			/* 16-byte aligned, zeroed */
void *heap_alloc_aligned(size_t size, size_t align);	/* align: power of 2 */
size_t heap_bytes_free(void);
size_t heap_size(void);

#endif /* INMATE_HEAP_H */
