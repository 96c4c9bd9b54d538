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

#define LVT_MASKED		0x10000
#define LVT_TIMER_ONESHOT	0x00000
#define LVT_TIMER_PERIODIC	0x20000
#define LVT_TIMER_DEADLINE	0x40000
#define DIVIDE_BY_1		0xb
#define CPUID1_ECX_TSC_DEADLINE	(1u << 24)

void timer_cpu_init(void)
{
	apic_write(APIC_REG_LVT_TIMER, LVT_MASKED);
	apic_write(APIC_REG_TIMER_DIVIDE, DIVIDE_BY_1);
}

bool timer_has_deadline_mode(void)
{
	return cpuid(1, 0).ecx & CPUID1_ECX_TSC_DEADLINE;
}

uint32_t timer_khz(void)
{
	return platform_apic_khz();
}

const char *timer_hardware_name(void)
{
	return apic_is_x2apic() ? "x2APIC" : "xAPIC";
}

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

int timer_setup(unsigned int vector, irq_handler_t handler, void *context)
{
	int err = irq_register(vector, handler, context);

	if (err)
		return err;
	this_percpu()->timer_vector = vector;
	this_percpu()->timer_armed = false;
	apic_write(APIC_REG_LVT_TIMER, LVT_MASKED | vector);
	return 0;
}

static int timer_count(uint64_t ns, uint32_t *count)
{
	uint64_t counts = ns * timer_khz() / 1000000;

	if (counts == 0 || counts > 0xffffffffull)
		return -SDK_ERANGE;
	*count = (uint32_t)counts;
	return 0;
}

static int timer_start_counting(uint64_t ns, uint32_t lvt_mode, enum timer_mode mode)
{
	struct percpu *cpu = this_percpu();
	uint32_t count;
	int err;

	if (!cpu->timer_vector)
		return -SDK_EINVAL;
	err = timer_count(ns, &count);
	if (err)
		return err;
	/* Re-arming in the same mode writes only the count: one register
	 * access less on the path a control loop takes every period. */
	if (cpu->timer_mode != mode || !cpu->timer_armed) {
		cpu->timer_mode = mode;
		cpu->timer_armed = true;
		apic_write(APIC_REG_LVT_TIMER, lvt_mode | cpu->timer_vector);
	}
	apic_write(APIC_REG_TIMER_INITIAL, count);
	return 0;
}

int timer_start_periodic(uint64_t period_ns)
{
	return timer_start_counting(period_ns, LVT_TIMER_PERIODIC, TIMER_PERIODIC);
}

int timer_start_oneshot(uint64_t delay_ns)
{
	return timer_start_counting(delay_ns, LVT_TIMER_ONESHOT, TIMER_ONESHOT);
}

int timer_start_deadline(uint64_t tsc_deadline)
{
	struct percpu *cpu = this_percpu();

	if (!cpu->timer_vector)
		return -SDK_EINVAL;
	/*
	 * CPUID is checked only when entering deadline mode, never on a re-arm:
	 * in a cell, CPUID may be intercepted, and the re-arm is the hot path of
	 * every period (one VM exit per interrupt otherwise).
	 */
	if (cpu->timer_mode != TIMER_DEADLINE || !cpu->timer_armed) {
		if (!timer_has_deadline_mode())
			return -SDK_ENOTSUP;
		cpu->timer_mode = TIMER_DEADLINE;
		cpu->timer_armed = true;
		apic_write(APIC_REG_LVT_TIMER, LVT_TIMER_DEADLINE | cpu->timer_vector);
		/* The LVT write must land before the MSR write (SDM 10.5.4.1). */
		memory_barrier();
	}
	wrmsr(MSR_TSC_DEADLINE, tsc_deadline ? tsc_deadline : 1);
	return 0;
}

void timer_stop(void)
{
	struct percpu *cpu = this_percpu();

	if (cpu->timer_mode == TIMER_DEADLINE && timer_has_deadline_mode())
		wrmsr(MSR_TSC_DEADLINE, 0);
	apic_write(APIC_REG_LVT_TIMER, LVT_MASKED | cpu->timer_vector);
	apic_write(APIC_REG_TIMER_INITIAL, 0);
	cpu->timer_armed = false;
}
