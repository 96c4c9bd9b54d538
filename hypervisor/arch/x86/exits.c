// SPDX-License-Identifier: GPL-2.0-only
/* CPUID, MSR and port-I/O intercepts of the SVM vCPU. */
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/printk.h>

#define CPUID_HYPERVISOR_RANGE_END	0x400000ff
#define CPUID1_ECX_HYPERVISOR		(1U << 31)
#define CPUID_EXT1_ECX_SVM		(1U << 2)
#define APIC_BASE_ADDRESS_MASK		0x000ffffffffff000ULL
#define VM_CR_LOCK			(1ULL << 3)


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
 * Protected MSRs (bitmap in cell.c): EFER (SVME stays set and hidden),
 * VM_HSAVE_PA and VM_CR (SVM is not offered), APIC base (no relocation),
 * x2APIC ICR (only IPIs to the cell's own CPUs).
 */
static bool msr_read(struct vmcb *vmcb, u32 msr, u64 *value)
{
	switch (msr) {
	case MSR_EFER:
		*value = vmcb->efer & ~EFER_SVME;
		return true;
	case MSR_VM_CR:
		*value = VM_CR_LOCK | VM_CR_SVMDIS;
		return true;
	default:
		return false;
	}
}

static bool msr_write(struct per_cpu *cpu, struct vmcb *vmcb, u32 msr, u64 value)
{
	switch (msr) {
	case MSR_EFER:
		if (value & EFER_SVME)
			return false;
		vmcb->efer = value | EFER_SVME;
		return true;
	case MSR_APIC_BASE:
		if ((value & APIC_BASE_ADDRESS_MASK) !=
		    (read_msr(MSR_APIC_BASE) & APIC_BASE_ADDRESS_MASK))
			return false;
		write_msr(MSR_APIC_BASE, value);
		return true;
	case MSR_X2APIC_ICR:
		apic_send_ipi(cpu, (u32)(value >> 32), (u32)value, true);
		return true;
	default:
		return false;
	}
}

void vcpu_handle_msr(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest)
{
	u32 msr = (u32)guest->rcx;
	bool write = vmcb->exit_info1 & 1;
	u64 value = (guest->rdx << 32) | (u32)vmcb->rax;
	bool ok;

	if (write) {
		ok = msr_write(cpu, vmcb, msr, value);
	} else {
		ok = msr_read(vmcb, msr, &value);
		if (ok) {
			vmcb->rax = (u32)value;
			guest->rdx = value >> 32;
		}
	}
	if (!ok) {
		printk("warden: CPU %u: %s of MSR %x (value %llx) refused\n", cpu->id,
		       write ? "write" : "read", msr, value);
		vcpu_inject_exception(vmcb, VECTOR_GP, true);
		return;
	}
	vmcb->rip += 2;
}

/*
 * A port outside the cell's pio_ranges: reads give all ones, writes are
 * dropped, and the first few are reported (EXITINFO1 format: 15.10.2).
 */
void vcpu_handle_io(struct per_cpu *cpu, struct vmcb *vmcb)
{
	static unsigned int reported;
	u64 info = vmcb->exit_info1;
	unsigned int port = (unsigned int)(info >> 16) & 0xffff;
	unsigned int size = (unsigned int)(info >> 4) & 7;	/* 1, 2 or 4 bytes */
	bool in = info & 1;

	if (reported < 16) {
		reported++;
		printk("warden: CPU %u: cell '%s' %s port %x (%u bytes) denied\n", cpu->id,
		       cpu->cell->config->name, in ? "reads" : "writes", port, size);
	}
	if (in && !(info & 4)) {
		u64 mask = size == 4 ? 0xffffffffULL : size == 2 ? 0xffffULL : 0xffULL;

		vmcb->rax |= mask;
	}
	vmcb->rip = vmcb->exit_info2;	/* the next RIP, 15.10.2 */
}
