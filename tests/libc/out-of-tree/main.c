// SPDX-License-Identifier: GPL-2.0-only
/*
 * Built outside the Warden tree against the installed SDK: stdio, malloc
 * and libm from the SDK's newlib, on a 64 KiB heap set in CMakeLists.txt.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <inmate/inmate.h>

#define HEAP_SIZE (64 * 1024)

void inmate_main(void)
{
	char text[32];
	void *too_big;

	snprintf(text, sizeof(text), "%.4f", hypot(3.0, 4.0) + sin(0.0));
	printf("newlib-outside: hypot(3,4) = %s\n", text);
	TEST_CHECK("outside-libm-stdio", text[0] == '5' && text[1] == '.', "got '%s'", text);
	errno = 0;
	too_big = malloc(HEAP_SIZE);
	TEST_CHECK("outside-heap-size", too_big == NULL && errno == ENOMEM,
		   "malloc(64 KiB) succeeded on a 64 KiB heap");
	test_done();
}
