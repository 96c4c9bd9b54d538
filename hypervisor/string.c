// SPDX-License-Identifier: GPL-2.0-only
/* Byte-wise string functions: the hypervisor copies little, simplicity wins. */
#include <hv/string.h>

void *memset(void *dest, int c, size_t n)
{
	u8 *d = dest;

	while (n--)
		*d++ = (u8)c;
	return dest;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	const u8 *s = src;
	u8 *d = dest;

	while (n--)
		*d++ = *s++;
	return dest;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
