// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The IA32_APIC_BASE value for the APIC mode the SDK wants (Intel SDM
 * vol. 3A, 10.12.1: EN bit 11, EXTD bit 10). Pure, host-tested in
 * tests/sdk/boot_logic_test.c. The caller writes the MSR only when the value
 * changes: Jailhouse starts cells in x2APIC mode and stops a cell that
 * writes IA32_APIC_BASE, so an image that wants the mode it already has
 * must not touch it.
 */
#include <stdbool.h>
#include <stdint.h>
#include "arch_internal.h"

#define APIC_BASE_EXTD		(1ull << 10)
#define APIC_BASE_ENABLE	(1ull << 11)

uint64_t apic_base_for_mode(uint64_t current, bool x2apic)
{
	uint64_t wanted = current | APIC_BASE_ENABLE;

	return x2apic ? wanted | APIC_BASE_EXTD : wanted & ~APIC_BASE_EXTD;
}

/* x2APIC -> xAPIC is only allowed through "disabled" (SDM 10.12.5). */
bool apic_base_needs_disable_first(uint64_t current, uint64_t wanted)
{
	return (current & APIC_BASE_EXTD) && !(wanted & APIC_BASE_EXTD);
}

uint64_t apic_base_disabled(uint64_t current)
{
	return current & ~(APIC_BASE_EXTD | APIC_BASE_ENABLE);
}
