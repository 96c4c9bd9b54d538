// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device-tree bindings of a cell (a cell file's root node, or the system
 * file's /root-cell node): see docs/config-format.md, "Cell nodes".
 */
#include <string.h>
#include <libfdt.h>

#include "config_dtb.h"

static const struct dtb_flag cell_flags[] = {
	{ "passive-comm-region", WARDEN_CELL_PASSIVE_COMM_REGION },
	{ "debug-console", WARDEN_CELL_DEBUG_CONSOLE },
	{ NULL, 0 }
};

static const struct dtb_flag memory_flags[] = {
	{ "read", WARDEN_MEM_READ },
	{ "write", WARDEN_MEM_WRITE },
	{ "execute", WARDEN_MEM_EXECUTE },
	{ "dma", WARDEN_MEM_DMA },
	{ "io", WARDEN_MEM_IO },
	{ "comm-region", WARDEN_MEM_COMM_REGION },
	{ "loadable", WARDEN_MEM_LOADABLE },
	{ "root-shared", WARDEN_MEM_ROOT_SHARED },
	{ NULL, 0 }
};

static const struct dtb_flag console_flags[] = {
	{ "mmio8", WARDEN_CONSOLE_ACCESS_MMIO8 },
	{ "mmio32", WARDEN_CONSOLE_ACCESS_MMIO32 },
	{ "reg-shift-2", WARDEN_CONSOLE_REG_SHIFT_2 },
	{ NULL, 0 }
};

static const struct dtb_flag pci_flags[] = {
	{ "msi-64bit", WARDEN_PCI_MSI_64BIT },
	{ "msi-maskable", WARDEN_PCI_MSI_MASKABLE },
	{ NULL, 0 }
};

static const struct dtb_flag capability_flags[] = {
	{ "write", WARDEN_PCI_CAP_WRITE },
	{ "extended", WARDEN_PCI_CAP_EXTENDED },
	{ NULL, 0 }
};

void dtb_parse_console(struct dtb_parser *parser, int node, struct warden_console *console)
{
	static const char *const props[] = { "type", "address", "divisor", "flags", NULL };
	static const char *const types[] = { "none", "8250-pio", "8250-mmio", NULL };

	dtb_only_properties(parser, node, props);
	console->type = (__u32)dtb_choice(parser, node, "type", types, 0);
	if (!dtb_has(parser, node, "type"))
		dtb_error(parser, node, "type", "missing (required here)");
	console->address = dtb_u64(parser, node, "address", 0, console->type != 0);
	console->divisor = dtb_u32(parser, node, "divisor", 0, 0xffff, 0);
	console->flags = (__u32)dtb_flags(parser, node, "flags", console_flags);
}

static void parse_cpus(struct dtb_parser *parser, int node, struct cell_model *cell)
{
	__u32 cpus[MODEL_MAX_CPUS];
	int count, i;

	count = dtb_u32_array(parser, node, "cpus", cpus, MODEL_MAX_CPUS);
	if (!count && !dtb_has(parser, node, "cpus"))
		dtb_error(parser, node, "cpus", "missing (required here)");
	for (i = 0; i < count; i++) {
		if (cpus[i] >= MODEL_MAX_CPUS) {
			dtb_error(parser, node, "cpus", "value %u: CPU numbers go up to %u",
				  cpus[i], MODEL_MAX_CPUS - 1);
			continue;
		}
		if (cell_model_has_cpu(cell, cpus[i]))
			dtb_error(parser, node, "cpus", "value %u: CPU listed twice", cpus[i]);
		cell->cpus[cpus[i] / 64] |= 1ULL << (cpus[i] % 64);
	}
}

static void parse_pio(struct dtb_parser *parser, int node, struct cell_model *cell)
{
	__u32 values[2 * MODEL_MAX_PIO];
	char shown[128];
	int count, i;

	count = dtb_u32_array(parser, node, "pio-ranges", values, 2 * MODEL_MAX_PIO);
	if (count % 2) {
		dtb_error(parser, node, "pio-ranges",
			  "value %s: has %d numbers: want pairs <base length>",
			  dtb_shown(parser, node, "pio-ranges", shown, sizeof(shown)), count);
		return;
	}
	for (i = 0; i < count; i += 2) {
		if (values[i] >= WARDEN_PIO_PORTS || !values[i + 1] ||
		    values[i + 1] > WARDEN_PIO_PORTS - values[i]) {
			dtb_error(parser, node, "pio-ranges",
				  "pair %d <0x%x 0x%x>: want base < 0x10000 and 0 < length <= 0x10000 - base",
				  i / 2, values[i], values[i + 1]);
			continue;
		}
		cell->pio[cell->pio_count].base = values[i];
		cell->pio[cell->pio_count++].length = values[i + 1];
	}
}

