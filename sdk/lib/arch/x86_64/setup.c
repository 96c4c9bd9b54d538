// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The boot CPU's way from entry.S to inmate_main(): per-CPU data, comm
 * region (checked in a cell, filled in bare mode), console, IDT, local
 * APIC, clock.
 */
#include <inmate/inmate.h>
#include <inmate/arch/apic.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

/* docs/cell-abi.md: fixed guest-physical addresses */
uintptr_t arch_comm_region_address(void)
{
	return WARDEN_COMM_REGION_ADDRESS;
}

bool arch_comm_region_has_x86_part(void)
{
	return true;
}

uintptr_t arch_cmdline_address(void)
{
	return WARDEN_CELL_CMDLINE_ADDRESS;
}

void percpu_install(struct percpu *percpu)
{
	percpu->self = percpu;
	wrmsr(MSR_GS_BASE, (uint64_t)percpu);
}

/* Without a valid comm region nothing (not even the console) is known:
 * report through the region itself, as the ABI asks, and stop. */
static void check_comm_region(void)
{
	struct warden_comm_region *comm = comm_region();

	if (memcmp(comm->signature, WARDEN_COMM_SIGNATURE, WARDEN_COMM_SIGNATURE_SIZE) != 0 ||
	    comm->revision != WARDEN_COMM_ABI_REVISION) {
		comm->cell_state = WARDEN_CELL_FAILED_COMM_REV;
		cpu_halt_forever();
	}
}

/* A cell gets TSC and APIC timer rates from the hypervisor; what is missing
 * (bare mode has neither; an emulated cell boot may leave apic_khz 0) is
 * measured: the TSC against the PM timer, the APIC timer against the TSC. */
static void setup_clock(void)
{
	struct warden_comm_region *comm = comm_region();
	uint32_t tsc_khz = comm->tsc_khz, apic_khz = comm->apic_khz;
	int err;

	if (tsc_khz == 0 || apic_khz == 0) {
		err = calibrate_timers(&tsc_khz, &apic_khz,
				       (unsigned int)cmdline_get_int("calibrate-ms", 10));
		if (err) {
			printk("warden-sdk: timer calibration against the PM timer at port 0x%x "
			       "failed: %s\n", platform_pm_timer_port(), sdk_strerror(err));
			inmate_exit(1);
		}
		if (comm->apic_khz)
			apic_khz = comm->apic_khz;
	}
	platform_set_clock(tsc_khz, apic_khz);
}

void boot_cpu_main(void);
extern char __boot_stack_guard[];

void boot_cpu_main(void)
{
	struct percpu *boot_percpu = smp_percpu(0);

	percpu_install(boot_percpu);
	tss_install(boot_percpu);
	guard_page_unmap((uintptr_t)__boot_stack_guard);
	smp_paint_boot_stack();
	mtrr_enable_at_boot();
	if (boot_bare_mode)
		bare_platform_early();
	else
		check_comm_region();
	console_setup();
	idt_load();
	apic_boot_init();
	boot_percpu->apic_id = apic_id();
	if (boot_bare_mode)
		bare_platform_init();
	setup_clock();
	timer_cpu_init();
	if (!boot_bare_mode)
		cell_cpus_discover();	/* sleeps on the timer */
	if (!cmdline_get_bool("quiet", false))
		printk("warden-sdk: %s boot, %u CPU(s), TSC %u kHz, %s, console %s\n",
		       platform_is_bare() ? "bare" : "cell", platform_num_cpus(),
		       platform_tsc_khz(), apic_is_x2apic() ? "x2APIC" : "xAPIC",
		       console_name());
	inmate_main();
	inmate_exit(0);
}
