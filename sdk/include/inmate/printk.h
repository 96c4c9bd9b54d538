/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Formatted output. Conversions: d i u x X o p s c %, flags - 0 + space #,
 * width and precision (number or *), length modifiers hh h l ll z t j.
 * No floating point: print scaled integers instead.
 */
#ifndef INMATE_PRINTK_H
#define INMATE_PRINTK_H

#include <stdarg.h>
#include <stddef.h>

#define PRINTK_FORMAT(fmt_arg, first) __attribute__((format(printf, fmt_arg, first)))

/* Print on the console; the whole call is atomic against other CPUs. */
int printk(const char *fmt, ...) PRINTK_FORMAT(1, 2);
int vprintk(const char *fmt, va_list args);

/* Format into buf (always NUL-terminated if size > 0); returns the length
 * the full output would have, like snprintf. */
int snprintk(char *buf, size_t size, const char *fmt, ...) PRINTK_FORMAT(3, 4);
int vsnprintk(char *buf, size_t size, const char *fmt, va_list args);

/* The formatting engine: every output character goes to emit(c, context).
 * Returns the number of characters emitted. */
typedef void (*format_emit_t)(char c, void *context);
int format_output(format_emit_t emit, void *context, const char *fmt, va_list args);

#endif /* INMATE_PRINTK_H */