static void parse_region(struct dtb_parser *parser, int node, struct warden_memory_region *r)
{
	static const char *const props[] = {
		"phys-start", "virt-start", "size", "flags", NULL
	};

	dtb_only_properties(parser, node, props);
	r->phys_start = dtb_u64(parser, node, "phys-start", 0, 0);
	r->virt_start = dtb_u64(parser, node, "virt-start", r->phys_start, 0);
	r->size = dtb_u64(parser, node, "size", 0, 1);
	r->flags = dtb_flags(parser, node, "flags", memory_flags);
	if (!r->flags)
		dtb_error(parser, node, "flags", "missing or empty: a region needs access flags");
	if (!(r->flags & WARDEN_MEM_COMM_REGION) && !dtb_has(parser, node, "phys-start"))
		dtb_error(parser, node, "phys-start", "missing (required unless \"comm-region\")");
}

static __u64 ioapic_address(struct dtb_parser *parser, int node)
{
	const fdt32_t *value;
	int length, target;

	if (!dtb_has(parser, node, "ioapic"))
		return dtb_u64(parser, node, "address", 0, 1);
	value = fdt_getprop(parser->fdt, node, "ioapic", &length);
	target = length == 4 ? fdt_node_offset_by_phandle(parser->fdt, fdt32_ld(value)) : -1;
	if (target < 0) {
		dtb_error(parser, node, "ioapic", "want a reference <&label> to an ioapic node");
		return 0;
	}
	return dtb_u64(parser, target, "address", 0, 1);
}

static void parse_irqchip(struct dtb_parser *parser, int node, struct warden_irqchip *chip)
{
	static const char *const props[] = { "address", "ioapic", "pins", NULL };
	__u32 pins[WARDEN_IRQCHIP_PINS], lowest = ~0U;
	int count, i;

	dtb_only_properties(parser, node, props);
	chip->address = ioapic_address(parser, node);
	count = dtb_u32_array(parser, node, "pins", pins, WARDEN_IRQCHIP_PINS);
	if (!count && !dtb_has(parser, node, "pins"))
		dtb_error(parser, node, "pins", "missing (required here)");
	for (i = 0; i < count; i++)
		lowest = pins[i] < lowest ? pins[i] : lowest;
	chip->pin_base = count ? lowest / 64 * 64 : 0;
	for (i = 0; i < count; i++) {
		if (pins[i] - chip->pin_base >= WARDEN_IRQCHIP_PINS) {
			dtb_error(parser, node, "pins",
				  "value %u: one irqchip node covers pins %u..%u; use another node",
				  pins[i], chip->pin_base, chip->pin_base + WARDEN_IRQCHIP_PINS - 1);
			continue;
		}
		chip->pin_bitmap[(pins[i] - chip->pin_base) / 64] |=
			1ULL << ((pins[i] - chip->pin_base) % 64);
	}
}

static void parse_capability(struct dtb_parser *parser, int node,
			     struct warden_pci_capability *cap)
{
	static const char *const props[] = { "id", "start", "length", "flags", NULL };

	dtb_only_properties(parser, node, props);
	cap->id = (__u16)dtb_u32(parser, node, "id", 0, 0xffff, 1);
	cap->start = (__u16)dtb_u32(parser, node, "start", 0, 0xfff, 1);
	cap->length = (__u16)dtb_u32(parser, node, "length", 0, 0x1000, 1);
	cap->flags = (__u16)dtb_flags(parser, node, "flags", capability_flags);
}

static __u16 parse_bdf(struct dtb_parser *parser, int node)
{
	__u32 v[3];
	char shown[128];
	int count = dtb_u32_array(parser, node, "bdf", v, 3);

	if (count == 3 && v[0] < 256 && v[1] < 32 && v[2] < 8)
		return (__u16)(v[0] << 8 | v[1] << 3 | v[2]);
	if (count == 0 && !dtb_has(parser, node, "bdf"))
		dtb_error(parser, node, "bdf", "missing (required here)");
	else if (count >= 0)
		dtb_error(parser, node, "bdf",
			  "value %s: want <bus device function> with bus < 256, device < 32, function < 8",
			  dtb_shown(parser, node, "bdf", shown, sizeof(shown)));
	return 0;
}

static void parse_pci_device(struct dtb_parser *parser, int node, struct cell_model *cell,
			     struct warden_pci_device *dev, int is_root)
{
	static const char *const props[] = {
		"bdf", "domain", "type", "iommu", "msi-vectors", "msix-vectors",
		"msix-address", "flags", "bar-mask", NULL
	};
	static const char *const types[] = { "", "device", "bridge", NULL };
	__u32 masks[6];
	char shown[128];
	int child, count, i;

	dtb_only_properties(parser, node, props);
	dev->bdf = parse_bdf(parser, node);
	dev->domain = (__u16)dtb_u32(parser, node, "domain", 0, 0xffff, 0);
	dev->type = (__u8)dtb_choice(parser, node, "type", types, WARDEN_PCI_TYPE_DEVICE);
	dev->iommu = (__u8)dtb_u32(parser, node, "iommu", WARDEN_PCI_NO_IOMMU, 0xff, 0);
	dev->msi_vectors = (__u16)dtb_u32(parser, node, "msi-vectors", 0, 32, 0);
	dev->msix_vectors = (__u16)dtb_u32(parser, node, "msix-vectors", 0, 2048, 0);
	dev->msix_address = dtb_u64(parser, node, "msix-address", 0, 0);
	dev->flags = (__u16)dtb_flags(parser, node, "flags", pci_flags);
	count = dtb_u32_array(parser, node, "bar-mask", masks, 6);
	if (count > 0 && count != 6)
		dtb_error(parser, node, "bar-mask", "value %s: has %d numbers: want 6, one per BAR",
			  dtb_shown(parser, node, "bar-mask", shown, sizeof(shown)), count);
	for (i = 0; i < count && count == 6; i++)
		dev->bar_mask[i] = masks[i];

