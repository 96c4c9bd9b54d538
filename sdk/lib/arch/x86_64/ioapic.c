// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * IOAPIC (Intel 82093AA datasheet): index register at +0x00, data window
 * at +0x10; version register 1 (bits 23:16 = pins - 1); redirection entry
 * of pin n at 0x10 + 2n (low word: vector, delivery mode, polarity bit 13,
 * trigger mode bit 15, mask bit 16; high word: destination in bits 31:24).
 */
#include <inmate/inmate.h>
#include <inmate/arch/ioapic.h>
#include <inmate/arch/x86.h>
#include "../../sdk_internal.h"

#define IOAPIC_INDEX		0x00
#define IOAPIC_DATA		0x10
#define IOAPIC_REG_VERSION	0x01
#define IOAPIC_REG_ENTRY(pin)	(0x10 + 2 * (pin))
#define ENTRY_ACTIVE_LOW	(1u << 13)
#define ENTRY_LEVEL		(1u << 15)
#define ENTRY_MASKED		(1u << 16)

static uint64_t ioapic_base(void)
{
	uint64_t base = platform_ioapic_base();

	return base ? base : IOAPIC_DEFAULT_BASE;
}

static uint32_t ioapic_read(unsigned int reg)
{
	mmio_write32(ioapic_base() + IOAPIC_INDEX, reg);
	return mmio_read32(ioapic_base() + IOAPIC_DATA);
}

static void ioapic_write(unsigned int reg, uint32_t value)
{
	mmio_write32(ioapic_base() + IOAPIC_INDEX, reg);
	mmio_write32(ioapic_base() + IOAPIC_DATA, value);
}

unsigned int ioapic_pin_count(void)
{
	return ((ioapic_read(IOAPIC_REG_VERSION) >> 16) & 0xff) + 1;
}

uint64_t ioapic_read_entry(unsigned int pin)
{
	return ioapic_read(IOAPIC_REG_ENTRY(pin)) |
	       ((uint64_t)ioapic_read(IOAPIC_REG_ENTRY(pin) + 1) << 32);
}

int ioapic_route_pin(unsigned int pin, unsigned int vector, uint32_t apic_id,
		     unsigned int flags)
{
	uint32_t low = vector;

	if (pin >= ioapic_pin_count() || vector < IRQ_VECTOR_FIRST ||
	    vector > IRQ_VECTOR_LAST || apic_id > 0xff)
		return -SDK_EINVAL;
	if (flags & IOAPIC_LEVEL)
		low |= ENTRY_LEVEL;
	if (flags & IOAPIC_ACTIVE_LOW)
		low |= ENTRY_ACTIVE_LOW;
	/* masked while the entry is half written */
	ioapic_write(IOAPIC_REG_ENTRY(pin), ENTRY_MASKED);
	ioapic_write(IOAPIC_REG_ENTRY(pin) + 1, apic_id << 24);
	ioapic_write(IOAPIC_REG_ENTRY(pin), low);
	return 0;
}

int ioapic_mask_pin(unsigned int pin)
{
	if (pin >= ioapic_pin_count())
		return -SDK_EINVAL;
	ioapic_write(IOAPIC_REG_ENTRY(pin), ioapic_read(IOAPIC_REG_ENTRY(pin)) | ENTRY_MASKED);
	return 0;
}
