// SPDX-License-Identifier: GPL-2.0-only
/*
 * The MSR intercept (AMD APM vol. 2, 15.11): which MSRs the hypervisor
 * keeps, and what a guest's RDMSR and WRMSR of them do. Guest values never
 * reach WRMSR unchecked: what hardware would refuse gets #GP (the rules in
 * intercept_rules.c), and what would change the memory types or the platform
 * beyond the cell (MTRRs, PAT, SYSCFG, HWCR, SMM, DEBUGCTL, the TSC,
 * microcode loaders) is refused unless the root cell writes the value the
 * MSR already holds, which Linux does for every MTRR and PAT on each CPU it
 * brings online. The permission maps that select these MSRs are built here
 * too; docs/hypervisor.md lists them.
 */
#include <arch/cell.h>
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/printk.h>
#include <hv/string.h>

#define VM_CR_LOCK		(1ULL << 3)
#define CPUID_1_ECX_X2APIC	(1U << 21)
#define CPUID_EXT1_EDX_NX	(1U << 20)
#define CPUID_EXT1_EDX_FFXSR	(1U << 25)
#define CPUID_EXT1_EDX_LM	(1U << 29)
#define CPUID_EXT1_ECX_TCE	(1U << 17)
#define CPUID_SVM_EDX_FLUSH_BY_ASID (1U << 6)
#define MAX_REPORTS		64
#define MTRR_DEF_TYPE_ENABLES	0xcffULL	/* E, FE and the default type */

/* Root: writes intercepted so that they can be checked (reads pass). */
static const u32 root_checked_writes[] = {
	MSR_TSC, MSR_APIC_BASE, MSR_TSC_ADJUST, MSR_BIOS_UPDATE_TRIGGER, MSR_DEBUGCTL,
	MSR_X2APIC_ICR, MSR_SYSCFG, MSR_HWCR, MSR_PATCH_LOADER, MSR_SMM_ADDR, MSR_SMM_MASK,
};

/* Non-root cells: everything intercepted but these (reads and writes). */
static const struct { u32 first, last; } cell_allowed[] = {
	{ MSR_SYSENTER_CS, MSR_SYSENTER_EIP },
	{ MSR_TSC_DEADLINE, MSR_TSC_DEADLINE },
	{ MSR_X2APIC_FIRST, MSR_X2APIC_LAST },	/* ICR and LVT writes: see below */
	{ MSR_STAR, MSR_SFMASK },
	{ MSR_FS_BASE, MSR_TSC_AUX },		/* FS, GS, KernelGS base, TSC_AUX */
};

/* Two bits per MSR (read, write) in three 2 KiB ranges (15.11). */
static void msr_bitmap_set(u8 *bitmap, u32 msr, bool read, bool write)
{
	u32 base, index, bits = (read ? 1U : 0) | (write ? 2U : 0);

	if (msr < 0x2000) {
		base = 0;
		index = msr;
	} else if (msr - 0xc0000000U < 0x2000) {
		base = 0x800;
		index = msr - 0xc0000000U;
	} else if (msr - 0xc0010000U < 0x2000) {
		base = 0x1000;
		index = msr - 0xc0010000U;
	} else {
		return;		/* outside the map: always intercepted */
	}
	bitmap[base + index / 4] &= (u8)~(3U << (2 * (index % 4)));
	bitmap[base + index / 4] |= (u8)(bits << (2 * (index % 4)));
}

void msr_bitmap_build(struct cell *cell)
{
	u8 *bitmap = cell->arch.msr_bitmap;
	unsigned int n;
	u32 msr;

	if (cell != &root_cell) {
		memset(bitmap, 0xff, MSR_BITMAP_SIZE);
		for (n = 0; n < ARRAY_SIZE(cell_allowed); n++)
			for (msr = cell_allowed[n].first; msr <= cell_allowed[n].last; msr++)
				msr_bitmap_set(bitmap, msr, false, false);
		msr_bitmap_set(bitmap, MSR_X2APIC_ICR, false, true);
		for (msr = X2APIC_LVT_THERMAL; msr <= X2APIC_LVT_ERROR; msr++)
			msr_bitmap_set(bitmap, msr, false, true);
		msr_bitmap_set(bitmap, MSR_TSC, false, true);	/* reading the TSC is fine */
		return;
	}
	memset(bitmap, 0, MSR_BITMAP_SIZE);
	for (n = 0; n < ARRAY_SIZE(root_checked_writes); n++)
		msr_bitmap_set(bitmap, root_checked_writes[n], false, true);
	for (msr = 0x200; msr <= 0x2ff; msr++)
		msr_bitmap_set(bitmap, msr, false, true);	/* MTRRs and PAT */
	msr_bitmap_set(bitmap, MSR_EFER, true, true);
	msr_bitmap_set(bitmap, MSR_VM_CR, true, true);
	msr_bitmap_set(bitmap, MSR_VM_HSAVE_PA, true, true);
}

