// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests of the configuration validator (hypervisor/config_check*.c):
 * a valid system + two cells pass; each mutation below breaks one rule, and the
 * check must report it with a whole message line naming the config (system, root
 * cell or cell, by name), the element, the field and the value; every message the
 * mutation causes must begin with the config's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <warden/config_check.h>
#include "config_model.h"

#define MB			0x100000ULL
#define RAM_FLAGS		(WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_EXECUTE)

struct fixture {
	struct system_model *system;
	struct cell_model *a, *b;
};

static char messages[16384];

static void collect(void *context, const char *message)
{
	(void)context;
	strncat(messages, message, sizeof(messages) - strlen(messages) - 2);
	strcat(messages, "\n");
}

static void region(struct cell_model *cell, __u64 phys, __u64 virt, __u64 size, __u64 flags)
{
	cell->regions[cell->region_count++] =
		(struct warden_memory_region){ phys, virt, size, flags };
}

static void cell_defaults(struct cell_model *cell, const char *name, unsigned int cpu,
			  __u64 phys, unsigned int port, unsigned int pin)
{
	cell_model_set_name(cell, name);
	cell->cpus[0] = 1ULL << cpu;
	region(cell, phys, 0, MB, RAM_FLAGS | WARDEN_MEM_LOADABLE);
	region(cell, 0, MB, 0x1000, WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_COMM_REGION);
	cell->pio[cell->pio_count++] = (struct warden_pio_range){ port, 8 };
	cell->irqchips[0].address = 0xfec00000;
	cell->irqchips[0].pin_bitmap[0] = 1ULL << pin;
	cell->irqchip_count = 1;
	cell->config.console = (struct warden_console){ port, WARDEN_CONSOLE_8250_PIO, 0, 1, 0 };
}

/* The q35 harness machine, like configs/x86/qemu-q35.dts. */
static void fixture_init(struct fixture *f)
{
	struct cell_model *root;

	f->system = system_model_new();
	f->a = cell_model_new();
	f->b = cell_model_new();
	if (!f->system || !f->a || !f->b)
		exit(2);
	f->system->config.hypervisor_memory = (struct warden_memory){ 0x30000000, 16 * MB };
	f->system->config.debug_console =
		(struct warden_console){ 0x3f8, WARDEN_CONSOLE_8250_PIO, 0, 1, 0 };
	f->system->config.platform.mmconfig_base = 0xb0000000;
	f->system->config.platform.mmconfig_end_bus = 255;
	f->system->config.platform.pm_timer_port = 0x608;
	f->system->config.platform.pm_timer_bits = 24;
	f->system->config.platform.apic_mode = WARDEN_APIC_MODE_X2APIC;
	f->system->ioapics[0] = (struct warden_ioapic){ 0xfec00000, 0, 0, 24, 0 };
	f->system->ioapic_count = 1;

	root = &f->system->root;
	cell_model_set_name(root, "linux");
	root->cpus[0] = 0xf;
	region(root, 0, 0, 0x30000000, RAM_FLAGS | WARDEN_MEM_DMA);
	region(root, 0x31000000, 0x31000000, 0x0f000000, RAM_FLAGS | WARDEN_MEM_DMA);
	region(root, 0xfed00000, 0xfed00000, 0x1000, WARDEN_MEM_READ | WARDEN_MEM_WRITE |
	       WARDEN_MEM_IO);
	root->pio[0] = (struct warden_pio_range){ 0, 0xcf8 };
	root->pio[1] = (struct warden_pio_range){ 0xd00, 0xf300 };
	root->pio_count = 2;
	root->irqchips[0].address = 0xfec00000;
	root->irqchips[0].pin_bitmap[0] = (1ULL << 24) - 1;
	root->irqchip_count = 1;
	root->pci[0] = (struct warden_pci_device){ .type = WARDEN_PCI_TYPE_DEVICE,
		.iommu = WARDEN_PCI_NO_IOMMU, .bdf = 0xfa };
	root->pci[1] = (struct warden_pci_device){ .type = WARDEN_PCI_TYPE_DEVICE,
		.iommu = WARDEN_PCI_NO_IOMMU, .bdf = 0xfb };
	root->pci_count = 2;

	cell_defaults(f->a, "irqlat", 3, 0x31000000, 0x2f8, 3);
	cell_defaults(f->b, "demo", 2, 0x31100000, 0x2e8, 5);
}

