// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The PL011 UART, polled (ARM DDI 0183: UARTDR 0x00, UARTFR 0x18, UARTLCR_H
 * 0x2c, UARTCR 0x30). Baud rate and format stay as firmware (or QEMU) left
 * them; the console ring (console.c) feeds it through uart_tx*.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

#define UARTDR		0x00
#define UARTFR		0x18
#define UARTLCR_H	0x2c
#define UARTCR		0x30
#define FR_RXFE		(1 << 4)
#define FR_TXFE		(1 << 7)
#define LCR_H_FEN	(1 << 4)
#define CR_UARTEN	(1 << 0)
#define CR_TXE		(1 << 8)
#define FIFO_DEPTH	16

static volatile uint32_t *regs;

static uint32_t reg_read(unsigned int offset)
{
	return regs[offset / 4];
}

void pl011_init(uint64_t base)
{
	regs = (volatile uint32_t *)(uintptr_t)base;
	regs[UARTCR / 4] = reg_read(UARTCR) | CR_UARTEN | CR_TXE;
}

bool uart_tx_empty(void)
{
	return regs && (reg_read(UARTFR) & FR_TXFE);
}

/* After TXFE: the whole FIFO, or the one holding register without FIFO. */
unsigned int uart_tx_room(void)
{
	return (reg_read(UARTLCR_H) & LCR_H_FEN) ? FIFO_DEPTH : 1;
}

void uart_tx(char c)
{
	regs[UARTDR / 4] = (uint8_t)c;
}

/* Console input (newlib's read(0), sdk/lib/libc/arch/arm64): what the
 * receive FIFO holds now. */
size_t pl011_read_nonblocking(char *buffer, size_t length)
{
	size_t count = 0;

	while (regs && count < length && !(reg_read(UARTFR) & FR_RXFE))
		buffer[count++] = (char)reg_read(UARTDR);
	return count;
}
