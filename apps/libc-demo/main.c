// SPDX-License-Identifier: GPL-2.0-only
/*
 * libc-demo: an inmate written against the C library as on any embedded
 * toolchain: stdio with floating point, malloc/realloc/free, strtod, libm
 * and a console read that never waits.
 * Each result is printed and checked against its known value (test markers,
 * docs/platform.md), so that tests/libc can boot it and judge the output.
 */
#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <inmate/inmate.h>

static void check_stdio(void)
{
	char text[64];

	test_step("stdio");
	printf("pi is about %.6f, e is about %.3e, %d%% sure\n", M_PI, M_E, 100);
	snprintf(text, sizeof(text), "[%8.3f|%-6.2f|%+g|%lld]", -1.5, 2.25, 1e-5, -1234567890123LL);
	printf("snprintf: %s\n", text);
	TEST_CHECK("stdio-snprintf", strcmp(text, "[  -1.500|2.25  |+1e-05|-1234567890123]") == 0,
		   "got '%s'", text);
}

static void check_malloc(void)
{
	size_t before = mallinfo().uordblks, i;
	unsigned char *block = malloc(100);
	bool intact = block != NULL;

	test_step("malloc");
	for (i = 0; intact && i < 100; i++)
		block[i] = (unsigned char)i;
	block = intact ? realloc(block, 5000) : NULL;
	for (i = 0; block && i < 100; i++)
		intact = intact && block[i] == (unsigned char)i;
	free(block);
	printf("malloc/realloc/free: content %s, %zu bytes in use before, %zu after\n",
	       intact && block ? "kept" : "LOST", before, (size_t)mallinfo().uordblks);
	TEST_CHECK("malloc-realloc", intact && block, "realloc lost the content");
	TEST_CHECK("malloc-balance", mallinfo().uordblks == before, "%zu bytes leaked",
		   (size_t)(mallinfo().uordblks - before));
	errno = 0;
	TEST_CHECK("malloc-too-big", malloc(64u << 20) == NULL && errno == ENOMEM,
		   "a 64 MiB request did not fail with ENOMEM");
}

static void check_strtod(void)
{
	const char *input = "  -2.5e3 volts";
	char *end;
	double value = strtod(input, &end);

	test_step("strtod");
	printf("strtod(\"%s\") = %g, rest \"%s\"\n", input, value, end);
	TEST_CHECK("strtod", value == -2500.0 && strcmp(end, " volts") == 0,
		   "got %g, rest '%s'", value, end);
	TEST_CHECK("strtod-hex", strtod("0x1.8p1", NULL) == 3.0, "0x1.8p1 is not 3");
}

static void check_math(void)
{
	double angle = atan2(1.0, 1.0) * 4.0;

	test_step("math");
	printf("atan2(1,1)*4 = %.17g\n", angle);
	printf("sin(pi/6) = %.17g, cos(pi/3) = %.17g\n", sin(M_PI / 6), cos(M_PI / 3));
	printf("sqrt(2) = %.17g, exp(1) = %.17g, log(10) = %.17g\n", sqrt(2.0), exp(1.0),
	       log(10.0));
	TEST_CHECK("math-atan2", angle == M_PI, "atan2(1,1)*4 = %.17g", angle);
	TEST_CHECK("math-sin-cos", fabs(sin(M_PI / 6) - 0.5) < 1e-15 &&
		   fabs(cos(M_PI / 3) - 0.5) < 1e-15, "sin/cos off");
	TEST_CHECK("math-sqrt-exp", sqrt(2.0) * sqrt(2.0) - 2.0 < 1e-15 &&
		   fabs(exp(1.0) - M_E) < 1e-15 && fabs(log(exp(3.0)) - 3.0) < 1e-15,
		   "sqrt/exp/log off");
}

/* Nothing is typed on the console in a test: read() must return at once. */
static void check_input(void)
{
	char key;
	ssize_t got;
	int err;

	test_step("input");
	errno = 0;
	got = read(STDIN_FILENO, &key, 1);
	err = errno;
	printf("read(stdin) with nothing typed: %d, errno %s\n", (int)got,
	       err == EAGAIN ? "EAGAIN" : strerror(err));
	TEST_CHECK("stdin-nonblocking", got == -1 && err == EAGAIN && getchar() == EOF,
		   "read gave %d, errno %d", (int)got, err);
	clearerr(stdin);
}

void inmate_main(void)
{
	printf("libc-demo: newlib on a Warden inmate\n");
	check_stdio();
	check_malloc();
	check_strtod();
	check_math();
	check_input();
	test_done();
}
