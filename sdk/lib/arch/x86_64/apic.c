// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Local APIC access in x2APIC mode (MSR 0x800 + reg/16, Intel SDM vol. 3A,
 * 10.12) or xAPIC mode (MMIO page at 0xfee00000, 10.4.1); the mode is
 * chosen once on the boot CPU and every CPU enables its APIC in it.
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"

#define XAPIC_BASE		0xfee00000ull
#define X2APIC_MSR_BASE		0x800
#define APIC_SVR_ENABLE		0x100
#define APIC_LVT_MASKED		0x10000
#define CPUID1_ECX_X2APIC	(1u << 21)

static bool use_x2apic;

bool apic_is_x2apic(void)
{
	return use_x2apic;
}

uint32_t apic_read(unsigned int reg)
{
	if (use_x2apic)
		return (uint32_t)rdmsr(X2APIC_MSR_BASE + reg / 16);
	return mmio_read32(XAPIC_BASE + reg);
}

void apic_write(unsigned int reg, uint32_t value)
{
	if (use_x2apic)
		wrmsr(X2APIC_MSR_BASE + reg / 16, value);
	else
		mmio_write32(XAPIC_BASE + reg, value);
}

uint32_t apic_id(void)
{
	uint32_t id = apic_read(APIC_REG_ID);

	return use_x2apic ? id : id >> 24;
}

void apic_eoi(void)
{
	apic_write(APIC_REG_EOI, 0);
}

void apic_send_icr(uint32_t destination, uint32_t command)
{
	unsigned long flags = irq_save();

	if (use_x2apic) {
		/* One 64-bit MSR write, no delivery status (SDM 10.12.9). */
		wrmsr(X2APIC_MSR_BASE + APIC_REG_ICR_LOW / 16,
		      ((uint64_t)destination << 32) | command);
	} else {
		while (apic_read(APIC_REG_ICR_LOW) & APIC_ICR_PENDING)
			cpu_relax();
		apic_write(APIC_REG_ICR_HIGH, destination << 24);
		apic_write(APIC_REG_ICR_LOW, command);
	}
	irq_restore(flags);
}

void apic_cpu_init(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE), wanted = apic_base_for_mode(base, use_x2apic);

	if (wanted != base) {	/* apic_mode.c: only when the mode must change */
		if (apic_base_needs_disable_first(base, wanted))
			wrmsr(MSR_APIC_BASE, apic_base_disabled(base));
		wrmsr(MSR_APIC_BASE, wanted);
	}
	apic_write(APIC_REG_TPR, 0);
	apic_write(APIC_REG_LVT_TIMER, APIC_LVT_MASKED);
	/* LINT0 carries the legacy PIC (ExtINT) on the boot CPU: not ours. */
	apic_write(APIC_REG_LVT_LINT0, APIC_LVT_MASKED);
	apic_write(APIC_REG_SVR, APIC_SVR_ENABLE | IRQ_VECTOR_SPURIOUS);
}

void apic_boot_init(void)
{
	char mode[16] = "";
	bool has_x2apic = cpuid(1, 0).ecx & CPUID1_ECX_X2APIC;

	cmdline_get_string("apic", mode, sizeof(mode));
	if (strcmp(mode, "xapic") == 0)
		use_x2apic = false;
	else if (strcmp(mode, "x2apic") == 0 && !has_x2apic)
		printk("warden-sdk: apic=x2apic: this CPU has no x2APIC, using xAPIC\n");
	else if (mode[0] && strcmp(mode, "x2apic") != 0)
		printk("warden-sdk: apic=%s: expected 'xapic' or 'x2apic', using %s\n", mode,
		       has_x2apic ? "x2apic" : "xapic");
	if (strcmp(mode, "xapic") != 0)
		use_x2apic = has_x2apic;
	apic_cpu_init();
}
