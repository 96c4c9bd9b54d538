// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The printf-style formatting engine behind printk and snprintk. Pure code
 * (no hardware), compiled for the host too and compared there against the
 * C library's snprintf (tests/sdk/printk_test.c).
 */
#include <stdbool.h>
#include <stdint.h>
#include <inmate/printk.h>

#define FLAG_LEFT	0x01
#define FLAG_ZERO	0x02
#define FLAG_PLUS	0x04
#define FLAG_SPACE	0x08
#define FLAG_ALT	0x10

struct spec {
	unsigned int flags;
	int width;
	int precision;		/* -1: none */
	int length;		/* 'H' hh, 'h', 'l', 'L' ll, 'z', 't', 'j', 0 */
	char conversion;
};

struct sink {
	format_emit_t emit;
	void *context;
	int count;
};

static void put(struct sink *sink, char c)
{
	sink->emit(c, sink->context);
	sink->count++;
}

static void put_repeated(struct sink *sink, char c, int n)
{
	while (n-- > 0)
		put(sink, c);
}

static const char *parse_spec(const char *p, struct spec *spec, va_list *args)
{
	spec->flags = 0;
	for (;; p++) {
		if (*p == '-')
			spec->flags |= FLAG_LEFT;
		else if (*p == '0')
			spec->flags |= FLAG_ZERO;
		else if (*p == '+')
			spec->flags |= FLAG_PLUS;
		else if (*p == ' ')
			spec->flags |= FLAG_SPACE;
		else if (*p == '#')
			spec->flags |= FLAG_ALT;
		else
			break;
	}
	spec->width = 0;
	if (*p == '*') {
		spec->width = va_arg(*args, int);
		if (spec->width < 0) {
			spec->flags |= FLAG_LEFT;
			spec->width = -spec->width;
		}
		p++;
	}
	while (*p >= '0' && *p <= '9')
		spec->width = spec->width * 10 + (*p++ - '0');
	spec->precision = -1;
	if (*p == '.') {
		p++;
		spec->precision = 0;
		if (*p == '*') {
			spec->precision = va_arg(*args, int);
			if (spec->precision < 0)
				spec->precision = -1;
			p++;
		}
		while (*p >= '0' && *p <= '9')
			spec->precision = spec->precision * 10 + (*p++ - '0');
	}
	spec->length = 0;
	if (*p == 'h' || *p == 'l') {
		spec->length = *p++;
		if (*p == spec->length) {
			spec->length = spec->length == 'h' ? 'H' : 'L';
			p++;
		}
	} else if (*p == 'z' || *p == 't' || *p == 'j') {
		spec->length = *p++;
	}
	spec->conversion = *p;
	return *p ? p + 1 : p;
}

static uint64_t fetch_unsigned(const struct spec *spec, va_list *args)
{
	switch (spec->length) {
	case 'H': return (unsigned char)va_arg(*args, unsigned int);
	case 'h': return (unsigned short)va_arg(*args, unsigned int);
	case 'l': return va_arg(*args, unsigned long);
	case 'L': return va_arg(*args, unsigned long long);
	case 'z': return va_arg(*args, size_t);
	case 't': return (uint64_t)va_arg(*args, ptrdiff_t);
	case 'j': return va_arg(*args, uintmax_t);
	default: return va_arg(*args, unsigned int);
	}
}

static int64_t fetch_signed(const struct spec *spec, va_list *args)
{
	switch (spec->length) {
	case 'H': return (signed char)va_arg(*args, int);
	case 'h': return (short)va_arg(*args, int);
	case 'l': return va_arg(*args, long);
	case 'L': return va_arg(*args, long long);
	case 'z': return (int64_t)va_arg(*args, size_t);
	case 't': return va_arg(*args, ptrdiff_t);
	case 'j': return va_arg(*args, intmax_t);
	default: return va_arg(*args, int);
	}
}

/* Digits of value in base, least significant first; returns their count. */
static int to_digits(uint64_t value, unsigned int base, bool upper, char *digits)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		digits[n++] = set[value % base];
		value /= base;
	} while (value);
	return n;
}

