// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The local APIC timer (Intel SDM vol. 3A, 10.5.4): one-shot and periodic
 * mode count down from the initial count at the APIC timer rate (divider 1
 * here); TSC-deadline mode fires when the TSC reaches IA32_TSC_DEADLINE
 * (10.5.4.1, CPUID.1:ECX[24]).
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

#define LVT_MASKED		0x10000
#define LVT_TIMER_ONESHOT	0x00000
#define LVT_TIMER_PERIODIC	0x20000
#define LVT_TIMER_DEADLINE	0x40000
#define DIVIDE_BY_1		0xb

bool timer_has_deadline_mode(void)
{
	return timer_cpuid_has_deadline(cpuid(1, 0).ecx);
}

void timer_cpu_init(void)
{
	struct percpu *cpu = this_percpu();

	apic_write(APIC_REG_LVT_TIMER, LVT_MASKED);
	apic_write(APIC_REG_TIMER_DIVIDE, DIVIDE_BY_1);
	cpu->timer_armed = false;
	/* Once here: in a cell CPUID may cost a VM exit, and the wake-up timer
	 * is armed every period. */
	cpu->has_tsc_deadline = timer_has_deadline_mode();
}

static uint32_t lvt_bits(enum timer_mode mode)
{
	switch (mode) {
	case TIMER_PERIODIC:
		return LVT_TIMER_PERIODIC;
	case TIMER_DEADLINE:
		return LVT_TIMER_DEADLINE;
	default:
		return LVT_TIMER_ONESHOT;
	}
}

/* Writes the LVT only when mode or vector change: one register access less
 * on the path a control loop takes every period, and see docs/sdk.md "Known
 * limits" for what rewriting it from the handler did under TCG. */
static void lvt_program(struct percpu *cpu, enum timer_mode mode, unsigned int vector)
{
	if (cpu->timer_armed && cpu->timer_mode == mode && cpu->lvt_vector == vector)
		return;
	cpu->timer_mode = mode;
	cpu->lvt_vector = vector;
	cpu->timer_armed = true;
	apic_write(APIC_REG_LVT_TIMER, lvt_bits(mode) | vector);
	/* In deadline mode, the LVT write must land before the MSR write
	 * (SDM 10.5.4.1). */
	memory_barrier();
}

uint32_t timer_khz(void)
{
	return platform_apic_khz();
}

const char *timer_hardware_name(void)
{
	return apic_is_x2apic() ? "x2APIC" : "xAPIC";
}

int timer_setup(unsigned int vector, irq_handler_t handler, void *context)
{
	int err = irq_register(vector, handler, context);

	if (err)
		return err;
	this_percpu()->timer_vector = vector;
	this_percpu()->lvt_vector = vector;
	this_percpu()->timer_armed = false;
	apic_write(APIC_REG_LVT_TIMER, LVT_MASKED | vector);
	return 0;
}

static int timer_start_counting(uint64_t ns, enum timer_mode mode)
{
	struct percpu *cpu = this_percpu();
	uint32_t count;
	int err;

	if (!cpu->timer_vector)
		return -SDK_EINVAL;
	err = timer_counts_for_ns(ns, timer_khz(), &count);
	if (err)
		return err;
	lvt_program(cpu, mode, cpu->timer_vector);
	apic_write(APIC_REG_TIMER_INITIAL, count);
	return 0;
}

int timer_start_periodic(uint64_t period_ns)
{
	return timer_start_counting(period_ns, TIMER_PERIODIC);
}

int timer_start_oneshot(uint64_t delay_ns)
{
	return timer_start_counting(delay_ns, TIMER_ONESHOT);
}

/*
 * The wake-up of sleep_until_ns() and periodic_wait(): TSC-deadline mode
 * where the CPU has it (exact), else a one-shot count for the time left,
 * rounded up, so that it fires at or after the deadline unless the
 * calibrated APIC rate is off (the sleeper then re-arms for the rest).
 */
int timer_arm_wakeup(uint64_t deadline_tsc, uint64_t now_tsc)
{
	struct percpu *cpu = this_percpu();
	enum timer_mode mode = timer_wakeup_mode(cpu->has_tsc_deadline);
	uint32_t count;

	if (mode == TIMER_DEADLINE) {
		lvt_program(cpu, TIMER_DEADLINE, IRQ_VECTOR_SDK);
		wrmsr(MSR_TSC_DEADLINE, deadline_tsc);
		return 0;
	}
	if (!timer_khz())
		return -SDK_ENOTSUP;
	count = timer_counts_for_tsc(deadline_tsc - now_tsc, platform_tsc_khz(), timer_khz());
	lvt_program(cpu, TIMER_ONESHOT, IRQ_VECTOR_SDK);
	apic_write(APIC_REG_TIMER_INITIAL, count);
	return 0;
}

int timer_start_deadline(uint64_t tsc_deadline)
{
	struct percpu *cpu = this_percpu();

	if (!cpu->timer_vector)
		return -SDK_EINVAL;
	if (!cpu->has_tsc_deadline)
		return -SDK_ENOTSUP;
	lvt_program(cpu, TIMER_DEADLINE, cpu->timer_vector);
	wrmsr(MSR_TSC_DEADLINE, tsc_deadline ? tsc_deadline : 1);
	return 0;
}

void timer_stop(void)
{
	struct percpu *cpu = this_percpu();

	if (cpu->timer_mode == TIMER_DEADLINE && cpu->has_tsc_deadline)
		wrmsr(MSR_TSC_DEADLINE, 0);
	apic_write(APIC_REG_LVT_TIMER, LVT_MASKED | cpu->lvt_vector);
	apic_write(APIC_REG_TIMER_INITIAL, 0);
	cpu->timer_armed = false;
}
