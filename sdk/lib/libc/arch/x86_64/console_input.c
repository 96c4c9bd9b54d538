// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Console input for read(0): the 8250 UART that the comm region describes
 * (bare on QEMU: COM1), polled. The receive buffer register is at offset 0,
 * the line status register at 5, bit 0 "data ready" (TI PC16550D datasheet,
 * table 2 and 8.6.3). Output goes through the SDK console; this side only
 * reads RBR and LSR, which the output side never touches except LSR's
 * transmit bits.
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include "../../libc_internal.h"

#define UART_RBR	0
#define UART_LSR	5
#define LSR_DATA_READY	0x01

static uint8_t uart_register(const struct warden_comm_console *uart, unsigned int reg)
{
	bool regdist4 = uart->flags & WARDEN_CONSOLE_REGDIST_4;
	uint64_t address = uart->address + reg * (regdist4 ? 4 : 1);

	if (!(uart->flags & WARDEN_CONSOLE_ACCESS_MMIO))
		return inb((uint16_t)address);
	return regdist4 ? (uint8_t)mmio_read32(address) : mmio_read8(address);
}

ssize_t arch_console_read_nonblocking(char *buffer, size_t length)
{
	const struct warden_comm_console *uart = &comm_region()->console;
	size_t count = 0;

	if (uart->type != WARDEN_CONSOLE_TYPE_8250)
		return -1;
	while (count < length && (uart_register(uart, UART_LSR) & LSR_DATA_READY))
		buffer[count++] = (char)uart_register(uart, UART_RBR);
	return (ssize_t)count;
}
