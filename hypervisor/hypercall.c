// SPDX-License-Identifier: GPL-2.0-only
/* Hypercalls from the root cell (numbers in include/warden/hypercall.h). */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>
#include <hv/printk.h>

static unsigned int cpus_left;

static s64 hypervisor_get_info(u64 what)
{
	switch (what) {
	case WARDEN_INFO_MEM_POOL_SIZE:
		return (s64)pool_size_pages();
	case WARDEN_INFO_MEM_POOL_USED:
		return (s64)pool_used_pages();
	case WARDEN_INFO_NUM_CELLS:
		return 1;
	case WARDEN_INFO_CONSOLE_HEAD:
		return (s64)console_head();
	default:
		return -EINVAL;
	}
}

static s64 cpu_get_info(u64 id, u64 what)
{
	struct per_cpu *target;

	if (id >= MAX_CPUS || !per_cpu(id)->cell)
		return -EINVAL;
	target = per_cpu(id);
	if (what == WARDEN_CPU_INFO_STATE)
		return target->state;
	if (what >= WARDEN_CPU_INFO_EXITS_BASE &&
	    what < WARDEN_CPU_INFO_EXITS_BASE + WARDEN_EXIT_COUNT)
		return (s64)(target->exits[what - WARDEN_CPU_INFO_EXITS_BASE] & ~(1ULL << 63));
	return -EINVAL;
}

/*
 * Each CPU of the root cell calls DISABLE; the CPU leaves at once, in the
 * state the guest was in, and the last one out ends the hypervisor.
 */
static void __noreturn disable(struct per_cpu *cpu)
{
	if (__atomic_add_fetch(&cpus_left, 1, __ATOMIC_SEQ_CST) ==
	    hypervisor_header.online_cpus)
		printk("Warden: disabled, all CPUs handed back to Linux\n");
	cpu->state = WARDEN_CPU_OFF;
	arch_vcpu_leave(cpu);
}

s64 hypercall(struct per_cpu *cpu, u64 code, u64 arg1, u64 arg2)
{
	switch (code) {
	case WARDEN_HC_DISABLE:
		if (cpu->cell != &root_cell)
			return -EPERM;
		disable(cpu);
	case WARDEN_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case WARDEN_HC_CPU_GET_INFO:
		return cpu_get_info(arg1, arg2);
	case WARDEN_HC_DEBUG_CONSOLE_PUTC:
		if (!(cpu->cell->config->flags & WARDEN_CELL_DEBUG_CONSOLE))
			return -EPERM;
		console_putc((char)arg1);
		return 0;
	default:
		return -ENOSYS;
	}
}
