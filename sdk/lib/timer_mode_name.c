// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Names of the timer modes (inmate/timer.h). "tsc" is the SDK's clock on
 * every architecture (inmate/time.h): on ARM64 the virtual counter. */
#include <inmate/inmate.h>

const char *timer_mode_name(enum timer_mode mode)
{
	switch (mode) {
	case TIMER_ONESHOT:
		return "one-shot";
	case TIMER_PERIODIC:
		return "periodic";
	case TIMER_DEADLINE:
		return "tsc-deadline";
	}
	return "?";
}
