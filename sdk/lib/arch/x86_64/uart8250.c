// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * 8250/16550 UART output (TI PC16550D datasheet, table 2): port I/O or
 * MMIO, registers 1 or 4 bytes apart. Polled, 8N1, FIFOs on where the SDK
 * programs the UART. The console (console.c) never waits here: it asks
 * whether the transmitter is empty and then writes what it takes.
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include "../../sdk_internal.h"

#define UART_THR	0	/* transmit holding */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define FCR_ENABLE	0x07	/* enable and clear both FIFOs */
#define MCR_DTR_RTS	0x03
#define LSR_THRE	0x20	/* transmit holding register empty */
#define FIFO_DEPTH	16	/* 16550: with FIFOs on, THRE means all 16 free */

static struct {
	uint64_t base;
	bool mmio;
	unsigned int stride;
	bool fifo;		/* we turned the FIFOs on */
} uart;

static void uart_write(unsigned int reg, uint8_t value)
{
	uint64_t address = uart.base + reg * uart.stride;

	if (!uart.mmio)
		outb((uint16_t)address, value);
	else if (uart.stride == 4)
		mmio_write32(address, value);
	else
		mmio_write8(address, value);
}

static uint8_t uart_read(unsigned int reg)
{
	uint64_t address = uart.base + reg * uart.stride;

	if (!uart.mmio)
		return inb((uint16_t)address);
	if (uart.stride == 4)
		return (uint8_t)mmio_read32(address);
	return mmio_read8(address);
}

void uart8250_init(uint64_t base, bool mmio, bool regdist4, uint32_t divider)
{
	uart.base = base;
	uart.mmio = mmio;
	uart.stride = regdist4 ? 4 : 1;
	uart.fifo = false;
	if (!divider)
		return;		/* already set up by whoever owns the clock */
	uart_write(UART_IER, 0);
	uart_write(UART_LCR, LCR_DLAB);
	uart_write(UART_DLL, (uint8_t)divider);
	uart_write(UART_DLM, (uint8_t)(divider >> 8));
	uart_write(UART_LCR, LCR_8N1);
	uart_write(UART_FCR, FCR_ENABLE);
	uart_write(UART_MCR, MCR_DTR_RTS);
	uart.fifo = true;
}

bool uart_tx_empty(void)
{
	return uart_read(UART_LSR) & LSR_THRE;
}

/* Bytes that may be written once the transmitter is empty: a FIFO's worth
 * where we know the FIFOs are on, else the holding register's one. */
unsigned int uart_tx_room(void)
{
	return uart.fifo ? FIFO_DEPTH : 1;
}

void uart_tx(char c)
{
	uart_write(UART_THR, (uint8_t)c);
}
