// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * sbrk for newlib's malloc: the heap is the region heap.ld places right
 * after the image, __libc_heap_start..__libc_heap_end; its size is the
 * linker symbol __libc_heap_size, set per image (docs/libc.md). The break
 * moves up and down inside it and never past either end.
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include "libc_internal.h"

extern char __libc_heap_start[], __libc_heap_end[];

static char *heap_break;

void *sbrk(ptrdiff_t increment)
{
	char *old_break;
	intptr_t room_above, room_below;

	libc_heap_lock();
	if (!heap_break)
		heap_break = __libc_heap_start;
	old_break = heap_break;
	room_above = __libc_heap_end - heap_break;
	room_below = heap_break - __libc_heap_start;
	if (increment > 0 ? increment > room_above : increment < -room_below) {
		libc_heap_unlock();
		errno = ENOMEM;
		return (void *)-1;
	}
	heap_break += increment;
	libc_heap_unlock();
	return old_break;
}
