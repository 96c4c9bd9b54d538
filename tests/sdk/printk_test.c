// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the SDK's formatting engine (sdk/lib/printk.c): each
 * case is formatted by snprintk and by the C library's snprintf and the
 * results (text and returned length) must agree; truncation is checked too.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <inmate/printk.h>

static int failures, cases;

static void compare(const char *what, const char *ours, int our_length, const char *libc,
		    int libc_length)
{
	cases++;
	if (strcmp(ours, libc) != 0 || our_length != libc_length) {
		failures++;
		printf("FAIL %s: snprintk gave \"%s\" (%d), snprintf \"%s\" (%d)\n", what, ours,
		       our_length, libc, libc_length);
	}
}

/* One format and its arguments, run through both implementations. */
#define CHECK(fmt, ...)								\
	do {									\
		char ours[256], libc[256];					\
		int n1 = snprintk(ours, sizeof(ours), fmt, __VA_ARGS__);	\
		int n2 = snprintf(libc, sizeof(libc), fmt, __VA_ARGS__);	\
		compare(#fmt " | " #__VA_ARGS__, ours, n1, libc, n2);		\
	} while (0)

static void integers(void)
{
	CHECK("%d %i %u", 0, -1, 42u);
	CHECK("%d|%d", INT32_MAX, INT32_MIN);
	CHECK("%u|%x|%X|%o", 4294967295u, 0xdeadbeefu, 0xdeadbeefu, 8u);
	CHECK("%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42);
	CHECK("%05d|%-05d|%+05d|% 05d", -42, -42, 42, 42);
	CHECK("%.3d|%8.3d|%-8.3d|%08.3d", 7, -7, 7, 7);
	CHECK("%.0d|%.0x|%5.0d|x", 0, 0u, 0);
	CHECK("%#x|%#X|%#o|%#x|%#o", 255u, 255u, 8u, 0u, 0u);
	CHECK("%#10x|%-#10x|%#010x", 255u, 255u, 255u);
	CHECK("%ld|%lu|%lx", -1234567890123L, 1234567890123UL, 0xfedcba9876543210UL);
	CHECK("%lld|%llu|%llx|%llX", (long long)INT64_MIN, (unsigned long long)UINT64_MAX,
	      0x0123456789abcdefULL, 0x0123456789abcdefULL);
	CHECK("%zu|%zx|%zd", (size_t)123456789012ULL, (size_t)0xabcULL, (size_t)77);
	CHECK("%hhd|%hhu|%hd|%hu", 300, 300, 70000, 70000);
	CHECK("%jd|%td", (intmax_t)-5, (ptrdiff_t)-6);
	CHECK("%016llx|%-16llx|", 0xabcULL, 0xabcULL);
	CHECK("%*d|%-*d|%*d", 6, 12, 6, 12, -6, 12);
	CHECK("%.*d|%.*d", 4, 12, -1, 12);
}

static void strings_and_chars(void)
{
	CHECK("%s|%10s|%-10s|", "abc", "abc", "abc");
	CHECK("%.2s|%10.2s|%-10.2s|", "abcdef", "abcdef", "abcdef");
	CHECK("%.*s|%*s|", 3, "abcdef", -5, "ab");
	CHECK("%c%c%c|%3c|%-3c|", 'a', 'b', 'c', 'x', 'y');
	CHECK("%%|%s%%", "ok");
	CHECK("%s", "");
	CHECK("%s=%d, %s=0x%08x", "vector", 14, "cr2", 0x1000u);
}

static void pointers(void)
{
	int local;

	CHECK("%p", (void *)&local);
	CHECK("%p|%20p|%-20p|", (void *)0x1234, (void *)0x1234, (void *)0x1234);
	CHECK("%p", (void *)NULL);
}

static void truncation(void)
{
	char buf[8];
	int n;

	memset(buf, 'x', sizeof(buf));
	n = snprintk(buf, 5, "%s", "abcdefgh");
	cases++;
	if (n != 8 || strcmp(buf, "abcd") != 0 || buf[5] != 'x') {
		failures++;
		printf("FAIL truncation: returned %d, buffer \"%s\"\n", n, buf);
	}
	memset(buf, 'x', sizeof(buf));
	n = snprintk(buf, 0, "%d", 12345);
	cases++;
	if (n != 5 || buf[0] != 'x') {
		failures++;
		printf("FAIL size 0: returned %d, buffer touched\n", n);
	}
}

int main(void)
{
	integers();
	strings_and_chars();
	pointers();
	truncation();
	printf("printk_test: %d of %d cases agree with snprintf\n", cases - failures, cases);
	return failures ? 1 : 0;
}
