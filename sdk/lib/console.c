// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The console (chosen by console_choice.c), the lock that keeps lines from
 * several CPUs apart, and printk. UART output goes through a ring that
 * printk and the idle paths (console_poll) drain as far as the UART takes
 * characters without waiting; console_flush() waits for all of it.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

#define RING_SIZE	4096	/* a power of two */

static bool use_uart, use_hypercall;
static char name[48] = "none";
static unsigned int lock_owner;	/* CPU number + 1, 0: free */

/* UART output waits here until the UART takes it: printk never waits for
 * the UART (at 115200 baud a character takes 87 us). */
static struct {
	char text[RING_SIZE];
	unsigned int head, tail;	/* free-running; head - tail = used */
	unsigned long dropped;
} ring;

static bool lock_try(unsigned int me)
{
	unsigned int expected = 0;

	return __atomic_compare_exchange_n(&lock_owner, &expected, me, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

/* Recursion on the same CPU (an exception while printing) goes through
 * instead of deadlocking. */
static unsigned long console_lock(bool *nested)
{
	unsigned long flags = irq_save();
	unsigned int me = smp_this_cpu() + 1;

	*nested = __atomic_load_n(&lock_owner, __ATOMIC_RELAXED) == me;
	if (*nested)
		return flags;
	while (!lock_try(me))
		cpu_relax();
	return flags;
}

static void console_unlock(unsigned long flags, bool nested)
{
	if (!nested)
		__atomic_store_n(&lock_owner, 0, __ATOMIC_RELEASE);
	irq_restore(flags);
}

static void ring_put(char c)
{
	if (ring.head - ring.tail == RING_SIZE) {
		ring.dropped++;
		return;
	}
	ring.text[ring.head++ % RING_SIZE] = c;
}

/* Hand the UART what it takes now, without waiting (console lock held). */
static void drain_ready(void)
{
	unsigned int room;

	while (ring.head != ring.tail && uart_tx_empty()) {
		for (room = uart_tx_room(); room && ring.head != ring.tail; room--)
			uart_tx(ring.text[ring.tail++ % RING_SIZE]);
	}
}

static void raw_putc(char c)
{
	if (use_uart)
		ring_put(c);
	if (use_hypercall)
		hypercall_debug_putc(c);	/* traps anyway: no gain from a ring */
}

static void emit_char(char c, void *context)
{
	(void)context;
	if (c == '\n')
		raw_putc('\r');
	raw_putc(c);
}

void console_poll(void)
{
	unsigned long flags;

	if (ring.head == ring.tail)
		return;
	flags = irq_save();
	if (lock_try(smp_this_cpu() + 1)) {	/* busy: its owner drains */
		drain_ready();
		__atomic_store_n(&lock_owner, 0, __ATOMIC_RELEASE);
	}
	irq_restore(flags);
}

void console_flush(void)
{
	bool nested;
	unsigned long flags = console_lock(&nested);

	while (ring.head != ring.tail) {
		drain_ready();
		cpu_relax();
	}
	console_unlock(flags, nested);
}

unsigned long console_dropped(void)
{
	return __atomic_load_n(&ring.dropped, __ATOMIC_RELAXED);
}

void console_write(const char *text, size_t length)
{
	bool nested;
	unsigned long flags = console_lock(&nested);

	while (length--)
		emit_char(*text++, NULL);
	drain_ready();
	console_unlock(flags, nested);
}

void console_putc(char c)
{
	console_write(&c, 1);
}

const char *console_name(void)
{
	return name;
}

int vprintk(const char *fmt, va_list args)
{
	bool nested;
	unsigned long flags = console_lock(&nested);
	int count = format_output(emit_char, NULL, fmt, args);

	drain_ready();
	console_unlock(flags, nested);
	return count;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int count;

	va_start(args, fmt);
	count = vprintk(fmt, args);
	va_end(args);
	return count;
}

/* The back ends the arch's console setup chose; problem: a bad setting to
 * report ("" if none). */
void console_attach(bool uart, bool hypercall, const char *backend_name, const char *problem)
{
	strlcpy(name, backend_name, sizeof(name));
	use_uart = uart;
	use_hypercall = hypercall;
	if (problem && problem[0])
		printk("warden-sdk: console: %s; using %s\n", problem, name);
}
