/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The libm cases that tests/libc checks against the host's libm (within
 * 1 ulp): MATH_CASE(function, x) and MATH_CASE2(function, x, y) in double,
 * MATHF_CASE(function, x) and MATHF_CASE2(function, x, y) in float. Inputs
 * cover what control loops use: angles of several turns, small and large
 * arguments, the ranges where the functions change behaviour.
 */
#define MATH_CASES(MATH_CASE, MATH_CASE2)					\
	MATH_CASE(sin, 0.5) MATH_CASE(sin, -1.0e-8) MATH_CASE(sin, 3.0)	\
	MATH_CASE(sin, 100.0) MATH_CASE(sin, 1.0e6) MATH_CASE(sin, 7.0e-1)	\
	MATH_CASE(cos, 0.5) MATH_CASE(cos, 1.5707963267948966)			\
	MATH_CASE(cos, -25.0) MATH_CASE(cos, 1.0e5)				\
	MATH_CASE(tan, 0.25) MATH_CASE(tan, 1.5) MATH_CASE(tan, -10.0)		\
	MATH_CASE(asin, 0.3) MATH_CASE(asin, -0.99) MATH_CASE(acos, 0.3)	\
	MATH_CASE(acos, -0.75) MATH_CASE(atan, 0.4) MATH_CASE(atan, -30.0)	\
	MATH_CASE2(atan2, 1.0, 2.0) MATH_CASE2(atan2, -3.0, -0.5)		\
	MATH_CASE2(atan2, 0.001, -100.0) MATH_CASE2(atan2, -7.0, 7.0)		\
	MATH_CASE(sinh, 0.3) MATH_CASE(sinh, -5.0) MATH_CASE(cosh, 2.0)	\
	MATH_CASE(tanh, 0.1) MATH_CASE(tanh, -3.0)				\
	MATH_CASE(exp, 1.0) MATH_CASE(exp, -0.5) MATH_CASE(exp, 10.0)		\
	MATH_CASE(exp, -700.0) MATH_CASE(exp2, 3.3) MATH_CASE(expm1, 1.0e-5)	\
	MATH_CASE(log, 10.0) MATH_CASE(log, 0.001) MATH_CASE(log, 1.0e300)	\
	MATH_CASE(log2, 3.0) MATH_CASE(log10, 2.0) MATH_CASE(log1p, 1.0e-4)	\
	MATH_CASE2(pow, 2.0, 0.5) MATH_CASE2(pow, 1.0001, 10000.0)		\
	MATH_CASE2(pow, 10.0, -3.0) MATH_CASE2(pow, 0.9, 2.5)			\
	MATH_CASE(sqrt, 2.0) MATH_CASE(sqrt, 1.0e-10) MATH_CASE(cbrt, 27.5)	\
	MATH_CASE2(hypot, 3.0, 4.0) MATH_CASE2(hypot, 1.0e-3, 2.5)		\
	MATH_CASE2(fmod, 10.5, 3.0) MATH_CASE2(fmod, -7.25, 2.0)		\
	MATH_CASE(floor, -2.5) MATH_CASE(ceil, 2.1) MATH_CASE(round, 2.5)	\
	MATH_CASE(trunc, -3.7) MATH_CASE(fabs, -0.125)

#define MATHF_CASES(MATHF_CASE, MATHF_CASE2)					\
	MATHF_CASE(sinf, 0.5f) MATHF_CASE(sinf, 100.0f) MATHF_CASE(cosf, 2.0f)	\
	MATHF_CASE(cosf, -40.0f) MATHF_CASE(tanf, 0.7f) MATHF_CASE(expf, 1.5f)	\
	MATHF_CASE(logf, 3.0f) MATHF_CASE(sqrtf, 2.0f) MATHF_CASE(atanf, 0.5f)	\
	MATHF_CASE2(atan2f, 1.0f, -2.0f) MATHF_CASE2(powf, 1.5f, 2.5f)

/* Result of double case index; name receives "function(args)". */
static inline double math_case(unsigned int index, char *name, size_t size)
{
	unsigned int i = 0;

#define MATH_RUN(function, x)							\
	if (index == i++) {							\
		snprintf(name, size, "%s(%.17g)", #function, (double)(x));	\
		return function(x);						\
	}
#define MATH_RUN2(function, x, y)						\
	if (index == i++) {							\
		snprintf(name, size, "%s(%.17g, %.17g)", #function, (double)(x),	\
			 (double)(y));						\
		return function(x, y);						\
	}
	MATH_CASES(MATH_RUN, MATH_RUN2)
	MATHF_CASES(MATH_RUN, MATH_RUN2)
#undef MATH_RUN
#undef MATH_RUN2
	snprintf(name, size, "none");
	return 0.0;
}

/* Double cases come first, then float ones. */
static inline unsigned int math_case_count(bool float_cases)
{
	unsigned int count = 0;

#define MATH_COUNT(function, x) count++;
#define MATH_COUNT2(function, x, y) count++;
	if (float_cases) {
		MATHF_CASES(MATH_COUNT, MATH_COUNT2)
	} else {
		MATH_CASES(MATH_COUNT, MATH_COUNT2)
	}
#undef MATH_COUNT
#undef MATH_COUNT2
	return count;
}
