/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor console: printk formats into the UART of the system config
 * and into the ring buffer that root Linux reads.
 */
#ifndef WARDEN_HV_PRINTK_H
#define WARDEN_HV_PRINTK_H

#include <hv/types.h>
#include <warden/hypervisor_image.h>

/* The ring root Linux reads: whole pages, mapped read-only into the root cell. */
#define CONSOLE_RING_PAGES	4

void console_init(struct warden_console_ring *ring, u32 ring_bytes);
void console_putc(char c);
u64 console_head(void);
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Formats into buf (always NUL-terminated); returns the length. */
int format_string(char *buf, size_t size, const char *fmt, __builtin_va_list ap);
int snprintk(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* WARDEN_HV_PRINTK_H */
