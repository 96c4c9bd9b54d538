/* SPDX-License-Identifier: GPL-2.0-only */
/* Exit handlers of the SVM vCPU (svm.c dispatches, the others handle). */
#ifndef WARDEN_ARCH_VCPU_H
#define WARDEN_ARCH_VCPU_H

#include <arch/svm.h>
#include <hv/percpu.h>

struct vmcb *vcpu_vmcb(struct per_cpu *cpu);
void vcpu_inject_exception(struct vmcb *vmcb, unsigned int vector, bool error_code);

/* The CPU whose stack holds this register frame. */
static inline unsigned int vcpu_index_of_registers(const struct registers *guest)
{
	extern struct per_cpu per_cpu_areas[MAX_CPUS];

	return (unsigned int)(((unsigned long)guest - (unsigned long)per_cpu_areas) /
			      sizeof(struct per_cpu));
}

/* exits.c */
void vcpu_handle_cpuid(struct vmcb *vmcb, struct registers *guest);
void vcpu_handle_io(struct per_cpu *cpu, struct vmcb *vmcb);

/* msr.c: the MSR permission map of a cell, and the MSR intercept. */
void msr_bitmap_build(struct cell *cell);
void vcpu_handle_msr(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest);

/* mmio.c */
void vcpu_handle_npf(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest);

/* ioapic.c: root's IOAPIC windows (the platform IOAPIC at address, or NULL). */
struct warden_ioapic;
const struct warden_ioapic *ioapic_at(u64 address);
void ioapic_access(struct per_cpu *cpu, const struct warden_ioapic *ioapic,
		   unsigned int offset, bool write, u32 *value);

/* apic.c: an interrupt command the cell may send, and sends it (false: dropped). */
bool apic_send_ipi(struct per_cpu *cpu, u32 destination, u32 command, bool x2apic);
/* apic.c: one interrupt command, as it is (no check). */
void apic_write_icr(u32 destination, u32 command, bool x2apic);
/* apic.c: an NMI to the CPU with that APIC ID, in this CPU's APIC mode. */
void apic_send_nmi(u32 apic_id);
/* test_probe.c, test images only: at an IRET exit, WARDEN_TEST_PROBE_NMI_AT_IRET's NMI. */
void test_probe_iret_exit(struct per_cpu *cpu);
/* apic.c: this CPU's local APIC quiet (LVTs masked, timer stopped) and in a mode. */
void apic_set_mode(bool x2apic);
/* apic.c: this CPU's APIC without pending or in-service interrupts (GIF clear on return). */
void apic_drop_pending(void);
/* apic.c: enabled in xAPIC mode but quiet and software-disabled (a cell's disabled APIC). */
void apic_stand_in_for_disabled(void);
/* apic.c: the APIC timer's rate in kHz, measured once on a CPU no guest runs on. */
void apic_measure_timer(u32 tsc_khz);
u32 apic_timer_khz(void);

/* root_ipi.c: root's fixed, lowest-priority and NMI commands, to root's CPUs only. */
bool root_ipi_send(struct per_cpu *cpu, u32 destination, u32 command, bool x2apic);
bool root_ipi_cells_hold_cpus(void);
/* root_ipi.c: the CPU with this APIC ID (NULL: none the hypervisor runs on). */
struct per_cpu *root_ipi_owner(u32 apic_id);
/* root_ipi.c: this root CPU's xAPIC logical ID (LDR, DFR), for the filter. */
void root_ipi_record_logical_id(struct per_cpu *cpu);

/* cell_memory.c: the TSC rate cells are told (config, else Linux's). */
u32 platform_tsc_khz(void);

/* init_sipi.c: INIT/SIPI to another CPU of the cell. */
bool init_sipi_send(struct per_cpu *cpu, u32 destination, u32 command);

/* management.c: requests to other CPUs, delivered by a management NMI. */
#define REQUEST_INIT		1U
#define REQUEST_FLUSH_TLB	2U	/* root's nested tables lost a mapping */
#define REQUEST_JOIN		4U	/* park in a cell */
#define REQUEST_LEAVE		8U	/* leave the cell, back to root */
#define REQUEST_START		16U	/* a parked CPU starts its cell */
#define REQUEST_PARK		32U	/* a cell CPU stops and parks (shutdown) */
struct cell;
void management_request(struct per_cpu *target, u32 request, struct cell *cell);
/* The same without the NMI, for a target that polls (parked). */
void management_post(struct per_cpu *target, u32 request);
/* Until target has taken request. */
void management_wait(struct per_cpu *target, u32 request);
bool management_handle(struct per_cpu *cpu, struct vmcb *vmcb);
void management_set_sipi(struct per_cpu *target, u32 vector);
void management_clear_sipi(struct per_cpu *target);
/* The target's side of INIT: until a SIPI, or until its owner lets it go. */
void init_sipi_wait(struct per_cpu *cpu);

/* svm.c: the vCPU as INIT and a SIPI with this vector leave it (real mode). */
void vcpu_reset(struct per_cpu *cpu, unsigned int sipi_vector);
/* svm.c: the vCPU runs in cell's address space with its permission maps. */
void vcpu_enter_cell(struct per_cpu *cpu, struct cell *cell);

#endif /* WARDEN_ARCH_VCPU_H */
