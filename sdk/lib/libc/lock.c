// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The lock newlib's malloc takes around the shared heap (nano-malloc calls
 * __malloc_lock/__malloc_unlock; sbrk takes it too). A spinlock owned by a
 * CPU, recursive on that CPU (malloc may call sbrk, which locks again), with
 * interrupts off while held so that an interrupt handler on the same CPU
 * never finds the heap half updated.
 */
#include <sys/reent.h>
#include <inmate/inmate.h>
#include "libc_internal.h"

void __malloc_lock(struct _reent *reent);
void __malloc_unlock(struct _reent *reent);

static unsigned int owner;		/* CPU number + 1; 0: free */
static unsigned int depth;		/* nesting on the owning CPU */
static unsigned long saved_irq_state;	/* of the outermost acquisition */

void libc_heap_lock(void)
{
	unsigned long irq_state = irq_save();
	unsigned int me = smp_this_cpu() + 1, expected;

	if (__atomic_load_n(&owner, __ATOMIC_RELAXED) == me) {
		depth++;
		return;
	}
	for (;;) {
		expected = 0;
		if (__atomic_compare_exchange_n(&owner, &expected, me, false, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			break;
		irq_restore(irq_state);
		cpu_relax();
		irq_state = irq_save();
	}
	depth = 1;
	saved_irq_state = irq_state;
}

void libc_heap_unlock(void)
{
	unsigned long irq_state;

	if (--depth)
		return;
	irq_state = saved_irq_state;
	__atomic_store_n(&owner, 0, __ATOMIC_RELEASE);
	irq_restore(irq_state);
}

void __malloc_lock(struct _reent *reent)
{
	(void)reent;
	libc_heap_lock();
}

void __malloc_unlock(struct _reent *reent)
{
	(void)reent;
	libc_heap_unlock();
}