static void fixture_free(struct fixture *f)
{
	free(f->system);
	free(f->a);
	free(f->b);
}

/* Runs every check on the fixture; returns the error count (messages collected). */
static unsigned int run_checks(const struct fixture *f)
{
	struct config_check_report report = { 0 };
	void *system, *a, *b;
	size_t system_size, a_size, b_size;

	report.emit = collect;
	messages[0] = '\0';
	if (system_model_serialize(f->system, &system, &system_size) ||
	    cell_model_serialize(f->a, &a, &a_size) || cell_model_serialize(f->b, &b, &b_size))
		exit(2);
	if (!config_check_system(system, system_size, &report) &&
	    !config_check_cell(system, system_size, a, a_size, &report) &&
	    !config_check_cell(system, system_size, b, b_size, &report))
		config_check_cell_pair(a, a_size, b, b_size, &report);
	free(system);
	free(a);
	free(b);
	return report.errors;
}

/* Mutations of the valid fixture, each with the text its error must contain. */
struct mutation {
	const char *name;
	void (*apply)(struct fixture *f);
	const char *expect;
};

#define MUTATION(id, ...) static void id(struct fixture *f) { __VA_ARGS__; }

MUTATION(cell_region_overlap, region(f->a, 0x31080000, 0x200000, MB, RAM_FLAGS))
MUTATION(cell_virt_overlap, region(f->a, 0x31200000, 0x80000, MB, RAM_FLAGS))
MUTATION(cell_over_hypervisor, f->a->regions[0].phys_start = 0x30f00000)
MUTATION(cells_overlap, f->b->regions[0].phys_start = 0x31000000)
MUTATION(root_over_apic, region(&f->system->root, 0xfee00000, 0xfee00000, 0x1000,
				WARDEN_MEM_READ | WARDEN_MEM_IO))
MUTATION(cell_over_ioapic, region(f->a, 0xfec00000, 0x400000, 0x1000, WARDEN_MEM_READ))
MUTATION(root_over_mmconfig, region(&f->system->root, 0xb0100000, 0xb0100000, 0x1000,
				    WARDEN_MEM_READ))
MUTATION(root_over_iommu,
	 f->system->iommus[0] = (struct warden_iommu){ .base = 0xfed90000, .size = 0x1000,
						       .type = WARDEN_IOMMU_VTD };
	 f->system->iommu_count = 1;
	 region(&f->system->root, 0xfed90000, 0xfed90000, 0x1000, WARDEN_MEM_READ))
MUTATION(hypervisor_over_mmconfig,
	 f->system->config.hypervisor_memory.phys_start = 0xb0000000)
MUTATION(cpu_not_owned, f->a->cpus[0] |= 1ULL << 5)
MUTATION(cpu0_given, f->a->cpus[0] |= 1)
MUTATION(root_without_cpu0, f->system->root.cpus[0] = 0xe)
MUTATION(cpus_empty, f->a->cpus[0] = 0)
MUTATION(misaligned, f->a->regions[0].size = 0x100800)
MUTATION(region_wraps, f->a->regions[0].phys_start = 0xfffffffffffff000ULL)
MUTATION(name_empty, cell_model_set_name(f->a, ""))
MUTATION(name_unprintable, f->a->config.name[1] = '\n')
MUTATION(names_duplicate, cell_model_set_name(f->b, "irqlat"))
MUTATION(name_of_root, cell_model_set_name(f->b, "linux"))
MUTATION(pio_beyond, f->a->pio[0] = ((struct warden_pio_range){ 0xfff8, 0x10 }))
MUTATION(pio_empty, f->a->pio[0].length = 0)
MUTATION(pio_not_owned, f->a->pio[0] = ((struct warden_pio_range){ 0xcf8, 8 }))
MUTATION(pio_overlap_in_cell, f->a->pio[f->a->pio_count++] =
	 ((struct warden_pio_range){ 0x2fc, 8 }))
