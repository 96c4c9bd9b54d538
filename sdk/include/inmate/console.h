/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The console: an 8250 UART (port I/O or MMIO, 1- or 4-byte register
 * stride) and/or the hypervisor's debug-putc hypercall. Chosen from the
 * comm region's console description, changed by Jailhouse's con-* keys,
 * overridden by the command line (docs/sdk.md):
 *   console=none | console=hypercall | console=8250-pio:0x2f8
 *   console=8250-mmio:0xfe000000 [console-regdist=4]
 */
#ifndef INMATE_CONSOLE_H
#define INMATE_CONSOLE_H

#include <stddef.h>

/*
 * Write characters ("\n" becomes "\r\n"), atomic against other CPUs.
 * UART output never waits for the UART: it goes into a 4 KiB ring, and
 * printk, console_write and the SDK's idle paths (sleep_until_ns,
 * periodic_wait, cpu_wait_for_interrupt) hand the UART as much as it takes
 * at that moment. When the ring is full, characters are dropped and
 * counted. The hypercall console is written at once.
 */
void console_write(const char *text, size_t length);
void console_putc(char c);

/* Move what the UART takes now to it; never waits (idle loops call it). */
void console_poll(void);
/* Wait until everything written has gone to the UART (inmate_exit does). */
void console_flush(void);
/* Characters dropped because the ring was full. */
unsigned long console_dropped(void);

/* Human-readable name of the active console, e.g. "8250-pio:0x3f8". */
const char *console_name(void);

#endif /* INMATE_CONSOLE_H */
