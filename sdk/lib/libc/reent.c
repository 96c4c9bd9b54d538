// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * newlib's per-thread data (struct _reent: errno, stdin/stdout/stderr with
 * their buffers, strtok state, ...) per CPU. newlib is built with
 * __DYNAMIC_REENT__ (scripts/build-newlib.sh), so every access goes through
 * __getreent(). CPU 0 uses newlib's global one, which exit() flushes; every
 * other CPU gets its own on first use. With a stdout of its own, a CPU's
 * lines are buffered apart from other CPUs' and reach the console in one
 * write() each (docs/libc.md, "SMP").
 */
#include <stdbool.h>
#include <string.h>
#include <sys/reent.h>
#include <inmate/smp.h>

struct _reent *__getreent(void);

static struct _reent cpu_reent[SMP_MAX_CPUS];
static bool cpu_reent_ready[SMP_MAX_CPUS];

struct _reent *__getreent(void)
{
	unsigned int cpu = smp_this_cpu();

	/* smp_start_cpu() starts no CPU at or above SMP_MAX_CPUS. */
	if (cpu == 0 || cpu >= SMP_MAX_CPUS)
		return _impure_ptr;
	/* Only this CPU touches its own slot: no lock needed. */
	if (!cpu_reent_ready[cpu]) {
		_REENT_INIT_PTR(&cpu_reent[cpu]);
		cpu_reent_ready[cpu] = true;
	}
	return &cpu_reent[cpu];
}