static void emit_number(struct sink *sink, const struct spec *spec, uint64_t magnitude,
			bool negative, unsigned int base)
{
	char digits[24], sign = 0;
	const char *prefix = "";
	int ndigits, zeros = 0, pad, prefix_len;

	ndigits = to_digits(magnitude, base, spec->conversion == 'X', digits);
	if (spec->precision == 0 && magnitude == 0)
		ndigits = 0;
	if (spec->precision > ndigits)
		zeros = spec->precision - ndigits;
	if (negative)
		sign = '-';
	else if (spec->flags & FLAG_PLUS)
		sign = '+';
	else if (spec->flags & FLAG_SPACE)
		sign = ' ';
	if ((spec->flags & FLAG_ALT) && magnitude != 0 && base == 16)
		prefix = spec->conversion == 'X' ? "0X" : "0x";
	if ((spec->flags & FLAG_ALT) && base == 8 && zeros == 0 &&
	    (ndigits == 0 || digits[ndigits - 1] != '0'))
		zeros = 1;
	prefix_len = (sign ? 1 : 0) + (prefix[0] ? 2 : 0);
	pad = spec->width - prefix_len - zeros - ndigits;
	if ((spec->flags & FLAG_ZERO) && !(spec->flags & FLAG_LEFT) && spec->precision < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!(spec->flags & FLAG_LEFT))
		put_repeated(sink, ' ', pad);
	if (sign)
		put(sink, sign);
	while (*prefix)
		put(sink, *prefix++);
	put_repeated(sink, '0', zeros);
	while (ndigits > 0)
		put(sink, digits[--ndigits]);
	if (spec->flags & FLAG_LEFT)
		put_repeated(sink, ' ', pad);
}

static void emit_string(struct sink *sink, const struct spec *spec, const char *s)
{
	int length = 0, pad;

	if (!s)
		s = "(null)";
	while (s[length] && (spec->precision < 0 || length < spec->precision))
		length++;
	pad = spec->width - length;
	if (!(spec->flags & FLAG_LEFT))
		put_repeated(sink, ' ', pad);
	while (length-- > 0)
		put(sink, *s++);
	if (spec->flags & FLAG_LEFT)
		put_repeated(sink, ' ', pad);
}

static void emit_pointer(struct sink *sink, struct spec *spec, const void *pointer)
{
	if (!pointer) {
		spec->precision = -1;
		emit_string(sink, spec, "(nil)");
		return;
	}
	spec->flags |= FLAG_ALT;
	spec->conversion = 'x';
	emit_number(sink, spec, (uintptr_t)pointer, false, 16);
}

static void emit_conversion(struct sink *sink, struct spec *spec, va_list *args)
{
	int64_t value;
	char c;

	switch (spec->conversion) {
	case 'd':
	case 'i':
		value = fetch_signed(spec, args);
		emit_number(sink, spec, value < 0 ? -(uint64_t)value : (uint64_t)value,
			    value < 0, 10);
		break;
	case 'u':
		emit_number(sink, spec, fetch_unsigned(spec, args), false, 10);
		break;
	case 'x':
	case 'X':
		emit_number(sink, spec, fetch_unsigned(spec, args), false, 16);
		break;
	case 'o':
		emit_number(sink, spec, fetch_unsigned(spec, args), false, 8);
		break;
	case 'p':
		emit_pointer(sink, spec, va_arg(*args, void *));
		break;
	case 's':
		emit_string(sink, spec, va_arg(*args, const char *));
		break;
	case 'c':
		c = (char)va_arg(*args, int);
		put_repeated(sink, ' ', (spec->flags & FLAG_LEFT) ? 0 : spec->width - 1);
		put(sink, c);
		put_repeated(sink, ' ', (spec->flags & FLAG_LEFT) ? spec->width - 1 : 0);
		break;
	case '%':
		put(sink, '%');
		break;
	default:	/* unknown: print the conversion character as is */
		put(sink, '%');
		if (spec->conversion)
			put(sink, spec->conversion);
		break;
	}
}

int format_output(format_emit_t emit, void *context, const char *fmt, va_list args)
{
	struct sink sink = { .emit = emit, .context = context, .count = 0 };
	struct spec spec;
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put(&sink, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec, &ap);
		emit_conversion(&sink, &spec, &ap);
	}
	va_end(ap);
	return sink.count;
}

struct buffer {
	char *data;
	size_t size;
	size_t used;
};

static void buffer_emit(char c, void *context)
{
	struct buffer *buffer = context;

	if (buffer->used + 1 < buffer->size)
		buffer->data[buffer->used] = c;
	buffer->used++;
}

int vsnprintk(char *buf, size_t size, const char *fmt, va_list args)
{
	struct buffer buffer = { .data = buf, .size = size, .used = 0 };
	int count = format_output(buffer_emit, &buffer, fmt, args);

	if (size)
		buf[buffer.used < size ? buffer.used : size - 1] = '\0';
	return count;
}

int snprintk(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int count;

	va_start(args, fmt);
	count = vsnprintk(buf, size, fmt, args);
	va_end(args);
	return count;
}