MUTATION(pio_between_cells, f->b->pio[0].base = 0x2f8)
MUTATION(pin_out_of_range, f->a->irqchips[0].pin_bitmap[0] = 1ULL << 30)
MUTATION(pin_not_owned, f->system->root.irqchips[0].pin_bitmap[0] &= ~(1ULL << 3))
MUTATION(pin_between_cells, f->b->irqchips[0].pin_bitmap[0] |= 1ULL << 3)
MUTATION(irqchip_not_ioapic, f->a->irqchips[0].address = 0xfec01000)
MUTATION(region_unknown_flag, f->a->regions[0].flags |= 0x100)
MUTATION(cell_unknown_flag, f->a->config.flags = 0x80)
MUTATION(console_unknown_type, f->a->config.console.type = 9)
MUTATION(console_port_beyond, f->system->config.debug_console.address = 0x1fff8)
MUTATION(console_mmio_width, f->a->config.console =
	 ((struct warden_console){ 0xfe000000, WARDEN_CONSOLE_8250_MMIO, 0, 1, 0 }))
MUTATION(pci_not_owned, f->a->pci[f->a->pci_count++] =
	 ((struct warden_pci_device){ .type = 1, .iommu = 0xff, .bdf = 0x10 }))
MUTATION(pci_between_cells,
	 f->a->pci[f->a->pci_count++] = f->system->root.pci[1];
	 f->b->pci[f->b->pci_count++] = f->system->root.pci[1])
MUTATION(pci_caps_beyond, f->system->root.pci[0].caps_count = 3)
MUTATION(pci_bad_iommu, f->system->root.pci[0].iommu = 4)
MUTATION(pci_unknown_type, f->system->root.pci[0].type = 7)
MUTATION(pci_cap_beyond, f->system->root.caps[0] = ((struct warden_pci_capability){
	 5, 0xf8, 16, 0 }); f->system->root.cap_count = 1;
	 f->system->root.pci[0].caps_count = 1)
MUTATION(reset_outside, f->a->config.cpu_reset_address = 0x200000)
MUTATION(comm_with_phys, f->a->regions[1].phys_start = 0x31000000)
MUTATION(two_comm_regions, region(f->a, 0, 0x300000, 0x1000,
				  WARDEN_MEM_READ | WARDEN_MEM_COMM_REGION))
MUTATION(cell_ram_not_root, f->a->regions[0].phys_start = 0x40000000)
MUTATION(hypervisor_misaligned, f->system->config.hypervisor_memory.size = 0x1000800)
MUTATION(ioapic_duplicate_id, f->system->ioapics[1] =
	 ((struct warden_ioapic){ 0xfec10000, 24, 0, 24, 0 }); f->system->ioapic_count = 2)
MUTATION(ioapic_not_page_aligned, f->system->ioapics[0].address = 0xfec00400)
MUTATION(ioapic_same_page, f->system->ioapics[1] =
	 ((struct warden_ioapic){ 0xfec00000 + 0x800, 24, 1, 24, 0 });
	 f->system->ioapic_count = 2)
MUTATION(pm_timer_bits, f->system->config.platform.pm_timer_bits = 16)
MUTATION(apic_mode_unknown, f->system->config.platform.apic_mode = 3)
MUTATION(mmconfig_misaligned, f->system->config.platform.mmconfig_base = 0xb0001000)
MUTATION(system_unknown_flag, f->system->config.flags = 4)
MUTATION(architecture_unknown, f->system->config.header.architecture = 7)
MUTATION(cell_architecture_differs, f->a->config.header.architecture = WARDEN_ARCH_ARM64)
MUTATION(revision_bad, f->a->config.header.revision = 99)
MUTATION(root_not_one_to_one, f->system->root.regions[1].virt_start = 0x41000000)
MUTATION(magic_bad, f->a->config.header.magic[0] = 'X')

