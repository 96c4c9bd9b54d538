/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * IOAPIC pin routing (Intel 82093AA datasheet, 3.2.4): a pin delivers a
 * fixed interrupt with a vector to one CPU (physical APIC ID < 256).
 */
#ifndef INMATE_ARCH_IOAPIC_H
#define INMATE_ARCH_IOAPIC_H

#include <stdint.h>

#define IOAPIC_DEFAULT_BASE	0xfec00000ull

#define IOAPIC_EDGE		0x0000
#define IOAPIC_LEVEL		0x0001
#define IOAPIC_ACTIVE_HIGH	0x0000
#define IOAPIC_ACTIVE_LOW	0x0002

/* Number of pins of the IOAPIC (from its version register). */
unsigned int ioapic_pin_count(void);
int ioapic_route_pin(unsigned int pin, unsigned int vector, uint32_t apic_id,
		     unsigned int flags);
int ioapic_mask_pin(unsigned int pin);
/* Raw redirection entry of a pin (for checks). */
uint64_t ioapic_read_entry(unsigned int pin);

#endif /* INMATE_ARCH_IOAPIC_H */
