// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Further CPUs through PSCI CPU_ON (Arm DEN 0022, 5.1.4): the CPU starts
 * with the MMU off at secondary_entry (entry.S) with the cell CPU number
 * as context id, takes its stack from smp_stack_tops, enables the same
 * identity map and comes here. IPIs: the vector is posted in the target's
 * pending set, then SGI 0 wakes it (irq.c runs the posted vectors).
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"
#include "../../sdk_internal.h"

#define START_TIMEOUT_US	200000

static struct percpu cpus[SMP_MAX_CPUS];
/* each with its guard page first (unmapped when the CPU is started) */
static uint8_t stacks[SMP_MAX_CPUS][4096 + SMP_STACK_SIZE] __attribute__((aligned(4096)));
static bool guarded[SMP_MAX_CPUS];
extern char __boot_stack_guard[];

_Static_assert(SMP_MAX_CPUS == EXCEPTION_STACK_CPUS, "an exception stack per CPU (vectors.S)");
uint64_t smp_stack_tops[SMP_MAX_CPUS];	/* read by secondary_entry, MMU off */
static volatile bool online[SMP_MAX_CPUS];
static uint8_t *started_stack[SMP_MAX_CPUS];
static unsigned int online_count = 1;
static struct {
	smp_entry_t entry;
	void *arg;
} start_record[SMP_MAX_CPUS];

extern char secondary_entry[];

struct percpu *smp_percpu(unsigned int cpu)
{
	cpus[cpu].cpu = cpu;
	return &cpus[cpu];
}

struct percpu *this_cpu(void)
{
	return (struct percpu *)read_sysreg(tpidr_el1);
}

unsigned int smp_this_cpu(void)
{
	return this_cpu()->cpu;
}

uint8_t *arch_started_stack(unsigned int cpu)
{
	return started_stack[cpu];
}

/* The boot stack's guard page is unmapped by the boot (setup.c); 0 where
 * the map has no 4 KiB pages there (a cell's map). */
uintptr_t smp_stack_guard_page(unsigned int cpu)
{
	if (cpu >= SMP_MAX_CPUS || !guarded[cpu])
		return 0;
	return cpu == 0 ? (uintptr_t)__boot_stack_guard : (uintptr_t)stacks[cpu];
}

void smp_guard_boot_stack(void)
{
	guarded[0] = guard_page_unmap((uintptr_t)__boot_stack_guard);
}

void smp_set_cpu_data(void *data)
{
	this_cpu()->app_data = data;
}

void *smp_cpu_data(void)
{
	return this_cpu()->app_data;
}

unsigned int smp_cpus_online(void)
{
	return __atomic_load_n(&online_count, __ATOMIC_ACQUIRE);
}

int smp_send_ipi(unsigned int cpu, unsigned int vector)
{
	if (cpu >= platform_num_cpus() || cpu >= SMP_MAX_CPUS || vector < IRQ_VECTOR_FIRST ||
	    vector > IRQ_VECTOR_LAST)
		return -SDK_EINVAL;
	__atomic_or_fetch(&cpus[cpu].pending_ipis[vector / 64], 1ull << (vector % 64),
			  __ATOMIC_RELEASE);
	gic_send_sgi(arm64_platform.cpu_mpidr[cpu], GIC_SGI_IPI);
	return 0;
}

void smp_secondary_main(unsigned int cpu);

void smp_secondary_main(unsigned int cpu)
{
	write_sysreg(tpidr_el1, smp_percpu(cpu));
	this_cpu()->mpidr = read_sysreg(mpidr_el1) & 0xff00ffffffull;
	gic_init_cpu();
	timer_cpu_init();
	__atomic_add_fetch(&online_count, 1, __ATOMIC_RELEASE);
	online[cpu] = true;
	start_record[cpu].entry(cpu, start_record[cpu].arg);
	cpu_halt_forever();
}

/* What the new CPU reads with its MMU and caches off must be in memory. */
static void clean_to_poc(const void *start, size_t size)
{
	uintptr_t line;

	for (line = (uintptr_t)start & ~63ul; line < (uintptr_t)start + size; line += 64)
		__asm__ volatile("dc cvac, %0" : : "r"(line) : "memory");
	dsb(sy);
}

int smp_start_cpu(unsigned int cpu, smp_entry_t entry, void *arg)
{
	uint64_t deadline;
	int64_t err;

	if (cpu == 0 || cpu >= platform_num_cpus() || cpu >= SMP_MAX_CPUS || !entry)
		return -SDK_EINVAL;
	if (online[cpu])
		return -SDK_EBUSY;
	if (!guarded[cpu])
		guarded[cpu] = guard_page_unmap((uintptr_t)stacks[cpu]);
	stack_paint(stacks[cpu] + 4096, stacks[cpu] + 4096 + SMP_STACK_SIZE);
	started_stack[cpu] = stacks[cpu] + 4096;
	start_record[cpu].entry = entry;
	start_record[cpu].arg = arg;
	smp_stack_tops[cpu] = (uint64_t)(stacks[cpu] + 4096 + SMP_STACK_SIZE);
	clean_to_poc(&smp_stack_tops[cpu], sizeof(smp_stack_tops[cpu]));
	clean_to_poc(stacks[cpu] + 4096, SMP_STACK_SIZE);
	err = psci_call(PSCI_CPU_ON, arm64_platform.cpu_mpidr[cpu], (uint64_t)secondary_entry, cpu);
	if (err) {
		printk("warden-sdk: PSCI CPU_ON of CPU %u (MPIDR 0x%llx) failed: %lld\n", cpu,
		       (unsigned long long)arm64_platform.cpu_mpidr[cpu], (long long)err);
		return -SDK_EINVAL;
	}
	deadline = time_ns() + START_TIMEOUT_US * 1000ull;
	while (!online[cpu] && time_ns() < deadline)
		cpu_relax();
	return online[cpu] ? 0 : -SDK_ETIMEDOUT;
}
