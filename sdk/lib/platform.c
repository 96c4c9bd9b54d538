// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* Platform facts from the comm region, plus what the startup measured. */
#include <inmate/inmate.h>
#include "sdk_internal.h"

static struct {
	uint32_t tsc_khz;
	uint32_t apic_khz;
	uint64_t ioapic_base;
	unsigned int cpu_list_count;	/* cell without the extension's table */
	uint32_t cpu_list[WARDEN_COMM_MAX_CPUS];
} measured;

static bool has_extension(void)
{
	return arch_comm_region_has_x86_part() && comm_region()->ext_magic == WARDEN_COMM_EXT_MAGIC;
}

bool platform_is_bare(void)
{
	return has_extension() && (comm_region()->ext_flags & WARDEN_COMM_EXT_BARE);
}

unsigned int platform_num_cpus(void)
{
	if (!arch_comm_region_has_x86_part())
		return 1;
	return comm_region()->num_cpus ? comm_region()->num_cpus : 1;
}

bool platform_has_cpu_table(void)
{
	return has_extension();
}

void platform_set_cpu_list(const uint32_t *apic_ids, unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count && i < WARDEN_COMM_MAX_CPUS; i++)
		measured.cpu_list[i] = apic_ids[i];
	measured.cpu_list_count = i;
}

/* The extension's table lists the cell's CPUs in the order of its config,
 * but every CPU of a cell enters at the reset address at once and any of
 * them may win the boot: CPU 0 is the winner, the others follow in the
 * table's order. (A bare boot sorts its own table, boot CPU first.) */
static uint32_t listed_apic_id(unsigned int cpu)
{
	const uint32_t *table = comm_region()->cpu_apic_id;
	uint32_t boot = arch_boot_apic_id();
	unsigned int i, others = 0;

	if (platform_is_bare())
		return table[cpu];
	if (cpu == 0)
		return boot;
	for (i = 0; i < platform_num_cpus() && i < WARDEN_COMM_MAX_CPUS; i++)
		if (table[i] != boot && ++others == cpu)
			return table[i];
	return table[cpu];
}

/* Without Warden's extension (a Jailhouse-style hypervisor) the APIC IDs
 * are those the CPUs reported at boot (arch cell_cpus.c), else assumed
 * consecutive from the boot CPU's. */
uint32_t platform_cpu_apic_id(unsigned int cpu)
{
	if (has_extension() && cpu < WARDEN_COMM_MAX_CPUS)
		return listed_apic_id(cpu);
	if (cpu < measured.cpu_list_count)
		return measured.cpu_list[cpu];
	return arch_boot_apic_id() + cpu;
}

uint16_t platform_pm_timer_port(void)
{
	return arch_comm_region_has_x86_part() ? comm_region()->pm_timer_address : 0;
}

bool platform_pm_timer_32bit(void)
{
	return has_extension() && (comm_region()->ext_flags & WARDEN_COMM_EXT_PM_TIMER_32BIT);
}

uint32_t platform_tsc_khz(void)
{
	return measured.tsc_khz;
}

uint32_t platform_apic_khz(void)
{
	return measured.apic_khz;
}

uint64_t platform_mmconfig_base(void)
{
	return comm_region()->pci_mmconfig_base;
}

uint64_t platform_ram_size(void)
{
	return has_extension() ? comm_region()->ram_size : 0;
}

void platform_set_clock(uint32_t tsc_khz, uint32_t apic_khz)
{
	measured.tsc_khz = tsc_khz;
	measured.apic_khz = apic_khz;
	if (platform_is_bare()) {
		comm_region()->tsc_khz = tsc_khz;
		comm_region()->apic_khz = apic_khz;
	}
	clock_init(tsc_khz);
}

void platform_set_ioapic_base(uint64_t base)
{
	measured.ioapic_base = base;
}

uint64_t platform_ioapic_base(void)
{
	return measured.ioapic_base;
}

void platform_print(void)
{
	unsigned int cpu;

	printk("boot mode: %s\n", platform_is_bare() ? "bare (no hypervisor)" : "cell");
	printk("cpus: %u\n", platform_num_cpus());
	for (cpu = 0; cpu < platform_num_cpus(); cpu++)
		printk("cpu %u: APIC ID %u\n", cpu, platform_cpu_apic_id(cpu));
	arch_platform_print();
	printk("ram: %llu MiB\n", (unsigned long long)(platform_ram_size() >> 20));
	printk("console: %s\n", console_name());
	printk("command line: \"%s\"\n", cmdline());
}
