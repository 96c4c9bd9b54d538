// SPDX-License-Identifier: GPL-2.0-only
/*
 * Requests from one CPU of the hypervisor to another, delivered by a
 * management NMI (NMIs are intercepted, svm.c): INIT and SIPI between the
 * CPUs of a cell (init_sipi.c), a nested-TLB flush after memory left the
 * root cell, a CPU joining a cell or leaving it, and a cell's CPU parking
 * when its cell shuts down. The request word sits outside the per-CPU
 * areas, since other CPUs write it; only the target changes its own state
 * and VMCB.
 */
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/arch.h>
#include <hv/printk.h>
#include <warden/comm_region.h>

static struct {
	u32 pending;		/* REQUEST_* */
	u32 sipi;		/* a SIPI's vector + 1, 0 while none arrived */
	struct cell *cell;	/* for REQUEST_JOIN */
} requests[MAX_CPUS];

/*
 * For a target that polls its request word anyway (a parked CPU): no NMI.
 * A parked CPU may see START before the NMI lands; the NMI would then come
 * after it entered the cell, find no request and reach the inmate as its
 * own NMI (in real mode, through an IVT the inmate has not written yet).
 */
void management_post(struct per_cpu *target, u32 request)
{
	__atomic_or_fetch(&requests[target->id].pending, request, __ATOMIC_RELEASE);
}

void management_request(struct per_cpu *target, u32 request, struct cell *cell)
{
	if (request == REQUEST_JOIN)
		requests[target->id].cell = cell;
	management_post(target, request);
	apic_send_nmi(target->phys_id);
}

void management_wait(struct per_cpu *target, u32 request)
{
	while (__atomic_load_n(&requests[target->id].pending, __ATOMIC_ACQUIRE) & request)
		cpu_relax();
}

static bool take(struct per_cpu *cpu, u32 request)
{
	return __atomic_fetch_and(&requests[cpu->id].pending, ~request, __ATOMIC_ACQ_REL) &
	       request;
}

void management_set_sipi(struct per_cpu *target, u32 vector)
{
	__atomic_store_n(&requests[target->id].sipi, vector + 1, __ATOMIC_RELEASE);
}

void management_clear_sipi(struct per_cpu *target)
{
	__atomic_store_n(&requests[target->id].sipi, 0, __ATOMIC_RELAXED);
}

/* Back with root, in the state INIT leaves: root Linux brings it up with a SIPI. */
static void hand_back(struct per_cpu *cpu)
{
	apic_set_mode(cpu->arch.root_x2apic);
	apic_drop_pending();
	cpu->arch.apic_disabled = false;
	vcpu_enter_cell(cpu, &root_cell);
	cpu->cell = &root_cell;
	cpu->state = WARDEN_CPU_RUNNING;
	/* The cell's view of MTRR_DEF_TYPE goes; Linux writes back what it reads. */
	cpu->arch.mtrr_def_type = read_msr(MSR_MTRR_DEF_TYPE);
	management_clear_sipi(cpu);
	take(cpu, REQUEST_LEAVE);
}

static unsigned int cell_cpus(const struct cell *cell)
{
	unsigned int n, count = 0;

	for (n = 0; n < MAX_CPUS; n++)
		count += config_cell_has_cpu(cell->config, n);
	return count;
}

/*
 * The CPU belongs to a cell that does not run: it waits here, in the
 * hypervisor, until the cell starts (true: it runs the cell from its reset
 * state) or lets it go (false: it is root's again, waiting for a SIPI).
 */
static bool park(struct per_cpu *cpu, struct cell *cell)
{
	u32 pending;

	cpu->cell = cell;
	cpu->state = WARDEN_CPU_PARKED;
	/* Before the creator goes on: the rate goes into the comm region at start. */
	apic_measure_timer(platform_tsc_khz());
	take(cpu, REQUEST_JOIN | REQUEST_PARK);
	while (!((pending = __atomic_load_n(&requests[cpu->id].pending, __ATOMIC_ACQUIRE)) &
		 (REQUEST_LEAVE | REQUEST_START)))
		cpu_relax();
	if (pending & REQUEST_LEAVE) {
		take(cpu, REQUEST_START);
		hand_back(cpu);
		return false;
	}
	/* Cells start with the APIC in the mode the platform config gives them. */
	apic_set_mode(system_config->platform.apic_mode == WARDEN_APIC_MODE_X2APIC);
	apic_drop_pending();
	cpu->arch.apic_disabled = false;
	vcpu_enter_cell(cpu, cell);
	/* Every CPU of the cell at the reset address at once, MTRRs off as after a reset. */
	vcpu_reset(cpu, cell->config->cpu_reset_address >> 12);
	cpu->arch.mtrr_def_type = 0;
	cpu->state = WARDEN_CPU_RUNNING;
	take(cpu, REQUEST_START);
	/*
	 * None runs before all are running: the first may send the others
	 * INIT at once (init_sipi.c takes only running CPUs as targets).
	 */
	__atomic_add_fetch(&cell->arch.cpus_started, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&cell->arch.cpus_started, __ATOMIC_ACQUIRE) < cell_cpus(cell))
		cpu_relax();
	return true;
}