static u64 efer_supported(void)
{
	struct cpuid_result ext = cpuid(0x80000001, 0);
	u64 bits = EFER_SCE;

	if (ext.edx & CPUID_EXT1_EDX_LM)
		bits |= EFER_LME;
	if (ext.edx & CPUID_EXT1_EDX_NX)
		bits |= EFER_NXE;
	if (ext.edx & CPUID_EXT1_EDX_FFXSR)
		bits |= EFER_FFXSR;
	if (ext.ecx & CPUID_EXT1_ECX_TCE)
		bits |= EFER_TCE;
	return bits;
}

/* A changed NXE or LME changes how the guest's TLB entries read (APM 15.16). */
static void flush_guest_tlb(struct vmcb *vmcb)
{
	vmcb->tlb_control = cpuid(0x8000000a, 0).edx & CPUID_SVM_EDX_FLUSH_BY_ASID ?
			    TLB_CONTROL_FLUSH_GUEST : TLB_CONTROL_FLUSH_ALL;
}

static const char *write_efer(struct vmcb *vmcb, u64 value)
{
	u64 current = vmcb->efer & ~EFER_SVME, result;

	if (!efer_write_allowed(current, value, vmcb->cr0, efer_supported(), &result))
		return "reserved or unsupported bit, SVME, or LME changed while paging is on";
	if ((result ^ current) & (EFER_NXE | EFER_LME))
		flush_guest_tlb(vmcb);
	vmcb->efer = result | EFER_SVME;	/* SVME stays set for VMRUN (APM 15.5.1) */
	return NULL;
}

/* IA32_APIC_BASE as the guest sees it: a cell's disabled APIC is a shadow. */
static u64 guest_apic_base(const struct per_cpu *cpu)
{
	u64 base = read_msr(MSR_APIC_BASE);

	return cpu->arch.apic_disabled ? base & ~(APIC_BASE_ENABLE | APIC_BASE_EXTD) : base;
}

/*
 * A cell may disable its APIC (the way from x2APIC back to xAPIC goes
 * through it, Intel SDM vol. 3, 10.12.5), but a globally disabled APIC takes
 * no NMI, and the hypervisor reaches a cell's CPU only by NMI (management.c):
 * destroying the cell would wait for ever. So the cell gets the disabled
 * state as a shadow, while the real APIC stays enabled in xAPIC mode, quiet
 * (LVTs masked, timer stopped, software-disabled): an x2APIC register
 * access then faults as on a disabled APIC, and an NMI still lands (a
 * software-disabled APIC accepts NMIs, SDM 10.4.7.2). Enabling it again sets
 * the mode the cell asks for.
 */
static const char *write_apic_base(struct per_cpu *cpu, u64 value)
{
	u64 result;

	if (!apic_base_write_allowed(guest_apic_base(cpu), value,
				     cpuid(0x80000008, 0).eax & 0xff,
				     cpuid(1, 0).ecx & CPUID_1_ECX_X2APIC, &result))
		return "reserved bit, a moved base or an illegal APIC mode change";
	if (cpu->cell != &root_cell && !(result & APIC_BASE_ENABLE)) {
		apic_stand_in_for_disabled();
		cpu->arch.apic_disabled = true;
		return NULL;
	}
	if (cpu->arch.apic_disabled) {
		apic_set_mode(result & APIC_BASE_EXTD);
		cpu->arch.apic_disabled = false;
		return NULL;
	}
	write_msr(MSR_APIC_BASE, result);
	return NULL;
}

static const char *write_x2apic_icr(struct per_cpu *cpu, u64 value)
{
	if (!(read_msr(MSR_APIC_BASE) & APIC_BASE_EXTD))
		return "x2APIC register written in xAPIC mode";
	if (!x2apic_icr_valid(value))
		return "reserved ICR bit";
	apic_send_ipi(cpu, (u32)(value >> 32), (u32)value, true);
	return NULL;
}

/* Only root's CPUs keep these MSRs passed through (msr_bitmap_build). */
static const char *write_x2apic_lvt(u32 msr, u64 value)
{
	if (!(read_msr(MSR_APIC_BASE) & APIC_BASE_EXTD))
		return "x2APIC register written in xAPIC mode";
	if (!lvt_write_allowed(msr, value, true))
		return "an LVT entry may only be fixed or masked in a cell (SMI, NMI, INIT and "
		       "ExtINT reach beyond it), and reserved bits stay clear";
	write_msr(msr, value);
	return NULL;
}

