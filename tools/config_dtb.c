// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device-tree blob -> configuration model: the file's root node, the system
 * nodes (/hypervisor, /platform, /root-cell) and the entry point.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "config_dtb.h"

static void parse_hypervisor(struct dtb_parser *parser, int node, struct system_model *system)
{
	static const char *const props[] = { "phys-start", "size", NULL };
	int child;

	dtb_only_properties(parser, node, props);
	system->config.hypervisor_memory.phys_start = dtb_u64(parser, node, "phys-start", 0, 1);
	system->config.hypervisor_memory.size = dtb_u64(parser, node, "size", 0, 1);
	fdt_for_each_subnode(child, parser->fdt, node) {
		if (dtb_node_is(parser, child, "console"))
			dtb_parse_console(parser, child, &system->config.debug_console);
		else
			dtb_error(parser, child, NULL, "unknown node (known here: console)");
	}
}

static void parse_ioapic(struct dtb_parser *parser, int node, struct warden_ioapic *ioapic)
{
	static const char *const props[] = { "address", "id", "gsi-base", "pins",
					     "source-id", NULL };

	dtb_only_properties(parser, node, props);
	ioapic->address = dtb_u64(parser, node, "address", 0, 1);
	ioapic->id = (__u8)dtb_u32(parser, node, "id", 0, 0xff, 1);
	ioapic->gsi_base = dtb_u32(parser, node, "gsi-base", 0, ~0U, 1);
	ioapic->pin_count = (__u8)dtb_u32(parser, node, "pins", 24, WARDEN_IRQCHIP_PINS, 0);
	ioapic->source_id = (__u16)dtb_u32(parser, node, "source-id", 0, 0xffff, 0);
}

static void parse_iommu(struct dtb_parser *parser, int node, struct warden_iommu *unit)
{
	static const char *const props[] = { "type", "base", "size", "segment", "amd-bdf",
					     "amd-capability", NULL };
	static const char *const types[] = { "", "vt-d", "amd", NULL };

	dtb_only_properties(parser, node, props);
	if (!dtb_has(parser, node, "type"))
		dtb_error(parser, node, "type", "missing (required here: \"vt-d\" or \"amd\")");
	unit->type = (__u16)dtb_choice(parser, node, "type", types, 0);
	unit->base = dtb_u64(parser, node, "base", 0, 1);
	unit->size = dtb_u32(parser, node, "size", 0x1000, ~0U, 0);
	unit->segment = (__u16)dtb_u32(parser, node, "segment", 0, 0xffff, 0);
	unit->amd_bdf = (__u16)dtb_u32(parser, node, "amd-bdf", 0, 0xffff, 0);
	unit->amd_capability = (__u16)dtb_u32(parser, node, "amd-capability", 0, 0xff, 0);
}

static void parse_platform(struct dtb_parser *parser, int node, struct system_model *system)
{
	static const char *const props[] = {
		"pm-timer-port", "pm-timer-bits", "mmconfig-base", "mmconfig-buses",
		"apic-mode", "tsc-khz", "apic-khz", NULL
	};
	static const char *const modes[] = { "", "xapic", "x2apic", NULL };
	struct warden_platform *p = &system->config.platform;
	__u32 buses[2];
	int child, count;

	dtb_only_properties(parser, node, props);
	p->pm_timer_port = (__u16)dtb_u32(parser, node, "pm-timer-port", 0, 0xffff, 0);
	p->pm_timer_bits = (__u8)dtb_u32(parser, node, "pm-timer-bits",
					 p->pm_timer_port ? 24 : 0, 32, 0);
	p->mmconfig_base = dtb_u64(parser, node, "mmconfig-base", 0, 0);
	count = dtb_u32_array(parser, node, "mmconfig-buses", buses, 2);
	if (count == 2 && buses[0] <= buses[1] && buses[1] < 256) {
		p->mmconfig_start_bus = (__u8)buses[0];
		p->mmconfig_end_bus = (__u8)buses[1];
	} else if (count != 0 || (p->mmconfig_base && !dtb_has(parser, node, "mmconfig-buses"))) {
		dtb_error(parser, node, "mmconfig-buses",
			  "want <first last> with first <= last < 256");
	}
	if (!dtb_has(parser, node, "apic-mode"))
		dtb_error(parser, node, "apic-mode", "missing (required: \"xapic\" or \"x2apic\")");
	p->apic_mode = (__u8)dtb_choice(parser, node, "apic-mode", modes, 0);
	p->tsc_khz = dtb_u32(parser, node, "tsc-khz", 0, ~0U, 0);
	p->apic_khz = dtb_u32(parser, node, "apic-khz", 0, ~0U, 0);

	fdt_for_each_subnode(child, parser->fdt, node) {
		if (dtb_node_is(parser, child, "ioapic")) {
			if (system->ioapic_count == MODEL_MAX_IOAPICS)
				dtb_error(parser, child, NULL, "too many ioapics");
			else
				parse_ioapic(parser, child, &system->ioapics[system->ioapic_count++]);
		} else if (dtb_node_is(parser, child, "iommu")) {
			if (system->iommu_count == MODEL_MAX_IOMMUS)
				dtb_error(parser, child, NULL, "too many iommu units");
			else
				parse_iommu(parser, child, &system->iommus[system->iommu_count++]);
		} else {
			dtb_error(parser, child, NULL, "unknown node (known here: ioapic, iommu)");
		}
	}
}