/*
 * The CPU took an INIT (init_sipi.c), or went back to root: it waits for a
 * SIPI, then restarts in real mode at its vector (vcpu_reset also drops the
 * held management NMI). An INIT request that comes meanwhile belongs to the
 * same INIT-SIPI sequence. The wait must not outlast the CPU's owner: a cell
 * CPU that is let go (LEAVE: the cell is destroyed while this CPU waits for a
 * SIPI that never comes) goes back to root and waits on; one whose cell
 * shuts down (PARK) parks; a root CPU that a new cell takes (JOIN) parks
 * there and runs it when it starts. Root's nested-TLB flushes are taken
 * too: the reset flushes anyway.
 */
void init_sipi_wait(struct per_cpu *cpu)
{
	u32 sipi, pending;

	for (;;) {
		sipi = __atomic_load_n(&requests[cpu->id].sipi, __ATOMIC_ACQUIRE);
		if (sipi) {
			management_clear_sipi(cpu);
			take(cpu, REQUEST_INIT);
			vcpu_reset(cpu, sipi - 1);
			return;
		}
		take(cpu, REQUEST_FLUSH_TLB);
		pending = __atomic_load_n(&requests[cpu->id].pending, __ATOMIC_ACQUIRE);
		if (pending & REQUEST_JOIN) {
			if (park(cpu, requests[cpu->id].cell))
				return;
		} else if (cpu->cell != &root_cell && (pending & REQUEST_LEAVE)) {
			hand_back(cpu);
		} else if (cpu->cell != &root_cell && (pending & REQUEST_PARK)) {
			if (park(cpu, cpu->cell))
				return;
		} else {
			cpu_relax();
		}
	}
}

/* Back to root: it brings the CPU up with INIT and SIPI, as after a reset. */
static void leave_cell(struct per_cpu *cpu)
{
	hand_back(cpu);
	init_sipi_wait(cpu);
}

void __noreturn arch_cell_cpu_failed(struct per_cpu *cpu)
{
	struct warden_comm_region *comm = arch_cell_comm_region(cpu->cell);

	u32 pending;

	comm->cell_state = WARDEN_CELL_FAILED;
	cpu->state = WARDEN_CPU_FAILED;
	while (!((pending = __atomic_load_n(&requests[cpu->id].pending, __ATOMIC_ACQUIRE)) &
		 (REQUEST_LEAVE | REQUEST_PARK)))
		cpu_relax();
	if (pending & REQUEST_LEAVE)
		leave_cell(cpu);
	else if (!park(cpu, cpu->cell))	/* shut down: may be started again */
		init_sipi_wait(cpu);
	arch_vcpu_run(cpu);	/* a fresh run loop: the faulting exit's stack is gone */
}

/* An NMI reached this CPU: true when it carried requests (now handled). */
bool management_handle(struct per_cpu *cpu, struct vmcb *vmcb)
{
	bool handled = false;

	if (take(cpu, REQUEST_FLUSH_TLB)) {
		vmcb->tlb_control = TLB_CONTROL_FLUSH_ALL;
		handled = true;
	}
	if (__atomic_load_n(&requests[cpu->id].pending, __ATOMIC_ACQUIRE) & REQUEST_JOIN) {
		if (!park(cpu, requests[cpu->id].cell))
			init_sipi_wait(cpu);
		return true;
	}
	if (cpu->cell != &root_cell &&
	    (__atomic_load_n(&requests[cpu->id].pending, __ATOMIC_ACQUIRE) & REQUEST_LEAVE)) {
		leave_cell(cpu);
		return true;
	}
	if (cpu->cell != &root_cell &&
	    (__atomic_load_n(&requests[cpu->id].pending, __ATOMIC_ACQUIRE) & REQUEST_PARK)) {
		if (!park(cpu, cpu->cell))
			init_sipi_wait(cpu);
		return true;
	}
	if (take(cpu, REQUEST_INIT)) {
		cpu->exits[WARDEN_EXIT_INIT_SIPI]++;
		init_sipi_wait(cpu);
		handled = true;
	}
	return handled;
}
