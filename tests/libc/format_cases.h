/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The printf cases that tests/libc checks: each is printed by newlib in the
 * inmate and by the host's glibc (expected.c), and the two outputs must be
 * identical. FORMAT_CASE(format, type, value): one conversion argument.
 */
#define FORMAT_CASES(FORMAT_CASE)						\
	FORMAT_CASE("%f", double, 3.14159265358979)				\
	FORMAT_CASE("%.0f", double, 2.5)					\
	FORMAT_CASE("%.0f", double, 3.5)					\
	FORMAT_CASE("%.1f", double, 0.05)					\
	FORMAT_CASE("%.2f", double, 1.005)					\
	FORMAT_CASE("%.3f", double, -0.0005)					\
	FORMAT_CASE("%10.4f", double, -273.15)					\
	FORMAT_CASE("%-10.2f|", double, 42.125)					\
	FORMAT_CASE("%+.3f", double, 1e-3)					\
	FORMAT_CASE("% .2f", double, 7.0)					\
	FORMAT_CASE("%010.3f", double, -1.5)					\
	FORMAT_CASE("%#.0f", double, 12.0)					\
	FORMAT_CASE("%.15f", double, 0.1)					\
	FORMAT_CASE("%.17f", double, 1.0 / 3.0)					\
	FORMAT_CASE("%.20f", double, 1e-10)					\
	FORMAT_CASE("%f", double, 1e20)						\
	FORMAT_CASE("%f", double, 123456789012345678.0)				\
	FORMAT_CASE("%.2f", double, 1e300)					\
	FORMAT_CASE("%f", double, -0.0)						\
	FORMAT_CASE("%e", double, 0.0)						\
	FORMAT_CASE("%e", double, 6.02214076e23)				\
	FORMAT_CASE("%.3e", double, -1.602176634e-19)				\
	FORMAT_CASE("%12.2E", double, 299792458.0)				\
	FORMAT_CASE("%.0e", double, 5e-324)					\
	FORMAT_CASE("%e", double, 1.7976931348623157e308)			\
	FORMAT_CASE("%g", double, 100000.0)					\
	FORMAT_CASE("%g", double, 1000000.0)					\
	FORMAT_CASE("%g", double, 0.0001)					\
	FORMAT_CASE("%g", double, 0.00001)					\
	FORMAT_CASE("%.3g", double, 3.14159)					\
	FORMAT_CASE("%.10g", double, 2.0 / 3.0)					\
	FORMAT_CASE("%#g", double, 1.5)						\
	FORMAT_CASE("%G", double, 1.5e-12)					\
	FORMAT_CASE("%.17g", double, 0.1)					\
	FORMAT_CASE("%-12g|", double, -2.75)					\
	FORMAT_CASE("%f", double, 1.0 / 0.0)					\
	FORMAT_CASE("%F", double, -1.0 / 0.0)					\
	FORMAT_CASE("%e", double, 1.0 / 0.0)					\
	FORMAT_CASE("%5.1f|", float, 9.96f)					\
	FORMAT_CASE("%.9g", float, 0.1f)					\
	FORMAT_CASE("%lld", long long, -9223372036854775807LL - 1)		\
	FORMAT_CASE("%lld", long long, 9223372036854775807LL)			\
	FORMAT_CASE("%llu", unsigned long long, 18446744073709551615ULL)	\
	FORMAT_CASE("%llx", unsigned long long, 0xdeadbeefcafef00dULL)		\
	FORMAT_CASE("%#llo", unsigned long long, 01234567012345670ULL)		\
	FORMAT_CASE("%020lld", long long, -123456789012LL)			\
	FORMAT_CASE("%-20lld|", long long, 123456789012LL)			\
	FORMAT_CASE("%+lld", long long, 42LL)					\
	FORMAT_CASE("%.15lld", long long, 77LL)					\
	FORMAT_CASE("%ld", long, -2147483649L)					\
	FORMAT_CASE("%lu", unsigned long, 4294967296UL)				\
	FORMAT_CASE("%d", int, -2147483647 - 1)					\
	FORMAT_CASE("%5d|", int, 42)						\
	FORMAT_CASE("%-5d|", int, -42)						\
	FORMAT_CASE("%05d", int, -42)						\
	FORMAT_CASE("%.3d", int, 7)						\
	FORMAT_CASE("%8.3d|", int, -7)						\
	FORMAT_CASE("%.0d|", int, 0)						\
	FORMAT_CASE("% d", int, 17)						\
	FORMAT_CASE("%#x", unsigned int, 0xbeefu)				\
	FORMAT_CASE("%#10X|", unsigned int, 0xbeefu)				\
	FORMAT_CASE("%#o", unsigned int, 8u)					\
	FORMAT_CASE("%hhd", int, 300)						\
	FORMAT_CASE("%hu", int, 70000)						\
	FORMAT_CASE("%zu", size_t, (size_t)123456789)				\
	FORMAT_CASE("%c|", int, 'W')						\
	FORMAT_CASE("%5c|", int, 'x')						\
	FORMAT_CASE("%s|", const char *, "warden")				\
	FORMAT_CASE("%10s|", const char *, "cell")				\
	FORMAT_CASE("%-10s|", const char *, "cell")				\
	FORMAT_CASE("%.3s|", const char *, "inmate")				\
	FORMAT_CASE("%%|%5.2s|", const char *, "abc")

/* Format case index into buf (snprintf semantics); -1: no such case. */
static inline int format_case(unsigned int index, char *buf, size_t size)
{
	unsigned int i = 0;

#define FORMAT_RUN(format, type, value)						\
	if (index == i++)							\
		return snprintf(buf, size, format, (type)(value));
	FORMAT_CASES(FORMAT_RUN)
#undef FORMAT_RUN
	return -1;
}

static inline unsigned int format_case_count(void)
{
	unsigned int count = 0;

#define FORMAT_COUNT(format, type, value) count++;
	FORMAT_CASES(FORMAT_COUNT)
#undef FORMAT_COUNT
	return count;
}
