// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Console input for read(0) on ARM64: the PL011 the SDK writes to, polled. */
#include <inmate/inmate.h>
#include "../../libc_internal.h"

size_t pl011_read_nonblocking(char *buffer, size_t length);	/* sdk/lib/arch/arm64/pl011.c */

ssize_t arch_console_read_nonblocking(char *buffer, size_t length)
{
	return (ssize_t)pl011_read_nonblocking(buffer, length);
}