static const struct mutation mutations[] = {
	{ "cell regions overlap", cell_region_overlap,
	  "cell 'irqlat': memory region 2: phys_start 0x31080000 size 0x100000 overlaps "
	  "region 0 (phys_start 0x31000000)" },
	{ "cell guest ranges overlap", cell_virt_overlap,
	  "cell 'irqlat': memory region 2: virt_start 0x80000 size 0x100000 overlaps "
	  "region 0 (virt_start 0x0)" },
	{ "cell over hypervisor memory", cell_over_hypervisor,
	  "cell 'irqlat': memory region 0: phys_start 0x30f00000 size 0x100000 overlaps the "
	  "hypervisor memory 0x30000000-0x30ffffff" },
	{ "cells overlap", cells_overlap,
	  "cell 'irqlat': memory region 0: phys_start 0x31000000 size 0x100000 overlaps "
	  "cell 'demo' memory region 0 (phys_start 0x31000000)" },
	{ "root over local APIC", root_over_apic,
	  "root cell 'linux': memory region 3: phys_start 0xfee00000 size 0x1000 covers the local "
	  "APIC window 0xfee00000" },
	{ "cell over IOAPIC", cell_over_ioapic,
	  "cell 'irqlat': memory region 2: phys_start 0xfec00000 size 0x1000 covers IOAPIC 0's "
	  "window 0xfec00000" },
	{ "root over MMCONFIG", root_over_mmconfig,
	  "root cell 'linux': memory region 3: phys_start 0xb0100000 size 0x1000 covers the "
	  "MMCONFIG window 0xb0000000 size 0x10000000" },
	{ "root over IOMMU", root_over_iommu,
	  "root cell 'linux': memory region 3: phys_start 0xfed90000 size 0x1000 covers IOMMU unit "
	  "0's window 0xfed90000" },
	{ "hypervisor over MMCONFIG", hypervisor_over_mmconfig,
	  "system config: hypervisor memory 0: phys_start 0xb0000000 size 0x1000000 covers the "
	  "MMCONFIG window 0xb0000000 size 0x10000000" },
	{ "CPU not the root's", cpu_not_owned,
	  "cell 'irqlat': cpus: CPU 5 is not owned by the root cell" },
	{ "CPU 0 given away", cpu0_given,
	  "cell 'irqlat': cpus: CPU 0 cannot be given away: the root cell keeps the boot CPU" },
	{ "root without CPU 0", root_without_cpu0,
	  "root cell 'linux': cpus: CPU 0 is missing: the root cell keeps the boot CPU" },
	{ "empty CPU set", cpus_empty,
	  "cell 'irqlat': cpus: the CPU set is empty" },
	{ "misaligned region", misaligned,
	  "cell 'irqlat': memory region 0: phys_start 0x31000000 virt_start 0x0 size "
	  "0x100800: not 4096-byte aligned" },
	{ "region wraps", region_wraps,
	  "cell 'irqlat': memory region 0: phys_start 0xfffffffffffff000 virt_start 0x0 "
	  "size 0x100000: empty or wraps around" },
	{ "empty name", name_empty,
	  "cell '': name: empty" },
	{ "unprintable name", name_unprintable,
	  "cell 'i?qlat': name: byte 1 is 0xa, not a printable character" },
	{ "duplicate names", names_duplicate,
	  "cell 'irqlat': name: 'irqlat' is used by two cells" },
	{ "root's name", name_of_root,
	  "cell 'linux': name: 'linux' is also the root cell's name" },
	{ "port range beyond 0xffff", pio_beyond,
	  "cell 'irqlat': pio range 0: base 0xfff8 length 0x10: empty or beyond port 0xffff" },
	{ "empty port range", pio_empty,
	  "cell 'irqlat': pio range 0: base 0x2f8 length 0x0: empty or beyond port 0xffff" },
	{ "ports not the root's", pio_not_owned,
	  "cell 'irqlat': pio range 0: ports 0xcf8-0xcff are not owned by the root cell" },
	{ "port ranges overlap", pio_overlap_in_cell,
	  "cell 'irqlat': pio range 1: base 0x2fc length 0x8 overlaps pio range 0 (base 0x2f8)" },
	{ "ports shared by cells", pio_between_cells,
	  "cell 'irqlat': pio range 0: base 0x2f8 length 0x8 overlaps cell 'demo' pio "
	  "range 0 (base 0x2f8)" },
	{ "pin out of range", pin_out_of_range,
	  "cell 'irqlat': irqchip 0: pin 30 is out of range: IOAPIC 0xfec00000 has 24 pins" },
	{ "pin not the root's", pin_not_owned,
	  "cell 'irqlat': irqchip 0: pin 3 of IOAPIC 0xfec00000 is not owned by the root cell" },
	{ "pin shared by cells", pin_between_cells,
	  "cell 'irqlat': irqchip 0: pin 3 of IOAPIC 0xfec00000 is also used by cell 'demo'" },
	{ "irqchip not an IOAPIC", irqchip_not_ioapic,
	  "cell 'irqlat': irqchip 0: address 0xfec01000 is no IOAPIC of the platform" },
	{ "unknown region flag", region_unknown_flag,
	  "cell 'irqlat': memory region 0: flags 0x147 has unknown bits 0x100" },
	{ "unknown cell flag", cell_unknown_flag,
	  "cell 'irqlat': flags 0x80 has unknown bits 0x80" },
	{ "unknown console type", console_unknown_type,
	  "cell 'irqlat': console: type 9 is unknown" },
	{ "console port beyond", console_port_beyond,
	  "system config: debug console: 8250 I/O port 0x1fff8 is beyond 0xfff8" },
	{ "MMIO console width", console_mmio_width,
	  "cell 'irqlat': console: flags 0x0 must select exactly one access width (mmio8 "
	  "or mmio32)" },
	{ "PCI device not the root's", pci_not_owned,
	  "cell 'irqlat': pci device 0 (domain 0 bdf 00:02.0): not owned by the root cell" },
	{ "PCI device shared", pci_between_cells,
	  "cell 'irqlat': pci device 0 (bdf 00:1f.3): is also cell 'demo' pci device 0" },
	{ "PCI caps beyond table", pci_caps_beyond,
	  "root cell 'linux': pci device 0 (bdf 00:1f.2): caps_start 0 count 3 beyond the "
	  "0 capabilities" },
	{ "PCI IOMMU index", pci_bad_iommu,
	  "root cell 'linux': pci device 0 (bdf 00:1f.2): iommu 4 is not one of the 0 "
	  "iommu units" },
	{ "PCI type", pci_unknown_type,
	  "root cell 'linux': pci device 0 (bdf 00:1f.2): type 7 is unknown" },
	{ "PCI capability beyond", pci_cap_beyond,
	  "root cell 'linux': pci capability 0 (id 0x5): start 0xf8 length 0x10 beyond "
	  "config space 0x100" },
	{ "reset address", reset_outside,
	  "cell 'irqlat': cpu_reset_address 0x200000 is not inside an executable memory region" },
	{ "comm region with phys", comm_with_phys,
	  "cell 'irqlat': memory region 1: comm region phys_start 0x31000000 size 0x1000: "
	  "want phys_start 0 (the hypervisor provides it) and size 0x1000" },
	{ "two comm regions", two_comm_regions,
	  "cell 'irqlat': memory region 2: virt_start 0x300000 flags 0x21: a second comm "
	  "region (a cell has one)" },
	{ "cell RAM not the root's", cell_ram_not_root,
	  "cell 'irqlat': memory region 0: phys_start 0x40000000 size 0x100000 is not "
	  "owned by the root cell" },
	{ "hypervisor memory misaligned", hypervisor_misaligned,
	  "system config: hypervisor memory: phys_start 0x30000000 size 0x1000800 is not a "
	  "non-empty page-aligned range" },
	{ "IOAPIC id twice", ioapic_duplicate_id,
	  "system config: ioapic 1: id 0 is also ioapic 0's" },
	{ "IOAPIC not page-aligned", ioapic_not_page_aligned,
	  "system config: ioapic 0: address 0xfec00400 is not a page-aligned register window" },
	{ "two IOAPICs in a page", ioapic_same_page,
	  "system config: ioapic 1: address 0xfec00800 is not a page-aligned register window" },
	{ "PM timer width", pm_timer_bits,
	  "system config: platform: pm_timer_port 0x608 bits 16: want a port below 0xfffc "
	  "and 24 or 32 bits" },
	{ "APIC mode", apic_mode_unknown,
	  "system config: platform: apic_mode 3 is unknown (1 xapic, 2 x2apic)" },
	{ "MMCONFIG alignment", mmconfig_misaligned,
	  "system config: platform: mmconfig_base 0xb0001000 is not 1 MiB aligned" },
	{ "system flags", system_unknown_flag,
	  "system config: flags 0x4 has unknown bits 0x4" },
	{ "architecture", architecture_unknown,
	  "system config: architecture 7 is unknown" },
	{ "cell architecture", cell_architecture_differs,
	  "cell 'irqlat': architecture 2 is not the expected 1" },
	{ "revision", revision_bad,
	  "cell 'irqlat': revision 99 is not the supported revision 1" },
	{ "root cell not 1:1", root_not_one_to_one,
	  "root cell 'linux': memory region 1: virt_start 0x41000000 is not phys_start "
	  "0x31000000: the root cell is mapped 1:1" },
	{ "magic", magic_bad,
	  "cell 'irqlat': magic 'XDNCEL1.' is not 'WDNCEL1'" },
};

