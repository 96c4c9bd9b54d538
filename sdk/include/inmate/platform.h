/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Platform facts: from the comm region in a cell; bare on QEMU the SDK
 * gathers them itself (ACPI FADT/MADT/MCFG, TSC calibration) and fills an
 * equivalent comm region.
 */
#ifndef INMATE_PLATFORM_H
#define INMATE_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>

bool platform_is_bare(void);		/* booted without hypervisor */
unsigned int platform_num_cpus(void);
uint32_t platform_cpu_apic_id(unsigned int cpu);	/* cpu: 0..num-1 */
uint16_t platform_pm_timer_port(void);
bool platform_pm_timer_32bit(void);
uint32_t platform_tsc_khz(void);
uint32_t platform_apic_khz(void);	/* local APIC timer input */
uint64_t platform_mmconfig_base(void);	/* 0: none */
uint64_t platform_ram_size(void);

/* Print the facts, one "name: value" per line (hello does this). */
void platform_print(void);

#endif /* INMATE_PLATFORM_H */
