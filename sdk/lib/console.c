// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The console (chosen by console_choice.c), the lock that keeps lines from
 * several CPUs apart, and printk.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

static bool use_uart, use_hypercall;
static char name[48] = "none";
static unsigned int lock_owner;	/* CPU number + 1, 0: free */

/* Recursion on the same CPU (an exception while printing) goes through
 * instead of deadlocking. */
static unsigned long console_lock(bool *nested)
{
	unsigned long flags = irq_save();
	unsigned int me = smp_this_cpu() + 1, expected;

	*nested = __atomic_load_n(&lock_owner, __ATOMIC_RELAXED) == me;
	if (*nested)
		return flags;
	for (;;) {
		expected = 0;
		if (__atomic_compare_exchange_n(&lock_owner, &expected, me, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return flags;
		cpu_relax();
	}
}

static void console_unlock(unsigned long flags, bool nested)
{
	if (!nested)
		__atomic_store_n(&lock_owner, 0, __ATOMIC_RELEASE);
	irq_restore(flags);
}

static void raw_putc(char c)
{
	if (use_uart)
		uart8250_putc(c);
	if (use_hypercall)
		hypercall_debug_putc(c);
}

static void emit_char(char c, void *context)
{
	(void)context;
	if (c == '\n')
		raw_putc('\r');
	raw_putc(c);
}

void console_write(const char *text, size_t length)
{
	bool nested;
	unsigned long flags = console_lock(&nested);

	while (length--)
		emit_char(*text++, NULL);
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

/* From the comm region and the command line (console_choice.c). */
void console_setup(void)
{
	struct console_choice choice;

	hypercall_detect();
	console_choose(cmdline(), comm_region(), &choice);
	if (choice.uart) {
		uart8250_init(choice.base, choice.mmio, choice.regdist4, choice.divider);
		snprintk(name, sizeof(name), "8250-%s:0x%llx%s", choice.mmio ? "mmio" : "pio",
			 (unsigned long long)choice.base, choice.hypercall ? "+hypercall" : "");
	} else if (choice.hypercall) {
		strlcpy(name, "hypercall", sizeof(name));
	}
	use_uart = choice.uart;
	use_hypercall = choice.hypercall;
	if (choice.problem[0])
		printk("warden-sdk: console: %s; using %s\n", choice.problem, name);
}
