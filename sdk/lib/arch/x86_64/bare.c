// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Bare on QEMU there is no hypervisor to fill the comm region, so the SDK
 * fills the same page at 0x100000 itself: console COM1, then the ACPI
 * facts; the clock rates follow from calibration (setup.c).
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

#define BARE_CONSOLE_PORT	0x3f8
#define BARE_UART_DIVIDER	1	/* 115200 baud from 1.8432 MHz */
#define QEMU_Q35_PM_TIMER	0x608
#define PIC_MASTER		0x20
#define PIC_SLAVE		0xa0
#define PIC_VECTOR_BASE		0x20	/* remapped off the exception vectors */

/*
 * The firmware leaves the legacy 8259 PICs delivering the PIT tick on
 * vector 8, which would look like a double fault. Remap them away from the
 * exception vectors and mask every line (Intel 8259A datasheet: ICW1-ICW4,
 * then OCW1 = mask).
 */
static void legacy_pic_disable(void)
{
	outb(PIC_MASTER, 0x11);			/* ICW1: edge, cascade, ICW4 */
	outb(PIC_SLAVE, 0x11);
	outb(PIC_MASTER + 1, PIC_VECTOR_BASE);	/* ICW2: vector base */
	outb(PIC_SLAVE + 1, PIC_VECTOR_BASE + 8);
	outb(PIC_MASTER + 1, 0x04);		/* ICW3: slave on IR2 */
	outb(PIC_SLAVE + 1, 0x02);
	outb(PIC_MASTER + 1, 0x01);		/* ICW4: 8086 mode */
	outb(PIC_SLAVE + 1, 0x01);
	outb(PIC_MASTER + 1, 0xff);		/* OCW1: all masked */
	outb(PIC_SLAVE + 1, 0xff);
}

void bare_platform_early(void)
{
	struct warden_comm_region *comm = comm_region();

	legacy_pic_disable();
	memset(comm, 0, WARDEN_COMM_REGION_SIZE);
	memcpy(comm->signature, WARDEN_COMM_SIGNATURE, WARDEN_COMM_SIGNATURE_SIZE);
	comm->revision = WARDEN_COMM_ABI_REVISION;
	comm->cell_state = WARDEN_CELL_RUNNING;
	comm->console.address = BARE_CONSOLE_PORT;
	comm->console.size = 8;
	comm->console.type = WARDEN_CONSOLE_TYPE_8250;
	comm->console.divider = BARE_UART_DIVIDER;
	comm->num_cpus = 1;
	comm->ext_magic = WARDEN_COMM_EXT_MAGIC;
	comm->ext_revision = WARDEN_COMM_EXT_REVISION;
	comm->ext_flags = WARDEN_COMM_EXT_BARE;
	if (boot_multiboot_mem_upper)
		comm->ram_size = ((uint64_t)boot_multiboot_mem_upper + 1024) * 1024;
}

/* Put the boot CPU first: CPU 0 of the cell is the one running now. */
static void sort_boot_cpu_first(struct acpi_facts *facts, uint32_t boot_apic_id)
{
	unsigned int i;

	for (i = 1; i < facts->num_cpus; i++) {
		if (facts->cpu_apic_id[i] == boot_apic_id) {
			facts->cpu_apic_id[i] = facts->cpu_apic_id[0];
			facts->cpu_apic_id[0] = boot_apic_id;
		}
	}
}

void bare_platform_init(void)
{
	struct warden_comm_region *comm = comm_region();
	struct acpi_facts facts;
	unsigned int i;
	int err = acpi_read_facts(&facts);

	if (err) {
		printk("warden-sdk: bare mode: ACPI tables incomplete (%s): assuming QEMU q35, "
		       "PM timer at port 0x%x, 1 CPU\n", sdk_strerror(err), QEMU_Q35_PM_TIMER);
		if (!facts.pm_timer_port)
			facts.pm_timer_port = QEMU_Q35_PM_TIMER;
		if (!facts.num_cpus) {
			facts.num_cpus = 1;
			facts.cpu_apic_id[0] = smp_percpu(0)->apic_id;
		}
	}
	sort_boot_cpu_first(&facts, smp_percpu(0)->apic_id);
	comm->pm_timer_address = facts.pm_timer_port;
	if (facts.pm_timer_32bit)
		comm->ext_flags |= WARDEN_COMM_EXT_PM_TIMER_32BIT;
	comm->pci_mmconfig_base = facts.mmconfig_base;
	comm->num_cpus = (uint16_t)facts.num_cpus;
	for (i = 0; i < facts.num_cpus; i++)
		comm->cpu_apic_id[i] = facts.cpu_apic_id[i];
	platform_set_ioapic_base(facts.ioapic_base);
}
