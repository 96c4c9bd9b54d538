// SPDX-License-Identifier: GPL-2.0-only
/* Host unit test of hypervisor/format.c (the hypervisor's printf). */
#include <stdio.h>
#include <string.h>
#include <hv/printk.h>

static int failures;

static void expect(const char *want, const char *got, int length)
{
	if (strcmp(want, got) || length != (int)strlen(want)) {
		printf("FAIL: want '%s', got '%s' (%d)\n", want, got, length);
		failures++;
	}
}

int main(void)
{
	char buf[64];
	int n;

	n = snprintk(buf, sizeof(buf), "%d %u %x %s %c %%", -42, 7u, 0xbeefu, "hi", 'z');
	expect("-42 7 beef hi z %", buf, n);
	n = snprintk(buf, sizeof(buf), "%llx %lld %08x %4s", 0xffffffc000000000ULL,
		     -9000000000LL, 0x1234u, "ab");
	expect("ffffffc000000000 -9000000000 00001234   ab", buf, n);
	n = snprintk(buf, 8, "%s", "truncated text");
	if (strcmp(buf, "truncat") || n != 14) {
		printf("FAIL: truncation gave '%s' (%d)\n", buf, n);
		failures++;
	}
	printf("%s\n", failures ? "format: FAILED" : "format: ok");
	return failures ? 1 : 0;
}