/*
 * MTRR_DEF_TYPE and PAT: a cell's own view (the shadow); the hardware keeps
 * the platform's, which is what root may write. Linux turns the MTRRs off
 * (E, FE and type cleared) while it rewrites them on a CPU it brings online:
 * root may do that to its shadow, the hardware stays as it is.
 */
static const char *write_memory_type(struct per_cpu *cpu, u32 msr, u64 *shadow, u64 value,
				     bool valid)
{
	u64 platform = read_msr(msr);

	if (!valid)
		return "invalid memory type";
	if (cpu->cell == &root_cell && value != platform &&
	    !(msr == MSR_MTRR_DEF_TYPE && value == (platform & ~MTRR_DEF_TYPE_ENABLES)))
		return "the root cell may not change memory types";
	*shadow = value;
	return NULL;
}

/* Root may write what the MSR holds already; nobody may change it. */
static const char *write_unchanged(struct per_cpu *cpu, u32 msr, u64 value)
{
	u64 current;

	if (cpu->cell != &root_cell)
		return "not in the cell's MSR allow list";
	if (msr == MSR_TSC || msr == MSR_PATCH_LOADER || msr == MSR_BIOS_UPDATE_TRIGGER)
		return "TSC and microcode writes are reserved to the hypervisor";
	if (!read_msr_safe(msr, &current))
		return "no such MSR on this CPU";
	if (value != current)
		return "would change memory types or platform state";
	return NULL;
}

static const char *msr_write(struct per_cpu *cpu, struct vmcb *vmcb, u32 msr, u64 value)
{
	switch (msr) {
	case MSR_EFER:
		return write_efer(vmcb, value);
	case MSR_APIC_BASE:
		return write_apic_base(cpu, value);
	case MSR_X2APIC_ICR:
		return write_x2apic_icr(cpu, value);
	case X2APIC_LVT_THERMAL ... X2APIC_LVT_ERROR:
		return write_x2apic_lvt(msr, value);
	case MSR_MTRR_DEF_TYPE:
		return write_memory_type(cpu, msr, &cpu->arch.mtrr_def_type, value,
					 mtrr_def_type_valid(value));
	case MSR_PAT:
		return write_memory_type(cpu, msr, &vmcb->g_pat, value, pat_valid(value));
	case MSR_VM_CR:
	case MSR_VM_HSAVE_PA:
		return "SVM is not offered to guests";
	default:
		return write_unchanged(cpu, msr, value);
	}
}

static const char *msr_read(struct per_cpu *cpu, struct vmcb *vmcb, u32 msr, u64 *value)
{
	switch (msr) {
	case MSR_EFER:
		*value = vmcb->efer & ~EFER_SVME;
		return NULL;
	case MSR_VM_CR:
		*value = VM_CR_LOCK | VM_CR_SVMDIS;
		return NULL;
	case MSR_MTRR_DEF_TYPE:
		*value = cpu->arch.mtrr_def_type;
		return NULL;
	case MSR_PAT:
		*value = vmcb->g_pat;
		return NULL;
	case MSR_APIC_BASE:	/* cells read their APIC's mode and base */
		*value = guest_apic_base(cpu);
		return NULL;
	case MSR_VM_HSAVE_PA:
		return "SVM is not offered to guests";
	default:
		return "not in the cell's MSR allow list";
	}
}

void vcpu_handle_msr(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest)
{
	static unsigned int reports;
	u32 msr = (u32)guest->rcx;
	bool write = vmcb->exit_info1 & 1;
	u64 value = (guest->rdx << 32) | (u32)vmcb->rax;
	const char *refusal;

	if (write) {
		refusal = msr_write(cpu, vmcb, msr, value);
	} else {
		refusal = msr_read(cpu, vmcb, msr, &value);
		if (!refusal) {
			vmcb->rax = (u32)value;
			guest->rdx = value >> 32;
		}
	}
	if (refusal) {
		if (__atomic_fetch_add(&reports, 1, __ATOMIC_RELAXED) < MAX_REPORTS)
			printk("warden: CPU %u: cell '%s': %s of MSR %x (value %llx) at RIP %llx "
			       "refused: %s\n", cpu->id, cpu->cell->config->name,
			       write ? "write" : "read", msr, value, vmcb->rip, refusal);
		vcpu_inject_exception(vmcb, VECTOR_GP, true);
		return;
	}
	vmcb->rip += 2;
}
