/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The local APIC, in x2APIC mode (MSRs) where the CPU has it, else xAPIC
 * (MMIO at 0xfee00000). Command line "apic=xapic" forces xAPIC mode.
 * Register numbers are the xAPIC offsets (Intel SDM vol. 3A, 10.4.1);
 * in x2APIC mode the SDK maps them to MSR 0x800 + offset / 16 (10.12.1.2).
 */
#ifndef INMATE_ARCH_APIC_H
#define INMATE_ARCH_APIC_H

#include <stdbool.h>
#include <stdint.h>

#define APIC_REG_ID		0x020
#define APIC_REG_VERSION	0x030
#define APIC_REG_TPR		0x080
#define APIC_REG_EOI		0x0b0
#define APIC_REG_SVR		0x0f0
#define APIC_REG_IRR		0x200	/* 8 registers, 0x10 apart, 32 vectors each */
#define APIC_REG_ICR_LOW	0x300
#define APIC_REG_ICR_HIGH	0x310	/* xAPIC only */
#define APIC_REG_LVT_TIMER	0x320
#define APIC_REG_LVT_LINT0	0x350
#define APIC_REG_LVT_LINT1	0x360
#define APIC_REG_LVT_ERROR	0x370
#define APIC_REG_TIMER_INITIAL	0x380
#define APIC_REG_TIMER_CURRENT	0x390
#define APIC_REG_TIMER_DIVIDE	0x3e0

#define APIC_ICR_FIXED		0x00000000
#define APIC_ICR_INIT		0x00000500
#define APIC_ICR_STARTUP	0x00000600
#define APIC_ICR_PENDING	0x00001000	/* xAPIC delivery status */
#define APIC_ICR_ASSERT		0x00004000
#define APIC_ICR_LEVEL		0x00008000

bool apic_is_x2apic(void);
uint32_t apic_id(void);
uint32_t apic_read(unsigned int reg);
void apic_write(unsigned int reg, uint32_t value);
void apic_eoi(void);
/* Send an interrupt command to one destination APIC ID. */
void apic_send_icr(uint32_t destination, uint32_t command);

/* Enable this CPU's local APIC in the boot-selected mode (SDK startup). */
void apic_cpu_init(void);

#endif /* INMATE_ARCH_APIC_H */
