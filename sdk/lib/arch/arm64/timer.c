// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The per-CPU timer: the generic timer's EL1 virtual timer (ARM DDI 0487
 * D12.2), or its EL1 physical timer with "generic-timer=physical" on the
 * command line (for a hypervisor that gives the cell CNTP and keeps CNTV,
 * or to compare the two), always programmed by compare value
 * (CNTV_CVAL_EL0 / CNTP_CVAL_EL0), so "deadline" is the native mode. The
 * SDK's time base (time_tsc) stays the virtual count, so that reading it
 * costs no test on the interrupt path; the physical timer's CVAL is that
 * plus CNTVOFF (CNTPCT = CNTVCT + CNTVOFF, D12.1.1), which EL1 cannot read
 * but measures once. One-shot adds the delay to the counter, periodic
 * re-arms CVAL += period in the interrupt, before the handler, so the
 * period does not drift with the handler's lateness. The timer line is
 * level: the SDK masks or re-arms it before the EOI.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"
#include "../../sdk_internal.h"

#define CTL_ENABLE	(1 << 0)
#define CTL_IMASK	(1 << 1)

static void write_ctl(uint64_t value)
{
	if (arm64_platform.timer_physical)
		write_sysreg(cntp_ctl_el0, value);
	else
		write_sysreg(cntv_ctl_el0, value);
}

static void write_cval(uint64_t value)
{
	if (arm64_platform.timer_physical)
		write_sysreg(cntp_cval_el0, value + arm64_platform.physical_offset);
	else
		write_sysreg(cntv_cval_el0, value);
}

/*
 * CNTVOFF from EL1: CNTPCT - CNTVCT read as close together as two reads
 * go, in both orders: physical first gives at most the offset, virtual
 * first at least; the smallest such window over a few tries, its middle.
 * (An SDK that dropped from EL2 itself set CNTVOFF to 0: then both are 0.)
 */
static uint64_t measure_physical_offset(void)
{
	uint64_t p1, v1, v2, p2, low = 0, high = UINT64_MAX;
	unsigned int i;

	for (i = 0; i < 8; i++) {
		isb();
		p1 = read_sysreg(cntpct_el0);
		isb();
		v1 = read_sysreg(cntvct_el0);
		isb();
		v2 = read_sysreg(cntvct_el0);
		isb();
		p2 = read_sysreg(cntpct_el0);
		if (p1 - v1 > low || i == 0)
			low = p1 - v1;
		if (p2 - v2 < high)
			high = p2 - v2;
	}
	return low + (high - low) / 2;
}

/* Once, on the boot CPU, before the clock and the timer are set up. A bad
 * value keeps the virtual timer and says so. */
void timer_select(void)
{
	char which[16] = "virtual";

	cmdline_get_string("generic-timer", which, sizeof(which));
	arm64_platform.timer_physical = strcmp(which, "physical") == 0;
	if (arm64_platform.timer_physical)
		arm64_platform.physical_offset = measure_physical_offset();
	arm64_platform.timer_ppi = arm64_platform.timer_physical ?
		arm64_platform.physical_timer_ppi : arm64_platform.virtual_timer_ppi;
	if (strcmp(which, "physical") && strcmp(which, "virtual"))
		printk("warden-sdk: generic-timer=%s: expected virtual or physical; using the "
		       "virtual timer\n", which);
}

void timer_cpu_init(void)
{
	write_ctl(0);
	gic_enable_ppi_sgi(arm64_platform.timer_ppi);
}

bool timer_has_deadline_mode(void)
{
	return true;
}

uint32_t timer_khz(void)
{
	return platform_tsc_khz();
}

const char *timer_hardware_name(void)
{
	return arm64_platform.timer_physical ? "generic timer (physical)" : "generic timer (virtual)";
}

int timer_setup(unsigned int vector, irq_handler_t handler, void *context)
{
	int err;

	if (vector < IRQ_VECTOR_FIRST || vector > IRQ_VECTOR_LAST)
		return -SDK_EINVAL;
	irq_unregister(vector);
	err = irq_register(vector, handler, context);
	if (!err)
		this_cpu()->timer_vector = vector;
	return err;
}

static void arm_cval(uint64_t cval)
{
	struct percpu *cpu = this_cpu();

	cpu->timer_cval = cval;
	write_cval(cval);
	write_ctl(CTL_ENABLE);
	isb();
}

int timer_start_deadline(uint64_t deadline)
{
	struct percpu *cpu = this_cpu();

	cpu->timer_periodic = false;
	cpu->sdk_wakeup = false;
	arm_cval(deadline);
	return 0;
}

int timer_start_oneshot(uint64_t delay_ns)
{
	if (delay_ns == 0)
		return -SDK_EINVAL;
	return timer_start_deadline(time_tsc() + time_ns_to_tsc(delay_ns));
}

int timer_start_periodic(uint64_t period_ns)
{
	struct percpu *cpu = this_cpu();
	uint64_t period = time_ns_to_tsc(period_ns);

	if (period == 0)
		return -SDK_EINVAL;
	cpu->timer_periodic = true;
	cpu->sdk_wakeup = false;
	cpu->timer_period = period;
	arm_cval(time_tsc() + period);
	return 0;
}

void timer_stop(void)
{
	struct percpu *cpu = this_cpu();

	cpu->timer_periodic = false;
	cpu->sdk_wakeup = false;
	write_ctl(0);
	isb();
}

void timer_arm_wakeup(uint64_t deadline)
{
	struct percpu *cpu = this_cpu();

	cpu->timer_periodic = false;
	cpu->sdk_wakeup = true;
	arm_cval(deadline);
}

/* The timer fired: re-arm (periodic, skipping periods already past) or
 * stop it, and say which vector's handler runs. */
unsigned int timer_interrupt(struct percpu *cpu)
{
	uint64_t now;

	if (cpu->sdk_wakeup) {
		cpu->sdk_wakeup = false;
		write_ctl(0);
		isb();
		return IRQ_VECTOR_SDK;
	}
	if (cpu->timer_periodic) {
		now = time_tsc();
		do
			cpu->timer_cval += cpu->timer_period;
		while (cpu->timer_cval <= now);
		write_cval(cpu->timer_cval);
	} else {
		write_ctl(0);
	}
	isb();
	return cpu->timer_vector;
}
