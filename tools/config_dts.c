// SPDX-License-Identifier: GPL-2.0-only
/*
 * Configuration model -> device-tree source. The output builds back into the
 * same binary (tests/config checks the round trip).
 */
#include <string.h>

#include "config_dts.h"

static const char *const memory_flag_names[] = {
	"read", "write", "execute", "dma", "io", "comm-region", "loadable", "root-shared"
};

static void indent(FILE *out, int depth)
{
	while (depth--)
		fputc('\t', out);
}

static void put_number(FILE *out, int depth, const char *name, __u64 value)
{
	indent(out, depth);
	if (value >> 32)
		fprintf(out, "%s = /bits/ 64 <0x%llx>;\n", name, value);
	else
		fprintf(out, "%s = <0x%llx>;\n", name, value);
}

static void put_flags(FILE *out, int depth, const char *name, __u64 flags,
		      const char *const *names, unsigned int count)
{
	unsigned int i, first = 1;

	if (!flags)
		return;
	indent(out, depth);
	fprintf(out, "%s = ", name);
	for (i = 0; i < count; i++) {
		if (!((flags >> i) & 1))
			continue;
		fprintf(out, "%s\"%s\"", first ? "" : ", ", names[i]);
		first = 0;
	}
	fputs(";\n", out);
}

static void put_comment(FILE *out, const char *comment)
{
	const char *line = comment, *end;

	if (!comment)
		return;
	fputs("/*\n", out);
	while (*line) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		fprintf(out, " * %.*s\n", (int)(end - line), line);
		line = *end ? end + 1 : end;
	}
	fputs(" */\n", out);
}

static void write_console(FILE *out, int depth, const struct warden_console *console)
{
	static const char *const types[] = { "none", "8250-pio", "8250-mmio" };
	static const char *const flags[] = { "mmio8", "mmio32", "reg-shift-2" };

	if (console->type == WARDEN_CONSOLE_NONE || console->type > WARDEN_CONSOLE_TYPE_MAX)
		return;
	indent(out, depth);
	fputs("console {\n", out);
	indent(out, depth + 1);
	fprintf(out, "type = \"%s\";\n", types[console->type]);
	put_number(out, depth + 1, "address", console->address);
	if (console->divisor)
		put_number(out, depth + 1, "divisor", console->divisor);
	put_flags(out, depth + 1, "flags", console->flags, flags, 3);
	indent(out, depth);
	fputs("};\n", out);
}

static void write_cpus_and_ports(FILE *out, int depth, const struct cell_model *cell)
{
	unsigned int cpu, i;
	int first = 1;

	indent(out, depth);
	fputs("cpus = <", out);
	for (cpu = 0; cpu < MODEL_MAX_CPUS; cpu++)
		if (cell_model_has_cpu(cell, cpu)) {
			fprintf(out, "%s%u", first ? "" : " ", cpu);
			first = 0;
		}
	fputs(">;\n", out);
	if (!cell->pio_count)
		return;
	indent(out, depth);
	fputs("pio-ranges = ", out);
	for (i = 0; i < cell->pio_count; i++)
		fprintf(out, "%s<0x%x 0x%x>", i ? ", " : "", cell->pio[i].base,
			cell->pio[i].length);
	fputs(";\n", out);
}

static void write_regions(FILE *out, int depth, const struct cell_model *cell)
{
	const struct warden_memory_region *r;
	unsigned int i;

	if (!cell->region_count)
		return;
	indent(out, depth);
	fputs("memory {\n", out);
	for (i = 0; i < cell->region_count; i++) {
		r = &cell->regions[i];
		indent(out, depth + 1);
		fprintf(out, "region%u {\n", i);
		if (!(r->flags & WARDEN_MEM_COMM_REGION) || r->phys_start)
			put_number(out, depth + 2, "phys-start", r->phys_start);
		if (r->virt_start != r->phys_start || (r->flags & WARDEN_MEM_COMM_REGION))
			put_number(out, depth + 2, "virt-start", r->virt_start);
		put_number(out, depth + 2, "size", r->size);
		put_flags(out, depth + 2, "flags", r->flags, memory_flag_names, 8);
		indent(out, depth + 1);
		fputs("};\n", out);
	}
	indent(out, depth);
	fputs("};\n", out);
}

