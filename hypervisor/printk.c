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

static void console_write(char c)
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

static void console_lock(void)
{
	while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))
		arch_cpu_relax();
}

static void console_unlock(void)
{
	__atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
}

/* One character, e.g. from the debug-console hypercall: never inside a printk line. */
void console_putc(char c)
{
	console_lock();
	console_write(c);
	console_unlock();
}

void printk(const char *fmt, ...)
{
	__builtin_va_list ap;
	char buf[256];
	const char *c;

	__builtin_va_start(ap, fmt);
	format_string(buf, sizeof(buf), fmt, ap);
	__builtin_va_end(ap);

	console_lock();
	for (c = buf; *c; c++)
		console_write(*c);
	console_unlock();
}