/* Is expect one whole line of messages (not a part of one)? */
static int has_line(const char *expect)
{
	size_t length = strlen(expect);
	const char *at;

	for (at = messages; (at = strstr(at, expect)); at++)
		if ((at == messages || at[-1] == '\n') && at[length] == '\n')
			return 1;
	return 0;
}

/* Every message must begin with the config it is about: "system config: ", "root cell 'NAME': "
 * or "cell 'NAME': " (docs/config-format.md). Returns the first message that does not, or NULL. */
static const char *unnamed_message(void)
{
	static const char *const kinds[] = { "system config: ", "root cell '", "cell '" };
	const char *line, *end;
	unsigned int k;

	for (line = messages; *line; line = end + 1) {
		end = strchr(line, '\n');
		for (k = 0; k < 3; k++) {
			if (strncmp(line, kinds[k], strlen(kinds[k])))
				continue;
			if (k == 0 || strstr(line + strlen(kinds[k]), "': ") < end)
				break;
		}
		if (k == 3)
			return line;
	}
	return NULL;
}

int main(void)
{
	struct fixture f;
	unsigned int i, errors, failures = 0;
	const char *unnamed;

	fixture_init(&f);
	errors = run_checks(&f);
	if (errors) {
		printf("FAIL: the valid fixture has %u errors:\n%s", errors, messages);
		return 1;
	}
	printf("ok: the valid fixture passes\n");
	fixture_free(&f);

	for (i = 0; i < sizeof(mutations) / sizeof(mutations[0]); i++) {
		fixture_init(&f);
		mutations[i].apply(&f);
		errors = run_checks(&f);
		unnamed = unnamed_message();
		if (!errors || !has_line(mutations[i].expect)) {
			printf("FAIL: %s: %u errors, no line \"%s\":\n%s", mutations[i].name,
			       errors, mutations[i].expect, messages);
			failures++;
		} else if (unnamed) {
			printf("FAIL: %s: a message does not begin with the config's name: %s",
			       mutations[i].name, unnamed);
			failures++;
		} else {
			printf("ok: %s: %s", mutations[i].name, messages);
		}
		fixture_free(&f);
	}
	printf("%u of %zu mutations caught\n", (unsigned int)(sizeof(mutations) /
		sizeof(mutations[0])) - failures, sizeof(mutations) / sizeof(mutations[0]));
	return failures ? 1 : 0;
}
