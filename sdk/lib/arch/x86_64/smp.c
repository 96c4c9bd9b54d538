// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Starting further CPUs: INIT, then STARTUP IPIs with vector 0, so that the
 * CPU starts in real mode at address 0, the image's reset code (Intel SDM
 * vol. 3A, 8.4.4.1 for the INIT-SIPI-SIPI sequence and its delays). In a
 * cell the hypervisor turns these into a start of the cell's CPU at its
 * reset address, which is the same code. entry.S hands the CPU the stack
 * in smp_ap_stack; it clears it once it has taken its start record.
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

#define INIT_DELAY_US		10000
#define STARTUP_DELAY_US	200
#define START_TIMEOUT_US	200000

static struct percpu cpus[SMP_MAX_CPUS];
/* each with its guard page first (unmapped when the CPU is started) */
static uint8_t stacks[SMP_MAX_CPUS][4096 + SMP_STACK_SIZE] __attribute__((aligned(4096)));
static volatile bool online[SMP_MAX_CPUS];
/* Set by smp_start_cpu() only, so that an image that starts no CPU does not
 * keep the stacks (--gc-sections) just for the exit report. */
static uint8_t *started_stack[SMP_MAX_CPUS];
static unsigned int online_count = 1;

static struct {
	unsigned int cpu;
	smp_entry_t entry;
	void *arg;
} start_record;
static int start_lock;

struct percpu *smp_percpu(unsigned int cpu)
{
	cpus[cpu].cpu = cpu;
	return &cpus[cpu];
}

uint32_t arch_boot_apic_id(void)
{
	return cpus[0].apic_id;
}

unsigned int smp_this_cpu(void)
{
	return this_percpu()->cpu;
}

extern uint8_t __boot_stack_bottom[];

uint8_t *arch_started_stack(unsigned int cpu)
{
	return started_stack[cpu];
}

uintptr_t smp_stack_guard_page(unsigned int cpu)
{
	if (cpu == 0)
		return (uintptr_t)__boot_stack_bottom - 4096;
	return cpu < SMP_MAX_CPUS && started_stack[cpu] ? (uintptr_t)started_stack[cpu] - 4096 : 0;
}

void smp_set_cpu_data(void *data)
{
	this_percpu()->app_data = data;
}

void *smp_cpu_data(void)
{
	return this_percpu()->app_data;
}

unsigned int smp_cpus_online(void)
{
	return __atomic_load_n(&online_count, __ATOMIC_ACQUIRE);
}

int smp_send_ipi(unsigned int cpu, unsigned int vector)
{
	if (cpu >= platform_num_cpus() || vector < IRQ_VECTOR_FIRST || vector > 255)
		return -SDK_EINVAL;
	apic_send_icr(platform_cpu_apic_id(cpu), APIC_ICR_FIXED | vector);
	return 0;
}

void smp_secondary_main(void);

void smp_secondary_main(void)
{
	unsigned int cpu = start_record.cpu;
	smp_entry_t entry = start_record.entry;
	void *arg = start_record.arg;

	percpu_install(smp_percpu(cpu));
	tss_install(smp_percpu(cpu));
	__atomic_store_n(&smp_ap_stack, 0, __ATOMIC_RELEASE);
	mtrr_enable_at_boot();
	idt_load();
	apic_cpu_init();
	timer_cpu_init();
	cpus[cpu].apic_id = apic_id();
	__atomic_add_fetch(&online_count, 1, __ATOMIC_RELEASE);
	online[cpu] = true;
	entry(cpu, arg);
	cpu_halt_forever();
}

static bool wait_until_started(void)
{
	uint64_t deadline = time_ns() + START_TIMEOUT_US * 1000ull;

	while (__atomic_load_n(&smp_ap_stack, __ATOMIC_ACQUIRE)) {
		if (time_ns() > deadline)
			return false;
		cpu_relax();
	}
	return true;
}

static int send_init_startup(uint32_t apic)
{
	int attempt;

	apic_send_icr(apic, APIC_ICR_INIT | APIC_ICR_ASSERT);
	delay_us(INIT_DELAY_US);
	for (attempt = 0; attempt < 2; attempt++) {
		apic_send_icr(apic, APIC_ICR_STARTUP | 0 /* vector: address 0 */);
		delay_us(STARTUP_DELAY_US);
		if (!__atomic_load_n(&smp_ap_stack, __ATOMIC_ACQUIRE))
			return 0;
	}
	return wait_until_started() ? 0 : -SDK_ETIMEDOUT;
}

int smp_start_cpu(unsigned int cpu, smp_entry_t entry, void *arg)
{
	uint64_t deadline;
	int err;

	if (cpu == 0 || cpu >= platform_num_cpus() || cpu >= SMP_MAX_CPUS || !entry)
		return -SDK_EINVAL;
	if (online[cpu])
		return -SDK_EBUSY;
	while (__atomic_exchange_n(&start_lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
	guard_page_unmap((uintptr_t)stacks[cpu]);
	stack_paint(stacks[cpu] + 4096, stacks[cpu] + 4096 + SMP_STACK_SIZE);
	started_stack[cpu] = stacks[cpu] + 4096;
	start_record.cpu = cpu;
	start_record.entry = entry;
	start_record.arg = arg;
	__atomic_store_n(&smp_ap_stack, (uint64_t)(stacks[cpu] + 4096 + SMP_STACK_SIZE),
			 __ATOMIC_RELEASE);
	err = send_init_startup(platform_cpu_apic_id(cpu));
	__atomic_store_n(&smp_ap_stack, 0, __ATOMIC_RELEASE);
	if (!err) {
		deadline = time_ns() + START_TIMEOUT_US * 1000ull;
		while (!online[cpu] && time_ns() < deadline)
			cpu_relax();
		err = online[cpu] ? 0 : -SDK_ETIMEDOUT;
	}
	__atomic_store_n(&start_lock, 0, __ATOMIC_RELEASE);
	return err;
}
