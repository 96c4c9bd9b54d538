// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor console: each message goes to the UART of the system config
 * and to the ring that root Linux reads through the driver.
 */
#include <hv/arch.h>
#include <hv/printk.h>

u8 console_ring_pages[CONSOLE_RING_PAGES * 4096]
	__attribute__((section(".bss.page_aligned"), aligned(4096)));

static struct warden_console_ring *ring;
static u32 lock;

void console_init(struct warden_console_ring *console_ring, u32 ring_bytes)
{
	ring = console_ring;
	ring->head = 0;
	ring->size = ring_bytes - (u32)sizeof(*ring);
}

void console_putc(char c)
{
	if (ring) {
		ring->data[ring->head % ring->size] = c;
		__atomic_store_n(&ring->head, ring->head + 1, __ATOMIC_RELEASE);
	}
	if (c == '\n')
		arch_console_write('\r');
	arch_console_write(c);
}

u64 console_head(void)
{
	return ring ? ring->head : 0;
}

void printk(const char *fmt, ...)
{
	__builtin_va_list ap;
	char buf[256];
	const char *c;

	__builtin_va_start(ap, fmt);
	format_string(buf, sizeof(buf), fmt, ap);
	__builtin_va_end(ap);

	while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))
		arch_cpu_relax();
	for (c = buf; *c; c++)
		console_putc(*c);
	__atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
}
