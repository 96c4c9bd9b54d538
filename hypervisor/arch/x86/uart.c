// SPDX-License-Identifier: GPL-2.0-only
/* The hypervisor's console UART: an 8250/16550 at a port or MMIO address. */
#include <arch/processor.h>
#include <hv/arch.h>
#include <warden/config.h>

#define UART_TX		0	/* transmit holding register; DLL with DLAB */
#define UART_DLM	1
#define UART_LCR	3
#define UART_LSR	5
#define LCR_DLAB	0x80
#define LCR_8N1		0x03
#define LSR_THRE	0x20

static struct warden_console console;

static void uart_write(unsigned int reg, u8 value)
{
	unsigned int shift = console.flags & WARDEN_CONSOLE_REG_SHIFT_2 ? 2 : 0;
	unsigned long address = (unsigned long)console.address + (reg << shift);

	if (console.type == WARDEN_CONSOLE_8250_PIO)
		outb((u16)(console.address + reg), value);
	else if (console.flags & WARDEN_CONSOLE_ACCESS_MMIO32)
		*(volatile u32 *)address = value;
	else
		*(volatile u8 *)address = value;
}

static u8 uart_read(unsigned int reg)
{
	unsigned int shift = console.flags & WARDEN_CONSOLE_REG_SHIFT_2 ? 2 : 0;
	unsigned long address = (unsigned long)console.address + (reg << shift);

	if (console.type == WARDEN_CONSOLE_8250_PIO)
		return inb((u16)(console.address + reg));
	if (console.flags & WARDEN_CONSOLE_ACCESS_MMIO32)
		return (u8)*(volatile u32 *)address;
	return *(volatile u8 *)address;
}

void arch_console_init(const void *console_config)
{
	console = *(const struct warden_console *)console_config;
	if (console.type == WARDEN_CONSOLE_NONE || !console.divisor)
		return;
	uart_write(UART_LCR, LCR_DLAB);
	uart_write(UART_TX, (u8)console.divisor);
	uart_write(UART_DLM, (u8)(console.divisor >> 8));
	uart_write(UART_LCR, LCR_8N1);
}

void arch_console_write(char c)
{
	unsigned int spins = 100000;

	if (console.type == WARDEN_CONSOLE_NONE)
		return;
	while (!(uart_read(UART_LSR) & LSR_THRE) && --spins)
		cpu_relax();
	uart_write(UART_TX, (u8)c);
}
