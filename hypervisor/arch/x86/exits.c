// SPDX-License-Identifier: GPL-2.0-only
/* CPUID and port-I/O intercepts of the SVM vCPU (MSRs: msr.c). */
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/printk.h>

#define CPUID_HYPERVISOR_RANGE_END	0x400000ff
#define CPUID1_ECX_HYPERVISOR		(1U << 31)
#define CPUID_EXT1_ECX_SVM		(1U << 2)


void vcpu_handle_cpuid(struct vmcb *vmcb, struct registers *guest)
{
	u32 leaf = (u32)vmcb->rax;
	struct cpuid_result r = { 0, 0, 0, 0 };

	if (leaf == WARDEN_CPUID_SIGNATURE) {
		r.eax = WARDEN_CPUID_SIGNATURE;
		r.ebx = WARDEN_CPUID_SIGNATURE_EBX;
		r.ecx = WARDEN_CPUID_SIGNATURE_ECX;
		r.edx = WARDEN_CPUID_SIGNATURE_EDX;
	} else if (leaf < WARDEN_CPUID_SIGNATURE || leaf > CPUID_HYPERVISOR_RANGE_END) {
		r = cpuid(leaf, (u32)guest->rcx);
		if (leaf == 1)
			r.ecx |= CPUID1_ECX_HYPERVISOR;
		if (leaf == 0x80000001)
			r.ecx &= ~CPUID_EXT1_ECX_SVM;	/* SVM is ours */
	}
	vmcb->rax = r.eax;
	guest->rbx = r.ebx;
	guest->rcx = r.ecx;
	guest->rdx = r.edx;
}

/*
 * A port outside the cell's pio_ranges (EXITINFO1 format: APM vol. 2,
 * 15.10.2). A non-root cell that touches it fails: it was given its ports
 * and has no business probing others. For the root cell, Linux, which
 * probes legacy devices it may not own: an IN reads all ones, zero-extended like a real 32-bit IN and
 * merged into AL/AX for the narrow ones; an OUT is dropped. The string and
 * REP forms would need RCX/RSI/RDI and the guest's memory updated: they are
 * refused with #GP. The first few are reported.
 */
void vcpu_handle_io(struct per_cpu *cpu, struct vmcb *vmcb)
{
	static unsigned int reported;
	u64 info = vmcb->exit_info1;
	unsigned int port = (unsigned int)(info >> 16) & 0xffff;
	unsigned int size = (unsigned int)(info >> 4) & 7;	/* 1, 2 or 4 bytes */
	bool in = info & IOIO_IN, string = info & (IOIO_STRING | IOIO_REP);

	if (cpu->cell != &root_cell)
		guest_fault(cpu, WARDEN_FAILURE_PORT, port, vmcb->rip);
	if (__atomic_fetch_add(&reported, 1, __ATOMIC_RELAXED) < 16)
		printk("warden: CPU %u: root %s%s port %x (%u bytes) at RIP %llx denied\n",
		       cpu->id, in ? "reads" : "writes",
		       string ? " (string form, #GP)" : "", port, size, vmcb->rip);
	if (string) {
		vcpu_inject_exception(vmcb, VECTOR_GP, true);
		return;
	}
	if (in)
		vmcb->rax = io_denied_in_value(vmcb->rax, size);
	vmcb->rip = vmcb->exit_info2;	/* the next RIP, 15.10.2 */
}
