// SPDX-License-Identifier: GPL-2.0-only
/*
 * INIT and STARTUP (SIPI) between the CPUs of one cell, emulated: Linux
 * brings a CPU online with INIT, then SIPI (Intel SDM vol. 3, 8.4.4.1; AMD
 * APM vol. 2, 16.5), and so do Jailhouse inmates for their other CPUs.
 *
 * Neither signal goes out physically: a guest must not reset its CPU
 * behind the hypervisor's back. The sender leaves an INIT request in the
 * target's request word and sends it a management NMI (NMIs are
 * intercepted; one that finds a request is the hypervisor's, any other is
 * the guest's and reinjected, svm.c). The target then waits in the
 * hypervisor for the emulated SIPI, a vector the sender leaves in the same
 * word, and restarts its vCPU in real mode at vector << 12 itself: only a
 * CPU writes its own VMCB (other CPUs' areas are read-only to it).
 *
 * A physical INIT would be the natural kick, since it is intercepted too
 * and held while GIF is clear (AMD APM vol. 2, 15.17). QEMU's TCG does not
 * hold it: after the INIT exit it takes the INIT again in host mode and
 * resets the hypervisor's CPU (seen here: with a physical SIPI after it the
 * CPU came back running Linux without the hypervisor).
 */
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/printk.h>

#define ICR_DELIVERY_MODE(c)	(((c) >> 8) & 7)
#define ICR_LOGICAL		(1U << 11)
#define ICR_ASSERT		(1U << 14)
#define ICR_LEVEL_TRIGGERED	(1U << 15)
#define ICR_SHORTHAND(c)	(((c) >> 18) & 3)
#define MODE_INIT		5
#define MODE_STARTUP		6

static struct per_cpu *target_of(const struct cell *cell, u32 apic_id)
{
	unsigned int n;

	for (n = 0; n < MAX_CPUS; n++)
		if (per_cpu(n)->cell == cell && per_cpu(n)->phys_id == apic_id &&
		    per_cpu(n)->state == WARDEN_CPU_RUNNING)
			return per_cpu(n);
	return NULL;
}

bool init_sipi_send(struct per_cpu *cpu, u32 destination, u32 command)
{
	unsigned int mode = ICR_DELIVERY_MODE(command);
	struct per_cpu *target;

	/* The level de-assert INIT of older APICs does nothing (SDM 10.6.1). */
	if (mode == MODE_INIT && (command & ICR_LEVEL_TRIGGERED) && !(command & ICR_ASSERT))
		return true;
	target = ICR_SHORTHAND(command) || (command & ICR_LOGICAL) ? NULL :
		 target_of(cpu->cell, destination);
	if (!target || target == cpu) {
		printk("warden: CPU %u: %s to APIC %x dropped: not another CPU of cell '%s' "
		       "(physical destination, no shorthand)\n", cpu->id,
		       mode == MODE_INIT ? "INIT" : "SIPI", destination, cpu->cell->config->name);
		return false;
	}
	if (mode == MODE_INIT) {
		management_clear_sipi(target);
		management_request(target, REQUEST_INIT, NULL);
	} else {
		management_set_sipi(target, command & 0xff);
	}
	return true;
}

/*
 * This CPU took an INIT: it waits for the SIPI its sender leaves, then
 * restarts in real mode (vcpu_reset also drops the request's held NMI).
 */
void init_sipi_wait(struct per_cpu *cpu)
{
	u32 vector = management_wait_sipi(cpu);

	/* Otherwise the held request NMI brings it to the park or the leave. */
	if (vector != MANAGEMENT_NO_SIPI)
		vcpu_reset(cpu, vector);
}
