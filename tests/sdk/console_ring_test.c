// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the console's output ring (sdk/lib/console.c) against a
 * modelled slow UART: a 16550 with FIFOs at 115200 baud (10 bits per
 * character) on a 2 GHz TSC, whose LSR.THRE is set only once the FIFO has
 * sent everything, and whose register accesses cost IO_CYCLES each (a port
 * access: roughly a microsecond on a PC, or a VM exit). Time is simulated
 * in TSC cycles and advances only through the UART's registers, so the
 * figures count what printk waits for, not the host's speed.
 *
 * Checked: printk of a 50-character line costs a bounded number of cycles
 * (the UART's time is not spent in printk); in normal use (a 1 kHz loop
 * printing a line every 100 ms and polling when idle) nothing is lost and
 * the UART sends the text in order; an overflow drops and counts what does
 * not fit, and console_flush() delivers the rest. Printed: the cycles of
 * printk before (printk waited for the UART) and after (the ring).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <inmate/inmate.h>
#include "../../sdk/lib/sdk_internal.h"

#define TSC_HZ		2000000000ull
#define CHAR_CYCLES	(TSC_HZ * 10 / 115200)		/* 173611 */
#define IO_CYCLES	1000ull
#define FIFO		16

static uint64_t now;		/* simulated TSC */
static uint64_t fifo_free_at;	/* when the FIFO will have sent everything */
static unsigned int fifo_used;
static char sent[65536];
static size_t sent_length;
static int failures, cases;

void console_setup(void);	/* sdk/lib/arch/x86_64/arch_internal.h */

/* from the SDK's string.c, which would clash with the host's C library here */
size_t strlcpy(char *to, const char *from, size_t size)
{
	size_t length = strlen(from);

	if (size) {
		size_t n = length < size - 1 ? length : size - 1;

		memcpy(to, from, n);
		to[n] = '\0';
	}
	return length;
}

/* --- the modelled UART and the rest of the SDK console.c needs --- */
void uart8250_init(uint64_t base, bool mmio, bool regdist4, uint32_t divider)
{
}

bool uart_tx_empty(void)
{
	now += IO_CYCLES;
	if (fifo_used && now >= fifo_free_at)
		fifo_used = 0;
	return fifo_used == 0;
}

unsigned int uart_tx_room(void)
{
	return FIFO;
}

void uart_tx(char c)
{
	now += IO_CYCLES;
	if (fifo_used == 0)
		fifo_free_at = now;
	if (fifo_used++ == FIFO)
		printf("FAIL: the FIFO overflowed\n"), failures++;
	fifo_free_at += CHAR_CYCLES;
	sent[sent_length++ % sizeof(sent)] = c;
}

void hypercall_detect(void)
{
}

bool hypercall_debug_putc(char c)
{
	return false;
}

unsigned long irq_save(void)
{
	return 0;
}

void irq_restore(unsigned long state)
{
}

unsigned int smp_this_cpu(void)
{
	return 0;
}

void cpu_relax(void)
{
	now += 10;
}

const char *cmdline(void)
{
	return "";
}

static struct warden_comm_region comm = {
	.console = { .address = 0x3f8, .type = WARDEN_CONSOLE_TYPE_8250, .divider = 1 },
};

struct warden_comm_region *comm_region(void)
{
	return &comm;
}

static void expect(int ok, const char *what, unsigned long long got, unsigned long long want)
{
	cases++;
	if (!ok) {
		failures++;
		printf("FAIL %s: got %llu, want %llu\n", what, got, want);
	}
}

static const char line[] = "cycle 1200: y=998 setpoint=1000 u=500 late 188 ns";	/* 49 + \n */

static uint64_t printk_cycles(void)
{
	uint64_t start = now;

	printk("%s\n", line);
	return now - start;
}

static void check_bounded_and_figures(void)
{
	uint64_t ring, blocking, start;

	ring = printk_cycles();			/* the UART is idle: a FIFO's worth goes out */
	now += 100 * CHAR_CYCLES;		/* ... and it is idle again */
	console_flush();
	now += 100 * CHAR_CYCLES;
	start = now;
	printk("%s\n", line);
	console_flush();			/* what printk did before: wait for every character */
	blocking = now - start;
	printf("printk of a %zu-character line, 115200-baud UART, 2 GHz TSC, %llu cycles per UART "
	       "access:\n  with the ring: %llu cycles; waiting for the UART (before): %llu cycles\n",
	       sizeof(line), IO_CYCLES, (unsigned long long)ring, (unsigned long long)blocking);
	/* at most: a THRE read, a FIFO's worth of writes, one more THRE read */
	expect(ring <= (FIFO + 2) * IO_CYCLES, "printk cycles with the ring", ring,
	       (FIFO + 2) * IO_CYCLES);
}

/* A 1 kHz loop that prints a line every 100th period and polls when idle. */
static void check_normal_use(void)
{
	char expected[4096];
	size_t length = 0, start = sent_length;
	uint64_t period = TSC_HZ / 1000, worst = 0, cost;
	unsigned int cycle;

	for (cycle = 0; cycle < 1000; cycle++) {
		if (cycle % 100 == 0) {
			cost = printk_cycles();
			worst = cost > worst ? cost : worst;
			length += (size_t)snprintf(expected + length, sizeof(expected) - length,
						   "%s\r\n", line);
		}
		now += period;		/* the loop sleeps until its next period */
		console_poll();
	}
	console_flush();
	expect(console_dropped() == 0, "dropped in normal use", console_dropped(), 0);
	expect(sent_length - start == length && memcmp(sent + start, expected, length) == 0,
	       "everything sent, in order", sent_length - start, length);
	expect(worst <= (FIFO + 2) * IO_CYCLES, "worst printk in the loop", worst,
	       (FIFO + 2) * IO_CYCLES);
}

static void check_overflow(void)
{
	static char big[6001];
	size_t start = sent_length;
	uint64_t before = now;

	memset(big, 'x', sizeof(big) - 1);
	now += 100 * CHAR_CYCLES;		/* the UART is idle */
	before = now;
	console_write(big, sizeof(big) - 1);	/* 6000 characters into a 4096 ring */
	expect(now - before <= (FIFO + 2) * IO_CYCLES, "console_write of 6000 does not wait",
	       now - before, (FIFO + 2) * IO_CYCLES);
	console_flush();
	expect(console_dropped() == 6000 - 4096, "dropped and counted", console_dropped(),
	       6000 - 4096);
	expect(sent_length - start == 4096, "what fitted was sent", sent_length - start, 4096);
}

int main(void)
{
	console_setup();
	check_bounded_and_figures();
	check_normal_use();
	check_overflow();
	printf("console_ring_test: %d of %d cases passed\n", cases - failures, cases);
	return failures ? 1 : 0;
}
