/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The console: an 8250 UART (port I/O or MMIO, 1- or 4-byte register
 * stride) or the hypervisor's debug-putc hypercall. Chosen from the comm
 * region's console description, overridden by the command line:
 *   console=none | console=hypercall | console=8250-pio:0x2f8
 *   console=8250-mmio:0xfe000000 [console-regdist=4]
 */
#ifndef INMATE_CONSOLE_H
#define INMATE_CONSOLE_H

#include <stddef.h>

/* Write characters ("\n" becomes "\r\n"), atomic against other CPUs. */
void console_write(const char *text, size_t length);
void console_putc(char c);

/* Human-readable name of the active console, e.g. "8250-pio:0x3f8". */
const char *console_name(void);

#endif /* INMATE_CONSOLE_H */
