// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Time for newlib: the SDK clock (TSC, nanoseconds since boot). An inmate
 * has no wall clock, so gettimeofday() and time() count from boot (the
 * epoch is the boot, docs/libc.md); clock() and times() report the time
 * since boot as this process's CPU time.
 */
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <inmate/time.h>

#define NS_PER_US	1000ull
#define US_PER_S	1000000ull
/* clock() reports the tms_utime of times() in units of 1/CLOCKS_PER_SEC s. */
#define NS_PER_TICK	(1000000000ull / CLOCKS_PER_SEC)

int gettimeofday(struct timeval *tv, void *timezone)
{
	uint64_t us = time_ns() / NS_PER_US;

	(void)timezone;
	if (tv) {
		tv->tv_sec = (time_t)(us / US_PER_S);
		tv->tv_usec = (suseconds_t)(us % US_PER_S);
	}
	return 0;
}

clock_t times(struct tms *buffer)
{
	clock_t ticks = (clock_t)(time_ns() / NS_PER_TICK);

	if (buffer)
		*buffer = (struct tms){ .tms_utime = ticks };
	return ticks;
}
