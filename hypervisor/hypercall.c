// SPDX-License-Identifier: GPL-2.0-only
/* Hypercalls from the root cell (numbers in include/warden/hypercall.h). */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>
#include <hv/printk.h>

/* DISABLE's meeting point: how many CPUs wait, and whether they all came. */
static struct {
	u32 lock;
	unsigned int arrived;
	bool all_came;
} disabling;

/*
 * How long CPUs wait for the others in DISABLE, in timestamp-counter
 * cycles: a few tenths of a second at today's TSC rates. The driver asks
 * every CPU at once; they meet within microseconds.
 */
#define DISABLE_WAIT_CYCLES	1000000000ULL

static s64 hypervisor_get_info(u64 what)
{
	switch (what) {
	case WARDEN_INFO_MEM_POOL_SIZE:
		return (s64)pool_size_pages();
	case WARDEN_INFO_MEM_POOL_USED:
		return (s64)pool_used_pages();
	case WARDEN_INFO_NUM_CELLS:
		return num_cells;
	case WARDEN_INFO_NESTED_PAGING_LEVELS:
		return arch_cell_paging_levels(&root_cell);
	case WARDEN_INFO_CONSOLE_HEAD:
		return (s64)console_head();
	default:
		return -EINVAL;
	}
}

/* Root may ask about every CPU, a cell only about its own. */
static s64 cpu_get_info(struct per_cpu *cpu, u64 id, u64 what)
{
	struct per_cpu *target;

	if (id >= MAX_CPUS || !per_cpu(id)->cell)
		return -EINVAL;
	target = per_cpu(id);
	if (cpu->cell != &root_cell && target->cell != cpu->cell)
		return -EPERM;
	if (what == WARDEN_CPU_INFO_STATE)
		return target->state;
	if (what >= WARDEN_CPU_INFO_EXITS_BASE &&
	    what < WARDEN_CPU_INFO_EXITS_BASE + WARDEN_EXIT_COUNT)
		return (s64)(target->exits[what - WARDEN_CPU_INFO_EXITS_BASE] & ~(1ULL << 63));
	return -EINVAL;
}

static unsigned int root_cpus_running(void)
{
	unsigned int n, count = 0;

	for (n = 0; n < MAX_CPUS; n++)
		if (per_cpu(n)->cell == &root_cell && per_cpu(n)->state == WARDEN_CPU_RUNNING)
			count++;
	return count;
}

static void disabling_lock(void)
{
	while (__atomic_exchange_n(&disabling.lock, 1, __ATOMIC_ACQUIRE))
		arch_cpu_relax();
}

static void disabling_unlock(void)
{
	__atomic_store_n(&disabling.lock, 0, __ATOMIC_RELEASE);
}

/*
 * Waits until every running CPU of the root cell has called DISABLE: true.
 * If they do not all come in time, this CPU withdraws and stays a guest:
 * false. The decision is taken under the lock, so either all leave or none.
 */
static bool all_cpus_disabling(unsigned int expected)
{
	u64 start;
	bool all_came;

	disabling_lock();
	if (++disabling.arrived == expected)
		disabling.all_came = true;
	disabling_unlock();
	for (start = arch_cpu_cycles(); arch_cpu_cycles() - start < DISABLE_WAIT_CYCLES;) {
		if (__atomic_load_n(&disabling.all_came, __ATOMIC_ACQUIRE))
			return true;
		arch_cpu_relax();
	}
	disabling_lock();
	all_came = disabling.all_came;
	if (!all_came)
		disabling.arrived--;
	disabling_unlock();
	return all_came;
}

/*
 * Every CPU of the root cell calls DISABLE (the driver asks them all at
 * once). None leaves before all have arrived: a CPU that runs natively
 * must never meet one that is still a guest of the hypervisor; if some do
 * not come, those that did stay guests and get -ETIMEDOUT. Refused while
 * other cells exist: their CPUs and memory would be left to nobody.
 */
static s64 disable(struct per_cpu *cpu)
{
	unsigned int expected = root_cpus_running();

	if (cpu->cell != &root_cell)
		return -EPERM;
	if (num_cells > 1) {
		if (cpu->id == 0)
			printk("warden: disable refused: %u cells besides the root cell exist\n",
			       num_cells - 1);
		return -EBUSY;
	}
	if (!all_cpus_disabling(expected)) {
		printk("warden: CPU %u: disable refused: not all %u CPUs of the root cell asked "
		       "for it in time\n", cpu->id, expected);
		return -ETIMEDOUT;
	}
	if (cpu->id == 0)
		printk("Warden: disabled, all %u CPUs handed back to Linux\n", expected);
	cpu->state = WARDEN_CPU_OFF;
	arch_vcpu_leave(cpu);
}

s64 hypercall(struct per_cpu *cpu, u64 code, u64 arg1, u64 arg2)
{
	switch (code) {
	case WARDEN_HC_DISABLE:
		return disable(cpu);
	case WARDEN_HC_CELL_CREATE:
		return cpu->cell == &root_cell ? cell_create(cpu, arg1) : -EPERM;
	case WARDEN_HC_CELL_START:
		return cpu->cell == &root_cell ? cell_start(cpu, arg1) : -EPERM;
	case WARDEN_HC_CELL_SET_LOADABLE:
		return cpu->cell == &root_cell ? cell_set_loadable(cpu, arg1) : -EPERM;
	case WARDEN_HC_CELL_DESTROY:
		return cpu->cell == &root_cell ? cell_destroy(cpu, arg1) : -EPERM;
	case WARDEN_HC_CELL_SHUTDOWN:
		return cpu->cell == &root_cell ? cell_shutdown(cpu, arg1) : -EPERM;
	case WARDEN_HC_CELL_GET_STATE:
		return cpu->cell == &root_cell ? cell_get_state(arg1) : -EPERM;
	case WARDEN_HC_CELL_GET_FAILURE:
		return cpu->cell == &root_cell ? cell_get_failure(arg1, arg2) : -EPERM;
	case WARDEN_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case WARDEN_HC_CPU_GET_INFO:
		return cpu_get_info(cpu, arg1, arg2);
#ifdef WARDEN_TEST_HOOKS
	case WARDEN_HC_TEST_PROBE:
		if (cpu->cell != &root_cell)
			return -EPERM;
		return arch_test_probe(cpu, arg1, arg2);
#endif
	case WARDEN_HC_DEBUG_CONSOLE_PUTC:
		if (!(cpu->cell->config->flags & WARDEN_CELL_DEBUG_CONSOLE))
			return -EPERM;
		console_putc((char)arg1);
		return 0;
	default:
		return -ENOSYS;
	}
}
