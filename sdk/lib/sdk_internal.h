/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Interfaces between generic SDK modules and the arch code (not public). */
#ifndef SDK_INTERNAL_H
#define SDK_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

/* platform.c: rates and the IOAPIC base, set once by the startup code. */
void platform_set_clock(uint32_t tsc_khz, uint32_t apic_khz);
void platform_set_ioapic_base(uint64_t base);
uint64_t platform_ioapic_base(void);

/* arch: APIC ID of CPU 0 */
uint32_t arch_boot_apic_id(void);

/* clock.c */
void clock_init(uint32_t tsc_khz);

/* arch: console back ends */
void uart8250_init(uint64_t base, bool mmio, bool regdist4, uint32_t divider);
void uart8250_putc(char c);
void hypercall_detect(void);
bool hypercall_debug_putc(char c);

#endif /* SDK_INTERNAL_H */
