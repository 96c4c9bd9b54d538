// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Console selection (comm region description, command line override),
 * the lock that keeps lines from several CPUs apart, and printk.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

enum console_kind { CONSOLE_NONE, CONSOLE_UART, CONSOLE_HYPERCALL };

static enum console_kind kind;
static char name[40] = "none";
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
	if (kind == CONSOLE_UART)
		uart8250_putc(c);
	else if (kind == CONSOLE_HYPERCALL)
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

static void use_uart(uint64_t base, bool mmio, bool regdist4, uint32_t divider)
{
	uart8250_init(base, mmio, regdist4, divider);
	kind = CONSOLE_UART;
	snprintk(name, sizeof(name), "8250-%s:0x%llx", mmio ? "mmio" : "pio",
		 (unsigned long long)base);
}

/* console=none|hypercall|8250-pio:BASE|8250-mmio:BASE (console.h) */
static bool setup_from_cmdline(const char *value)
{
	int64_t base;
	bool mmio;

	if (strcmp(value, "none") == 0) {
		kind = CONSOLE_NONE;
		return true;
	}
	if (strcmp(value, "hypercall") == 0) {
		kind = CONSOLE_HYPERCALL;
		strlcpy(name, "hypercall", sizeof(name));
		return true;
	}
	mmio = strncmp(value, "8250-mmio:", 10) == 0;
	if (!mmio && strncmp(value, "8250-pio:", 9) != 0)
		return false;
	if (cmdline_parse_number(mmio ? value + 10 : value + 9, &base) != 0 || base <= 0)
		return false;
	use_uart((uint64_t)base, mmio, cmdline_get_int("console-regdist", 1) == 4, 0);
	return true;
}

void console_setup(void)
{
	const struct warden_comm_console *desc = &comm_region()->console;
	uint32_t flags = comm_region()->flags;
	char value[40];

	hypercall_detect();
	if (desc->type == WARDEN_CONSOLE_TYPE_8250)
		use_uart(desc->address, desc->flags & WARDEN_CONSOLE_ACCESS_MMIO,
			 desc->flags & WARDEN_CONSOLE_REGDIST_4, desc->divider);
	else if (flags & WARDEN_COMM_FLAG_DBG_PUTC_ACTIVE) {
		kind = CONSOLE_HYPERCALL;
		strlcpy(name, "hypercall", sizeof(name));
	}
	if (cmdline_get_string("console", value, sizeof(value)) && !setup_from_cmdline(value))
		printk("warden-sdk: console=%s: expected none, hypercall, 8250-pio:BASE or "
		       "8250-mmio:BASE; keeping %s\n", value, name);
}
