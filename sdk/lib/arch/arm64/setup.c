// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The boot CPU's way from entry.S to inmate_main() when booted bare with a
 * device tree: per-CPU data, the platform from the device tree, an
 * equivalent comm region and command line, console, GIC, timer, clock.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"
#include "../../sdk_internal.h"

static struct warden_comm_region bare_comm __attribute__((aligned(4096)));
static char bare_cmdline[WARDEN_CELL_CMDLINE_SIZE];

uintptr_t arch_comm_region_address(void)
{
	return (uintptr_t)&bare_comm;
}

/* The bare region is laid out as Warden's x86 one: see fill_bare_comm(). */
bool arch_comm_region_has_x86_part(void)
{
	return true;
}

uintptr_t arch_cmdline_address(void)
{
	return (uintptr_t)bare_cmdline;
}

/* What the hypervisor would write into a cell's comm region. */
static void fill_bare_comm(uint32_t counter_khz)
{
	struct warden_comm_region *comm = &bare_comm;
	unsigned int cpu;

	memcpy(comm->signature, WARDEN_COMM_SIGNATURE, WARDEN_COMM_SIGNATURE_SIZE);
	comm->revision = WARDEN_COMM_ABI_REVISION;
	comm->cell_state = WARDEN_CELL_RUNNING;
	comm->num_cpus = (uint16_t)arm64_platform.num_cpus;
	comm->tsc_khz = counter_khz;
	comm->ext_magic = WARDEN_COMM_EXT_MAGIC;
	comm->ext_revision = WARDEN_COMM_EXT_REVISION;
	comm->ext_flags = WARDEN_COMM_EXT_BARE;
	comm->ram_size = arm64_platform.ram_size;
	for (cpu = 0; cpu < arm64_platform.num_cpus; cpu++)
		comm->cpu_apic_id[cpu] = (uint32_t)(arm64_platform.cpu_mpidr[cpu] & 0xffffff);
}

void boot_cpu_main(const void *dtb);

void boot_cpu_main(const void *dtb)
{
	uint32_t counter_khz = (uint32_t)(read_sysreg(cntfrq_el0) / 1000);

	write_sysreg(tpidr_el1, smp_percpu(0));
	smp_guard_boot_stack();
	smp_paint_boot_stack();
	this_cpu()->mpidr = read_sysreg(mpidr_el1) & 0xff00ffffffull;
	arm64_platform_read(dtb);
	arm64_cmdline_read(dtb, bare_cmdline, sizeof(bare_cmdline));
	fill_bare_comm(counter_khz);
	arm64_boot_cpu_run("bare", true, counter_khz);
}