	dev->caps_start = (__u16)cell->cap_count;
	fdt_for_each_subnode(child, parser->fdt, node) {
		if (!dtb_node_is(parser, child, "capability")) {
			dtb_error(parser, child, NULL, "unknown node: want capability@N");
			continue;
		}
		if (cell->cap_count == MODEL_MAX_CAPS) {
			dtb_error(parser, child, NULL, "more than %d capabilities", MODEL_MAX_CAPS);
			break;
		}
		dtb_note(parser, is_root, "pci capability", cell->cap_count, child);
		parse_capability(parser, child, &cell->caps[cell->cap_count++]);
	}
	dev->caps_count = (__u16)(cell->cap_count - dev->caps_start);
	if (!dev->caps_count)
		dev->caps_start = 0;
}

static void parse_children(struct dtb_parser *parser, int node, struct cell_model *cell,
			   int is_root)
{
	int group, child;

	fdt_for_each_subnode(group, parser->fdt, node) {
		if (dtb_node_is(parser, group, "console")) {
			dtb_parse_console(parser, group, &cell->config.console);
			continue;
		}
		if (!dtb_node_is(parser, group, "memory") && !dtb_node_is(parser, group, "irqchips") &&
		    !dtb_node_is(parser, group, "pci-devices")) {
			dtb_error(parser, group, NULL,
				  "unknown node (known here: console, memory, irqchips, pci-devices)");
			continue;
		}
		if (fdt_first_property_offset(parser->fdt, group) >= 0)
			dtb_error(parser, group, NULL, "this node only holds child nodes");
		fdt_for_each_subnode(child, parser->fdt, group) {
			if (dtb_node_is(parser, group, "memory")) {
				if (cell->region_count == MODEL_MAX_REGIONS) {
					dtb_error(parser, child, NULL, "too many regions");
					continue;
				}
				dtb_note(parser, is_root, "memory region", cell->region_count, child);
				parse_region(parser, child, &cell->regions[cell->region_count++]);
			} else if (dtb_node_is(parser, group, "irqchips")) {
				if (cell->irqchip_count == MODEL_MAX_IRQCHIPS) {
					dtb_error(parser, child, NULL, "too many irqchips");
					continue;
				}
				dtb_note(parser, is_root, "irqchip", cell->irqchip_count, child);
				parse_irqchip(parser, child, &cell->irqchips[cell->irqchip_count++]);
			} else if (cell->pci_count == MODEL_MAX_PCI) {
				dtb_error(parser, child, NULL, "too many PCI devices");
			} else {
				dtb_note(parser, is_root, "pci device", cell->pci_count, child);
				parse_pci_device(parser, child, cell, &cell->pci[cell->pci_count++],
						 is_root);
			}
		}
	}
}

void dtb_parse_cell(struct dtb_parser *parser, int node, struct cell_model *cell, int is_root)
{
	static const char *const props[] = {
		"cell-name", "cpus", "flags", "cpu-reset-address", "msg-reply-timeout-ms",
		"cat-mask", "pio-ranges", "compatible", "architecture", NULL
	};
	const char *name;

	/* compatible and architecture belong to a cell file's root node only. */
	dtb_only_properties(parser, node, props);
	if (is_root && dtb_has(parser, node, "compatible"))
		dtb_error(parser, node, "compatible", "belongs to the file's root node");
	if (is_root && dtb_has(parser, node, "architecture"))
		dtb_error(parser, node, "architecture", "belongs to the file's root node");
	name = dtb_string(parser, node, "cell-name", 1);
	if (name && (!*name || strlen(name) >= WARDEN_CELL_NAME_SIZE))
		dtb_error(parser, node, "cell-name", "value \"%s\": want 1..%d characters", name,
			  WARDEN_CELL_NAME_SIZE - 1);
	else if (name)
		cell_model_set_name(cell, name);
	parse_cpus(parser, node, cell);
	cell->config.flags = (__u32)dtb_flags(parser, node, "flags", cell_flags);
	cell->config.cpu_reset_address = dtb_u64(parser, node, "cpu-reset-address", 0, 0);
	cell->config.msg_reply_timeout_ms = dtb_u32(parser, node, "msg-reply-timeout-ms", 0,
						    ~0U, 0);
	cell->config.cat_mask = dtb_u64(parser, node, "cat-mask", 0, 0);
	parse_pio(parser, node, cell);
	parse_children(parser, node, cell, is_root);
}
