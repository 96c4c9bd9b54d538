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

/* apic.c: an interrupt command the cell may send, and sends it (false: dropped). */
bool apic_send_ipi(struct per_cpu *cpu, u32 destination, u32 command, bool x2apic);
/* apic.c: one interrupt command, as it is (no check). */
void apic_write_icr(u32 destination, u32 command, bool x2apic);
/* apic.c: this CPU's local APIC quiet (LVTs masked, timer stopped) and in a mode. */
void apic_set_mode(bool x2apic);

/* init_sipi.c: INIT/SIPI to another CPU of the cell, and the target's side. */
bool init_sipi_send(struct per_cpu *cpu, u32 destination, u32 command);
void init_sipi_wait(struct per_cpu *cpu);

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
/* The SIPI's vector, or MANAGEMENT_NO_SIPI: a cell's CPU is to park or leave instead. */
#define MANAGEMENT_NO_SIPI	0xffffffffU
u32 management_wait_sipi(struct per_cpu *cpu);

/* svm.c: the vCPU as INIT and a SIPI with this vector leave it (real mode). */
void vcpu_reset(struct per_cpu *cpu, unsigned int sipi_vector);
/* svm.c: the vCPU runs in cell's address space with its permission maps. */
void vcpu_enter_cell(struct per_cpu *cpu, struct cell *cell);

#endif /* WARDEN_ARCH_VCPU_H */
