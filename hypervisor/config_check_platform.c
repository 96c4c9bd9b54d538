// SPDX-License-Identifier: GPL-2.0-only
/*
 * Configuration validator: the system-wide part (hypervisor memory, debug
 * console, platform devices) and the windows that no cell may map because
 * the hypervisor emulates or owns them.
 */
#include "config_check_internal.h"

/* Intel SDM vol. 3A, 11.4.1: the local APIC's default base; one 4 KiB page. */
#define LOCAL_APIC_BASE		0xfee00000ULL
#define IOAPIC_WINDOW_SIZE	0x1000ULL
/* PCI Express base spec, 7.2.2: 1 MiB of ECAM space per bus. */
#define ECAM_BUS_SIZE		0x100000ULL
/* An 8250 occupies 8 consecutive I/O ports. */
#define UART_8250_PORTS		8

void console_check(struct check *check, const struct warden_console *console,
		   const char *element)
{
	__u32 width = console->flags &
		(WARDEN_CONSOLE_ACCESS_MMIO8 | WARDEN_CONSOLE_ACCESS_MMIO32);

	if (console->type > WARDEN_CONSOLE_TYPE_MAX) {
		check_error(check, "%s: type %u is unknown", element, console->type);
		return;
	}
	if (console->flags & ~WARDEN_CONSOLE_FLAGS_KNOWN)
		check_error(check, "%s: flags 0x%x has unknown bits 0x%x", element,
			    console->flags, console->flags & ~WARDEN_CONSOLE_FLAGS_KNOWN);
	switch (console->type) {
	case WARDEN_CONSOLE_NONE:
		if (console->address)
			check_error(check, "%s: type none with address 0x%llx", element,
				    console->address);
		break;
	case WARDEN_CONSOLE_8250_PIO:
		if (console->address > WARDEN_PIO_PORTS - UART_8250_PORTS)
			check_error(check, "%s: 8250 I/O port 0x%llx is beyond 0x%x",
				    element, console->address,
				    WARDEN_PIO_PORTS - UART_8250_PORTS);
		if (width)
			check_error(check, "%s: MMIO access flags 0x%x on a port-I/O console",
				    element, width);
		break;
	case WARDEN_CONSOLE_8250_MMIO:
		if (!console->address)
			check_error(check, "%s: 8250 MMIO address is 0", element);
		if (width != WARDEN_CONSOLE_ACCESS_MMIO8 &&
		    width != WARDEN_CONSOLE_ACCESS_MMIO32)
			check_error(check, "%s: flags 0x%x must select exactly one access width (mmio8 or mmio32)",
				    element, console->flags);
		break;
	}
	if (console->reserved)
		check_error(check, "%s: reserved field is 0x%x, not 0", element,
			    console->reserved);
}

void platform_check_windows(struct check *check, const struct system_view *system,
			    int with_hypervisor_memory, const char *element, unsigned int index, __u64 start,
			    __u64 size)
{
	const struct warden_system_config *config = system->config;
	const struct warden_platform *platform = &config->platform;
	const struct warden_memory *hv = &config->hypervisor_memory;
	__u64 window;
	unsigned int i;

	if (config->header.architecture == WARDEN_ARCH_X86_64 &&
	    check_ranges_overlap(start, size, LOCAL_APIC_BASE, 0x1000))
		check_error(check, "%s %u: phys_start 0x%llx size 0x%llx covers the local APIC window 0x%llx",
			    element, index, start, size, LOCAL_APIC_BASE);
	for (i = 0; i < system->ioapic_count; i++) {
		window = system->ioapics[i].address & ~(IOAPIC_WINDOW_SIZE - 1);
		if (check_ranges_overlap(start, size, window, IOAPIC_WINDOW_SIZE))
			check_error(check, "%s %u: phys_start 0x%llx size 0x%llx covers IOAPIC %u's window 0x%llx",
				    element, index, start, size, i, window);
	}
	for (i = 0; i < system->iommu_count; i++) {
		window = system->iommus[i].base;
		if (check_range_valid(window, system->iommus[i].size) &&
		    check_ranges_overlap(start, size, window, system->iommus[i].size))
			check_error(check, "%s %u: phys_start 0x%llx size 0x%llx covers IOMMU unit %u's window 0x%llx",
				    element, index, start, size, i, window);
	}
	if (platform->mmconfig_base && platform->mmconfig_end_bus >= platform->mmconfig_start_bus) {
		window = (__u64)(platform->mmconfig_end_bus - platform->mmconfig_start_bus + 1) *
			ECAM_BUS_SIZE;
		if (check_range_valid(platform->mmconfig_base, window) &&
		    check_ranges_overlap(start, size, platform->mmconfig_base, window))
			check_error(check, "%s %u: phys_start 0x%llx size 0x%llx covers the MMCONFIG window 0x%llx size 0x%llx",
				    element, index, start, size, platform->mmconfig_base,
				    window);
	}
	if (with_hypervisor_memory && check_range_valid(hv->phys_start, hv->size) &&
	    check_ranges_overlap(start, size, hv->phys_start, hv->size))
		check_error(check, "%s %u: phys_start 0x%llx size 0x%llx overlaps the hypervisor memory 0x%llx-0x%llx",
			    element, index, start, size, hv->phys_start,
			    hv->phys_start + hv->size - 1);
}

