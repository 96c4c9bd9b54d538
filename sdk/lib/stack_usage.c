// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Stack high-water marks: a stack is painted with a pattern before its CPU
 * uses it; the deepest byte no longer holding the pattern marks how much of
 * it was ever used. (A function that leaves a pattern byte where it wrote
 * would hide at most that byte's depth: good enough for a report.)
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

#define STACK_PAINT	0x5a

void stack_paint(uint8_t *bottom, uint8_t *end)
{
	while (bottom < end)
		*bottom++ = STACK_PAINT;
}

size_t stack_high_water(const uint8_t *bottom, const uint8_t *top)
{
	const uint8_t *p = bottom;

	while (p < top && *p == STACK_PAINT)
		p++;
	return (size_t)(top - p);
}