static void write_irqchips(FILE *out, int depth, const struct cell_model *cell)
{
	const struct warden_irqchip *chip;
	unsigned int i, bit, first;

	if (!cell->irqchip_count)
		return;
	indent(out, depth);
	fputs("irqchips {\n", out);
	for (i = 0; i < cell->irqchip_count; i++) {
		chip = &cell->irqchips[i];
		indent(out, depth + 1);
		fprintf(out, "irqchip%u {\n", i);
		put_number(out, depth + 2, "address", chip->address);
		indent(out, depth + 2);
		fputs("pins = <", out);
		for (bit = 0, first = 1; bit < WARDEN_IRQCHIP_PINS; bit++)
			if ((chip->pin_bitmap[bit / 64] >> (bit % 64)) & 1) {
				fprintf(out, "%s%u", first ? "" : " ", chip->pin_base + bit);
				first = 0;
			}
		fputs(">;\n", out);
		indent(out, depth + 1);
		fputs("};\n", out);
	}
	indent(out, depth);
	fputs("};\n", out);
}

static void write_capabilities(FILE *out, int depth, const struct cell_model *cell,
			       const struct warden_pci_device *dev)
{
	static const char *const flags[] = { "write", "extended" };
	const struct warden_pci_capability *cap;
	unsigned int i;

	for (i = 0; i < dev->caps_count && dev->caps_start + i < cell->cap_count; i++) {
		cap = &cell->caps[dev->caps_start + i];
		indent(out, depth);
		fprintf(out, "capability%u {\n", i);
		put_number(out, depth + 1, "id", cap->id);
		put_number(out, depth + 1, "start", cap->start);
		put_number(out, depth + 1, "length", cap->length);
		put_flags(out, depth + 1, "flags", cap->flags, flags, 2);
		indent(out, depth);
		fputs("};\n", out);
	}
}

static void write_pci_device(FILE *out, int depth, const struct cell_model *cell,
			     const struct warden_pci_device *dev)
{
	static const char *const flags[] = { "msi-64bit", "msi-maskable" };
	unsigned int i;

	indent(out, depth);
	fprintf(out, "pci-%02x-%02x-%x {\n", dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7);
	indent(out, depth + 1);
	fprintf(out, "bdf = <0x%x 0x%x 0x%x>;\n", dev->bdf >> 8, (dev->bdf >> 3) & 0x1f,
		dev->bdf & 7);
	if (dev->domain)
		put_number(out, depth + 1, "domain", dev->domain);
	indent(out, depth + 1);
	fprintf(out, "type = \"%s\";\n", dev->type == WARDEN_PCI_TYPE_BRIDGE ? "bridge" : "device");
	if (dev->iommu != WARDEN_PCI_NO_IOMMU)
		put_number(out, depth + 1, "iommu", dev->iommu);
	if (dev->msi_vectors)
		put_number(out, depth + 1, "msi-vectors", dev->msi_vectors);
	if (dev->msix_vectors)
		put_number(out, depth + 1, "msix-vectors", dev->msix_vectors);
	if (dev->msix_address)
		put_number(out, depth + 1, "msix-address", dev->msix_address);
	put_flags(out, depth + 1, "flags", dev->flags, flags, 2);
	indent(out, depth + 1);
	fputs("bar-mask = <", out);
	for (i = 0; i < 6; i++)
		fprintf(out, "%s0x%08x", i ? " " : "", dev->bar_mask[i]);
	fputs(">;\n", out);
	write_capabilities(out, depth + 1, cell, dev);
	indent(out, depth);
	fputs("};\n", out);
}

static void write_cell_body(FILE *out, int depth, const struct cell_model *cell)
{
	static const char *const flags[] = { "passive-comm-region", "debug-console" };
	unsigned int i;

	indent(out, depth);
	fprintf(out, "cell-name = \"%.*s\";\n", WARDEN_CELL_NAME_SIZE, cell->config.name);
	write_cpus_and_ports(out, depth, cell);
	put_flags(out, depth, "flags", cell->config.flags, flags, 2);
	if (cell->config.cpu_reset_address)
		put_number(out, depth, "cpu-reset-address", cell->config.cpu_reset_address);
	if (cell->config.msg_reply_timeout_ms)
		put_number(out, depth, "msg-reply-timeout-ms", cell->config.msg_reply_timeout_ms);
	if (cell->config.cat_mask)
		put_number(out, depth, "cat-mask", cell->config.cat_mask);
	write_console(out, depth, &cell->config.console);
	write_regions(out, depth, cell);
	write_irqchips(out, depth, cell);
	if (!cell->pci_count)
		return;
	indent(out, depth);
	fputs("pci-devices {\n", out);
	for (i = 0; i < cell->pci_count; i++)
		write_pci_device(out, depth + 1, cell, &cell->pci[i]);
	indent(out, depth);
	fputs("};\n", out);
}

