/* SPDX-License-Identifier: GPL-2.0-only */
/* The checks of the libc-checks inmate (tests/libc), one per file. */
#ifndef LIBC_TEST_CHECKS_H
#define LIBC_TEST_CHECKS_H

void check_format(void);	/* check_format.c */
void check_malloc(void);	/* check_malloc.c */
void check_math(void);		/* check_math.c */

#endif /* LIBC_TEST_CHECKS_H */
