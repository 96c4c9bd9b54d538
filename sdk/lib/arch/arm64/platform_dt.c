// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The bare platform from the device tree QEMU (or firmware) passed in x0:
 * UART, GICv3, the virtual timer's PPI, the PSCI conduit and the CPUs
 * (bindings: arm,pl011; arm,gic-v3; arm,armv8-timer; arm,psci).
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "dt.h"

struct arm64_platform arm64_platform;

static void fatal(const char *what)
{
	/* no console yet: nothing can be printed; the harness sees no output */
	(void)what;
	cpu_halt_forever();
}

void arm64_platform_read(const void *dtb)
{
	struct arm64_platform *p = &arm64_platform;
	uint64_t size;
	uint32_t type, ppi;
	const char *method;
	int node, i;

	if (dt_check(dtb))
		fatal("no device tree in x0");
	node = dt_find_compatible(dtb, -1, "arm,pl011");
	if (node < 0 || dt_reg(dtb, node, 0, &p->uart_base, &size))
		fatal("no arm,pl011 UART");
	node = dt_find_compatible(dtb, -1, "arm,gic-v3");
	if (node < 0 || dt_reg(dtb, node, 0, &p->gicd_base, &size) ||
	    dt_reg(dtb, node, 1, &p->gicr_base, &p->gicr_size))
		fatal("no arm,gic-v3");
	/* interrupts: secure, non-secure physical, virtual, hypervisor; 3 cells each */
	node = dt_find_compatible(dtb, -1, "arm,armv8-timer");
	if (node < 0 || !dt_property_u32(dtb, node, "interrupts", 2 * 3 + 0, &type) ||
	    !dt_property_u32(dtb, node, "interrupts", 2 * 3 + 1, &ppi) || type != 1)
		fatal("no arm,armv8-timer with a virtual timer PPI");
	p->virtual_timer_ppi = 16 + ppi;
	if (!dt_property_u32(dtb, node, "interrupts", 1 * 3 + 0, &type) ||
	    !dt_property_u32(dtb, node, "interrupts", 1 * 3 + 1, &ppi) || type != 1)
		fatal("no arm,armv8-timer with a physical timer PPI");
	p->physical_timer_ppi = 16 + ppi;
	p->timer_ppi = p->virtual_timer_ppi;
	node = dt_find_path(dtb, "/memory");
	if (node < 0 || dt_reg(dtb, node, 0, &size, &p->ram_size))
		p->ram_size = 0;
	node = dt_find_path(dtb, "/psci");
	method = node >= 0 ? dt_property_string(dtb, node, "method") : NULL;
	p->psci_hvc = method && strcmp(method, "hvc") == 0;
	p->num_cpus = 0;
	for (i = 0; i < SMP_MAX_CPUS && dt_cpu_mpidr(dtb, (unsigned int)i, &size) == 0; i++)
		p->cpu_mpidr[p->num_cpus++] = size;
	if (!p->num_cpus) {
		p->num_cpus = 1;
		p->cpu_mpidr[0] = 0;
	}
}

/* The command line: /chosen/bootargs (QEMU's -append). */
void arm64_cmdline_read(const void *dtb, char *buf, size_t size)
{
	int node = dt_find_path(dtb, "/chosen");
	const char *args = node >= 0 ? dt_property_string(dtb, node, "bootargs") : NULL;

	strlcpy(buf, args ? args : "", size);
}
