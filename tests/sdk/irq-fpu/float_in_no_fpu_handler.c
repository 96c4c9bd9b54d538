// SPDX-License-Identifier: GPL-2.0-only
/*
 * Must NOT compile as it stands (tests/sdk/check-no-fpu-refused): a handler that skips the FXSAVE
 * may not use floating point, and IRQ_HANDLER_NO_FPU makes the compiler refuse it. With
 * -DAS_ORDINARY_HANDLER the same code is an ordinary handler and compiles.
 */
#include <inmate/inmate.h>

#ifdef AS_ORDINARY_HANDLER
#define HANDLER(name) void name(unsigned int vector, void *context)
#else
#define HANDLER(name) IRQ_HANDLER_NO_FPU(name)
#endif

double scale = 1.5;
double result;

HANDLER(uses_float)
{
	result = result * scale + vector;
}