static void iommus_check(struct check *check, const struct system_view *system)
{
	const struct warden_iommu *unit;
	unsigned int i, j;

	for (i = 0; i < system->iommu_count; i++) {
		unit = &system->iommus[i];
		if (unit->type != WARDEN_IOMMU_VTD && unit->type != WARDEN_IOMMU_AMD)
			check_error(check, "iommu unit %u: type %u is unknown", i, unit->type);
		if (!unit->base || unit->base % WARDEN_CONFIG_PAGE_SIZE ||
		    !check_range_valid(unit->base, unit->size)) {
			check_error(check, "iommu unit %u: base 0x%llx size 0x%x is not a page-aligned window",
				    i, unit->base, unit->size);
			continue;
		}
		for (j = 0; j < i; j++)
			if (check_range_valid(system->iommus[j].base, system->iommus[j].size) &&
			    check_ranges_overlap(unit->base, unit->size,
						 system->iommus[j].base, system->iommus[j].size))
				check_error(check, "iommu unit %u: base 0x%llx overlaps iommu unit %u",
					    i, unit->base, j);
	}
}

static void ioapics_check(struct check *check, const struct system_view *system)
{
	const struct warden_ioapic *ioapic, *other;
	unsigned int i, j;

	for (i = 0; i < system->ioapic_count; i++) {
		ioapic = &system->ioapics[i];
		/*
		 * The hypervisor maps and traps IOAPICs a page at a time: one
		 * page-aligned register window per IOAPIC, never two in a page.
		 */
		if (!ioapic->address || ioapic->address % WARDEN_CONFIG_PAGE_SIZE)
			check_error(check, "ioapic %u: address 0x%llx is not a page-aligned "
				    "register window", i, ioapic->address);
		if (!ioapic->pin_count || ioapic->pin_count > WARDEN_IRQCHIP_PINS)
			check_error(check, "ioapic %u: pin_count %u is not 1..%u", i,
				    ioapic->pin_count, WARDEN_IRQCHIP_PINS);
		for (j = 0; j < i; j++) {
			other = &system->ioapics[j];
			if (other->address / WARDEN_CONFIG_PAGE_SIZE ==
			    ioapic->address / WARDEN_CONFIG_PAGE_SIZE)
				check_error(check, "ioapic %u: address 0x%llx is in the page of "
					    "ioapic %u's", i, ioapic->address, j);
			if (other->id == ioapic->id)
				check_error(check, "ioapic %u: id %u is also ioapic %u's", i,
					    ioapic->id, j);
			if (ioapic->pin_count && other->pin_count &&
			    check_ranges_overlap(ioapic->gsi_base, ioapic->pin_count,
						 other->gsi_base, other->pin_count))
				check_error(check, "ioapic %u: GSIs %u-%u overlap ioapic %u's",
					    i, ioapic->gsi_base,
					    ioapic->gsi_base + ioapic->pin_count - 1, j);
		}
	}
}

static void platform_fields_check(struct check *check, const struct warden_platform *p)
{
	if (p->mmconfig_base % ECAM_BUS_SIZE)
		check_error(check, "platform: mmconfig_base 0x%llx is not 1 MiB aligned",
			    p->mmconfig_base);
	if (p->mmconfig_end_bus < p->mmconfig_start_bus)
		check_error(check, "platform: mmconfig bus range %u-%u is empty",
			    p->mmconfig_start_bus, p->mmconfig_end_bus);
	if (p->pm_timer_port && (p->pm_timer_port > WARDEN_PIO_PORTS - 4 ||
				 (p->pm_timer_bits != 24 && p->pm_timer_bits != 32)))
		check_error(check, "platform: pm_timer_port 0x%x bits %u: want a port below 0x%x and 24 or 32 bits",
			    p->pm_timer_port, p->pm_timer_bits, WARDEN_PIO_PORTS - 4);
	if (p->apic_mode != WARDEN_APIC_MODE_XAPIC && p->apic_mode != WARDEN_APIC_MODE_X2APIC)
		check_error(check, "platform: apic_mode %u is unknown (1 xapic, 2 x2apic)",
			    p->apic_mode);
	if (p->reserved)
		check_error(check, "platform: reserved field is 0x%x, not 0", p->reserved);
}

void platform_check(struct check *check, const struct system_view *system)
{
	const struct warden_system_config *config = system->config;
	const struct warden_memory *hv = &config->hypervisor_memory;

	if (config->flags & ~WARDEN_SYSTEM_FLAGS_KNOWN)
		check_error(check, "flags 0x%x has unknown bits 0x%x", config->flags,
			    config->flags & ~WARDEN_SYSTEM_FLAGS_KNOWN);
	if (config->reserved)
		check_error(check, "reserved field is 0x%x, not 0", config->reserved);
	if (!check_range_valid(hv->phys_start, hv->size) ||
	    hv->phys_start % WARDEN_CONFIG_PAGE_SIZE || hv->size % WARDEN_CONFIG_PAGE_SIZE)
		check_error(check, "hypervisor memory: phys_start 0x%llx size 0x%llx is not a non-empty page-aligned range",
			    hv->phys_start, hv->size);
	console_check(check, &config->debug_console, "debug console");
	platform_fields_check(check, &config->platform);
	iommus_check(check, system);
	ioapics_check(check, system);
	if (check_range_valid(hv->phys_start, hv->size))
		platform_check_windows(check, system, 0, "hypervisor memory", 0,
				       hv->phys_start, hv->size);
}
