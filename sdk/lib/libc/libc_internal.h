/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Interfaces inside the newlib system-call layer (docs/libc.md; not public). */
#ifndef SDK_LIBC_INTERNAL_H
#define SDK_LIBC_INTERNAL_H

#include <stddef.h>
#include <sys/types.h>

/* The lock around the shared heap (lock.c): recursive per CPU, interrupts
 * off while held. */
void libc_heap_lock(void);
void libc_heap_unlock(void);

/*
 * arch: up to length bytes that the console UART has received, without
 * waiting. Returns the count (0: nothing yet) or -1 when the cell has no
 * UART to read from.
 */
ssize_t arch_console_read_nonblocking(char *buffer, size_t length);

#endif /* SDK_LIBC_INTERNAL_H */
