/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* A tiny bump allocator (no free), 64 KiB, safe from several CPUs. */
#ifndef INMATE_HEAP_H
#define INMATE_HEAP_H

#include <stddef.h>

#define HEAP_SIZE (64 * 1024)

void *heap_alloc(size_t size);			/* 16-byte aligned, zeroed */
void *heap_alloc_aligned(size_t size, size_t align);	/* align: power of 2 */
size_t heap_bytes_free(void);

#endif /* INMATE_HEAP_H */