static void parse_system(struct dtb_parser *parser, struct system_model *system)
{
	static const char *const props[] = { "compatible", "architecture", NULL };
	const char *names[] = { "hypervisor", "platform", "root-cell" };
	int child, seen[3] = { 0 }, i;

	dtb_only_properties(parser, 0, props);
	fdt_for_each_subnode(child, parser->fdt, 0) {
		for (i = 0; i < 3; i++)
			if (dtb_node_is(parser, child, names[i]))
				break;
		if (i == 3) {
			dtb_error(parser, child, NULL,
				  "unknown node (known here: hypervisor, platform, root-cell)");
			continue;
		}
		seen[i]++;
		if (i == 0)
			parse_hypervisor(parser, child, system);
		else if (i == 1)
			parse_platform(parser, child, system);
		else
			dtb_parse_cell(parser, child, &system->root, 1);
	}
	for (i = 0; i < 3; i++)
		if (seen[i] != 1)
			dtb_error(parser, 0, NULL, "want exactly one /%s node, found %d",
				  names[i], seen[i]);
}

static __u16 parse_architecture(struct dtb_parser *parser)
{
	static const char *const arches[] = { "", "x86_64", "arm64", NULL };

	return (__u16)dtb_choice(parser, 0, "architecture", arches, WARDEN_ARCH_X86_64);
}

int dtb_parse(const char *file, const void *fdt, size_t size, struct config_source *source,
	      struct system_model **system, struct cell_model **cell)
{
	struct dtb_parser parser = { file, fdt, 0, source };
	const char *compatible;
	int err;

	*system = NULL;
	*cell = NULL;
	err = fdt_check_header(fdt);
	if (err || fdt_totalsize(fdt) > size) {
		fprintf(stderr, "%s: not a valid device-tree blob: %s\n", file,
			err ? fdt_strerror(err) : "truncated");
		return 1;
	}
	compatible = dtb_string(&parser, 0, "compatible", 1);
	if (compatible && !strcmp(compatible, "warden,system")) {
		*system = system_model_new();
		if (!*system)
			return 1;
		(*system)->config.header.architecture = parse_architecture(&parser);
		(*system)->root.config.header.architecture = (*system)->config.header.architecture;
		parse_system(&parser, *system);
	} else if (compatible && !strcmp(compatible, "warden,cell")) {
		*cell = cell_model_new();
		if (!*cell)
			return 1;
		(*cell)->config.header.architecture = parse_architecture(&parser);
		dtb_parse_cell(&parser, 0, *cell, 0);
	} else if (compatible) {
		dtb_error(&parser, 0, "compatible",
			  "value \"%s\": want \"warden,system\" or \"warden,cell\"", compatible);
	}
	if (parser.errors) {
		free(*system);
		free(*cell);
		*system = NULL;
		*cell = NULL;
	}
	return parser.errors;
}
