// SPDX-License-Identifier: GPL-2.0-only
/*
 * printf-style formatting without libc: %c %s %d %i %u %x %p %%, the length
 * modifiers l and ll, a field width and the 0 flag. Pure logic, unit-tested
 * on the host.
 */
#include <hv/printk.h>

struct output {
	char *buf;
	size_t size;
	size_t length;
};

static void put(struct output *out, char c)
{
	if (out->length + 1 < out->size)
		out->buf[out->length] = c;
	out->length++;
}

static void put_number(struct output *out, u64 value, unsigned int base, bool negative,
		       unsigned int width, char pad)
{
	char digits[24];
	unsigned int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value);
	if (negative)
		digits[n++] = '-';
	while (width > n) {
		put(out, pad);
		width--;
	}
	while (n)
		put(out, digits[--n]);
}

static u64 take_unsigned(__builtin_va_list *ap, unsigned int longs)
{
	if (longs)
		return __builtin_va_arg(*ap, unsigned long long);
	return __builtin_va_arg(*ap, unsigned int);
}

static s64 take_signed(__builtin_va_list *ap, unsigned int longs)
{
	if (longs)
		return __builtin_va_arg(*ap, long long);
	return __builtin_va_arg(*ap, int);
}

static void put_string(struct output *out, const char *s, unsigned int width)
{
	size_t n = 0;

	if (!s)
		s = "(null)";
	while (s[n])
		n++;
	while (width-- > n)
		put(out, ' ');
	while (*s)
		put(out, *s++);
}

static void convert(struct output *out, char conversion, unsigned int longs,
		    unsigned int width, char pad, __builtin_va_list *ap)
{
	s64 number;

	switch (conversion) {
	case 'c':
		put(out, (char)__builtin_va_arg(*ap, int));
		break;
	case 's':
		put_string(out, __builtin_va_arg(*ap, const char *), width);
		break;
	case 'd':
	case 'i':
		number = take_signed(ap, longs);
		put_number(out, number < 0 ? -(u64)number : (u64)number, 10,
			   number < 0, width, pad);
		break;
	case 'u':
		put_number(out, take_unsigned(ap, longs), 10, false, width, pad);
		break;
	case 'x':
		put_number(out, take_unsigned(ap, longs), 16, false, width, pad);
		break;
	case 'p':
		put(out, '0');
		put(out, 'x');
		put_number(out, (u64)(unsigned long)__builtin_va_arg(*ap, void *), 16,
			   false, 16, '0');
		break;
	default:
		put(out, '%');
		put(out, conversion);
	}
}

int format_string(char *buf, size_t size, const char *fmt, __builtin_va_list ap)
{
	struct output out = { .buf = buf, .size = size };
	unsigned int longs, width;
	__builtin_va_list args;
	char pad;

	__builtin_va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&out, *fmt);
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			put(&out, '%');
			continue;
		}
		pad = ' ';
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		for (width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (unsigned int)(*fmt - '0');
		for (longs = 0; *fmt == 'l'; fmt++)
			longs++;
		if (!*fmt)
			break;
		convert(&out, *fmt, longs, width, pad, &args);
	}
	__builtin_va_end(args);
	if (size)
		buf[out.length < size ? out.length : size - 1] = 0;
	return (int)out.length;
}

int snprintk(char *buf, size_t size, const char *fmt, ...)
{
	__builtin_va_list ap;
	int length;

	__builtin_va_start(ap, fmt);
	length = format_string(buf, size, fmt, ap);
	__builtin_va_end(ap);
	return length;
}
