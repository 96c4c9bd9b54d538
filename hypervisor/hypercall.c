// SPDX-License-Identifier: GPL-2.0-only
/* Hypercalls from the root cell (numbers in include/warden/hypercall.h). */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>
#include <hv/printk.h>

static unsigned int cpus_leaving;

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

/*
 * Every CPU of the root cell calls DISABLE (the driver asks them all at
 * once). None leaves before all have arrived: a CPU that runs natively
 * must never meet one that is still a guest of the hypervisor. Refused
 * while other cells exist: their CPUs and memory would be left to nobody.
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
	if (__atomic_add_fetch(&cpus_leaving, 1, __ATOMIC_SEQ_CST) == expected)
		printk("Warden: disabled, all %u CPUs handed back to Linux\n", expected);
	while (__atomic_load_n(&cpus_leaving, __ATOMIC_ACQUIRE) < expected)
		arch_cpu_relax();
	cpu->state = WARDEN_CPU_OFF;
	arch_vcpu_leave(cpu);
}

s64 hypercall(struct per_cpu *cpu, u64 code, u64 arg1, u64 arg2)
{
	switch (code) {
	case WARDEN_HC_DISABLE:
		return disable(cpu);
	case WARDEN_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case WARDEN_HC_CPU_GET_INFO:
		return cpu_get_info(cpu, arg1, arg2);
	case WARDEN_HC_DEBUG_CONSOLE_PUTC:
		if (!(cpu->cell->config->flags & WARDEN_CELL_DEBUG_CONSOLE))
			return -EPERM;
		console_putc((char)arg1);
		return 0;
	default:
		return -ENOSYS;
	}
}