static const char *architecture_name(__u16 architecture)
{
	return architecture == WARDEN_ARCH_ARM64 ? "arm64" : "x86_64";
}

void dts_write_cell(FILE *out, const struct cell_model *cell, const char *comment)
{
	fputs("// SPDX-License-Identifier: GPL-2.0-only\n", out);
	put_comment(out, comment);
	fputs("/dts-v1/;\n\n/ {\n\tcompatible = \"warden,cell\";\n", out);
	fprintf(out, "\tarchitecture = \"%s\";\n",
		architecture_name(cell->config.header.architecture));
	write_cell_body(out, 1, cell);
	fputs("};\n", out);
}

static void write_platform(FILE *out, const struct system_model *system)
{
	static const char *const iommu_types[] = { "", "vt-d", "amd" };
	const struct warden_platform *p = &system->config.platform;
	unsigned int i;

	fputs("\tplatform {\n", out);
	if (p->pm_timer_port) {
		put_number(out, 2, "pm-timer-port", p->pm_timer_port);
		put_number(out, 2, "pm-timer-bits", p->pm_timer_bits);
	}
	if (p->mmconfig_base) {
		put_number(out, 2, "mmconfig-base", p->mmconfig_base);
		fprintf(out, "\t\tmmconfig-buses = <%u %u>;\n", p->mmconfig_start_bus,
			p->mmconfig_end_bus);
	}
	fprintf(out, "\t\tapic-mode = \"%s\";\n",
		p->apic_mode == WARDEN_APIC_MODE_X2APIC ? "x2apic" : "xapic");
	if (p->tsc_khz)
		put_number(out, 2, "tsc-khz", p->tsc_khz);
	if (p->apic_khz)
		put_number(out, 2, "apic-khz", p->apic_khz);
	for (i = 0; i < system->ioapic_count; i++) {
		fprintf(out, "\t\tioapic%u: ioapic%u {\n", i, i);
		put_number(out, 3, "address", system->ioapics[i].address);
		put_number(out, 3, "id", system->ioapics[i].id);
		put_number(out, 3, "gsi-base", system->ioapics[i].gsi_base);
		put_number(out, 3, "pins", system->ioapics[i].pin_count);
		if (system->ioapics[i].source_id)
			put_number(out, 3, "source-id", system->ioapics[i].source_id);
		fputs("\t\t};\n", out);
	}
	for (i = 0; i < system->iommu_count; i++) {
		fprintf(out, "\t\tiommu%u: iommu%u {\n", i, i);
		fprintf(out, "\t\t\ttype = \"%s\";\n",
			iommu_types[system->iommus[i].type <= 2 ? system->iommus[i].type : 0]);
		put_number(out, 3, "base", system->iommus[i].base);
		put_number(out, 3, "size", system->iommus[i].size);
		if (system->iommus[i].segment)
			put_number(out, 3, "segment", system->iommus[i].segment);
		if (system->iommus[i].amd_bdf)
			put_number(out, 3, "amd-bdf", system->iommus[i].amd_bdf);
		if (system->iommus[i].amd_capability)
			put_number(out, 3, "amd-capability", system->iommus[i].amd_capability);
		fputs("\t\t};\n", out);
	}
	fputs("\t};\n\n", out);
}

void dts_write_system(FILE *out, const struct system_model *system, const char *comment)
{
	const struct warden_memory *hv = &system->config.hypervisor_memory;

	fputs("// SPDX-License-Identifier: GPL-2.0-only\n", out);
	put_comment(out, comment);
	fputs("/dts-v1/;\n\n/ {\n\tcompatible = \"warden,system\";\n", out);
	fprintf(out, "\tarchitecture = \"%s\";\n\n",
		architecture_name(system->config.header.architecture));
	fputs("\thypervisor {\n", out);
	put_number(out, 2, "phys-start", hv->phys_start);
	put_number(out, 2, "size", hv->size);
	write_console(out, 2, &system->config.debug_console);
	fputs("\t};\n\n", out);
	write_platform(out, system);
	fputs("\troot-cell {\n", out);
	write_cell_body(out, 2, &system->root);
	fputs("\t};\n};\n", out);
}
