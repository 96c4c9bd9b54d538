// SPDX-License-Identifier: GPL-2.0-only
/*
 * The vCPU on AMD SVM: the running Linux becomes the guest of a VMCB built
 * from its live state, runs until an intercept, and can be given its CPU
 * back. AMD APM vol. 2, chapter 15.
 */
#include <arch/leave.h>
#include <arch/processor.h>
#include <arch/svm.h>
#include <arch/vcpu.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>
#include <hv/printk.h>
#include <hv/string.h>

#define CR4_PGE			(1ULL << 7)
#define SEGMENT_LIMIT		0xffffffffU

struct vmcb *vcpu_vmcb(struct per_cpu *cpu)
{
	return (struct vmcb *)cpu->arch.vmcb;
}

static u64 hv_phys(const void *p)
{
	return hv_virt_to_phys(p);
}

static int check_svm(struct per_cpu *cpu)
{
	if (!(cpuid(0x80000001, 0).ecx & (1U << 2)))
		return enable_fail(ENOSYS, "CPU %u: no AMD SVM (CPUID 8000_0001 ECX bit 2)", cpu->id);
	if (!(cpuid(0x8000000a, 0).edx & 1U))
		return enable_fail(ENOSYS, "CPU %u: no nested paging (CPUID 8000_000A EDX bit 0)",
				   cpu->id);
	if (read_msr(MSR_VM_CR) & VM_CR_SVMDIS)
		return enable_fail(EPERM, "CPU %u: SVM is disabled by the firmware (VM_CR.SVMDIS)",
				   cpu->id);
	/* The trampoline set EFER.SVME and cleared GIF; it refused if SVME was set already. */
	if (!(read_msr(MSR_EFER) & EFER_SVME))
		return enable_fail(EINVAL, "CPU %u: EFER.SVME is not set at entry", cpu->id);
	if (!!(read_cr4() & CR4_LA57) != (hypervisor_header.paging_levels == 5))
		return enable_fail(EINVAL, "CPU %u: CR4.LA57 does not match %u-level paging",
				   cpu->id, hypervisor_header.paging_levels);
	return 0;
}

static void set_segment(struct vmcb_segment *segment, u16 selector, u16 attributes)
{
	segment->selector = selector;
	segment->attributes = attributes;
	segment->limit = SEGMENT_LIMIT;
	segment->base = 0;
}

/* The guest continues exactly where Linux called the entry (15.5.1). */
static void vmcb_from_linux(struct per_cpu *cpu, struct vmcb *vmcb)
{
	const struct warden_linux_cpu *ls = cpu->linux_state;
	struct arch_cell *cell = &cpu->cell->arch;

	memset(vmcb, 0, sizeof(*vmcb));
	/*
	 * NMIs are intercepted: the hypervisor's own management NMIs (INIT
	 * requests, init_sipi.c) must not reach the guest; the guest's are
	 * reinjected (forward_nmi).
	 * #DB and #AC are intercepted and reinjected: a guest that makes
	 * their delivery raise the same exception again would otherwise
	 * hold the physical CPU in microcode for ever (CVE-2015-5307,
	 * CVE-2015-8104; APM 15.12). INVLPGA would flush the host's TLB
	 * entries of any ASID: SVM is hidden, so it gets #UD.
	 */
	vmcb->intercept_exceptions = (1U << VECTOR_DB) | (1U << VECTOR_AC);
	vmcb->intercept_misc1 = INTERCEPT_NMI | INTERCEPT_INIT | INTERCEPT_CPUID |
				INTERCEPT_IOIO | INTERCEPT_MSR | INTERCEPT_SHUTDOWN |
				INTERCEPT_INVLPGA;
	vmcb->intercept_misc2 = INTERCEPT_VMRUN | INTERCEPT_VMMCALL | INTERCEPT_VMLOAD |
				INTERCEPT_VMSAVE | INTERCEPT_STGI | INTERCEPT_CLGI |
				INTERCEPT_SKINIT;
	vmcb->iopm_base_pa = hv_phys(cell->io_bitmap);
	vmcb->msrpm_base_pa = hv_phys(cell->msr_bitmap);
	vmcb->guest_asid = 1;
	vmcb->tlb_control = TLB_CONTROL_FLUSH_ALL;	/* first VMRUN, 15.16 */
	vmcb->nested_control = NESTED_PAGING_ENABLE;
	vmcb->nested_cr3 = cell->npt_root;

	set_segment(&vmcb->cs, ls->cs, ls->cs_attributes);
	set_segment(&vmcb->ss, ls->ss, ls->ss_attributes);
	set_segment(&vmcb->ds, ls->ds, ls->ds_attributes);
	set_segment(&vmcb->es, ls->es, ls->es_attributes);
	vmcb->gdtr.limit = ls->gdtr_limit;
	vmcb->gdtr.base = ls->gdtr_base;
	vmcb->idtr.limit = ls->idtr_limit;
	vmcb->idtr.base = ls->idtr_base;
	vmcb->cpl = 0;
	vmcb->efer = read_msr(MSR_EFER);	/* with SVME, a consistency check */
	vmcb->cr0 = read_cr0();
	vmcb->cr2 = read_cr2();
	vmcb->cr3 = ls->cr3;
	vmcb->cr4 = read_cr4();
	vmcb->dr7 = read_dr7();
	vmcb->dr6 = 0xffff0ff0;
	vmcb->rflags = read_rflags();
	vmcb->rip = cpu->arch.linux_rip;
	vmcb->rsp = cpu->arch.linux_rsp;
	vmcb->rax = 0;				/* the entry call returns 0 */
	vmcb->g_pat = read_msr(MSR_PAT);
	cpu->arch.mtrr_def_type = read_msr(MSR_MTRR_DEF_TYPE);
	cpu->arch.root_x2apic = read_msr(MSR_APIC_BASE) & APIC_BASE_EXTD;
	root_ipi_record_logical_id(cpu);
	/* FS, GS, TR, LDTR, KernelGSBase, STAR..SFMASK, SYSENTER: as they are now. */
	asm volatile("vmsave %0" : : "a"(hv_phys(vmcb)) : "memory");
}

static void set_real_mode_segment(struct vmcb_segment *segment, u16 selector, u16 attributes)
{
	segment->selector = selector;
	segment->attributes = attributes;
	segment->limit = 0xffff;
	segment->base = (u64)selector << 4;
}

/*
 * The state INIT leaves and a SIPI with this vector starts (Intel SDM vol. 3,
 * 9.1.1, table 9-1; AMD APM vol. 2, 14.1.3): real mode at vector << 12,
 * caches disabled, paging off, general registers 0. The MTRRs keep their
 * values across INIT, and so does the shadow of MTRR_DEF_TYPE. EFER.SVME
 * stays set in the VMCB (the consistency check wants it, APM 15.5.1); the
 * guest reads EFER as 0.
 */
void vcpu_reset(struct per_cpu *cpu, unsigned int sipi_vector)
{
	struct vmcb *vmcb = vcpu_vmcb(cpu);

	memset(cpu->arch.guest_registers, 0, sizeof(*cpu->arch.guest_registers));
	set_real_mode_segment(&vmcb->cs, (u16)(sipi_vector << 8), 0x9b);	/* code, RX */
	set_real_mode_segment(&vmcb->ds, 0, 0x93);				/* data, RW */
	set_real_mode_segment(&vmcb->es, 0, 0x93);
	set_real_mode_segment(&vmcb->ss, 0, 0x93);
	set_real_mode_segment(&vmcb->fs, 0, 0x93);
	set_real_mode_segment(&vmcb->gs, 0, 0x93);
	set_real_mode_segment(&vmcb->ldtr, 0, 0x82);				/* LDT */
	set_real_mode_segment(&vmcb->tr, 0, 0x8b);				/* busy TSS */
	set_real_mode_segment(&vmcb->gdtr, 0, 0);
	set_real_mode_segment(&vmcb->idtr, 0, 0);
	vmcb->cpl = 0;
	vmcb->efer = EFER_SVME;
	vmcb->cr0 = 0x60000010;		/* CD, NW, ET */
	vmcb->cr2 = vmcb->cr3 = vmcb->cr4 = 0;
	vmcb->dr7 = 0x400;
	vmcb->dr6 = 0xffff0ff0;
	vmcb->rflags = RFLAGS_RESERVED1;
	vmcb->rip = vmcb->rsp = vmcb->rax = 0;
	vmcb->g_pat = 0x0007040600070406ULL;	/* the reset value */
	vmcb->star = vmcb->lstar = vmcb->cstar = vmcb->sfmask = vmcb->kernel_gs_base = 0;
	vmcb->sysenter_cs = vmcb->sysenter_esp = vmcb->sysenter_eip = 0;
	vmcb->interrupt_shadow = 0;
	vmcb->event_injection = 0;
	vmcb->tlb_control = TLB_CONTROL_FLUSH_ALL;
	vmcb->intercept_misc1 &= ~INTERCEPT_IRET;
	/*
	 * INIT discards a pending NMI on hardware too: the management NMI that
	 * brought the request may still be held (GIF is clear), so it is let
	 * in and dropped before the guest restarts.
	 */
	asm volatile("stgi; clgi" : : : "memory");
	guest_nmi_reset(&cpu->arch.nmi);
}

void vcpu_enter_cell(struct per_cpu *cpu, struct cell *cell)
{
	struct vmcb *vmcb = vcpu_vmcb(cpu);

	vmcb->nested_cr3 = cell->arch.npt_root;
	vmcb->iopm_base_pa = hv_phys(cell->arch.io_bitmap);
	vmcb->msrpm_base_pa = hv_phys(cell->arch.msr_bitmap);
	vmcb->tlb_control = TLB_CONTROL_FLUSH_ALL;
}

int arch_vcpu_init(struct per_cpu *cpu)
{
	int error = check_svm(cpu);

	if (error)
		return error;
	cpu->phys_id = arch_cpu_phys_id();
	cpu->arch.svm_enabled = true;
	guest_nmi_reset(&cpu->arch.nmi);
	write_msr(MSR_VM_HSAVE_PA, hv_phys(cpu->arch.host_save));
	vmcb_from_linux(cpu, vcpu_vmcb(cpu));
	return 0;
}

/*
 * Only VM_HSAVE_PA: the trampoline sets GIF (STGI) and clears EFER.SVME once
 * Linux's page tables and IDT are back, so no NMI finds ours or a mix.
 */
void arch_vcpu_undo(struct per_cpu *cpu)
{
	if (!cpu->arch.svm_enabled)
		return;
	write_msr(MSR_VM_HSAVE_PA, 0);
	cpu->arch.svm_enabled = false;
}

void __noreturn arch_vcpu_run(struct per_cpu *cpu)
{
	svm_run_loop(cpu->arch.guest_registers, hv_phys(vcpu_vmcb(cpu)));
}

static void write_control_registers(const struct vmcb *vmcb)
{
	asm volatile("mov %0, %%cr0" : : "r"(vmcb->cr0));
	asm volatile("mov %0, %%cr2" : : "r"(vmcb->cr2));
	asm volatile("mov %0, %%dr7" : : "r"(vmcb->dr7));
	/* Toggling PGE flushes global entries the guest may have changed (APM 5.5.2). */
	asm volatile("mov %0, %%cr4" : : "r"(vmcb->cr4 & ~CR4_PGE));
	asm volatile("mov %0, %%cr4" : : "r"(vmcb->cr4));
	write_msr(MSR_PAT, vmcb->g_pat);
}

/*
 * Hands the CPU back in the guest's current state. FS, GS, TR, LDTR and the
 * syscall MSRs are live since the VMSAVE after the exit; the trampoline
 * clears EFER.SVME after STGI, on Linux's stack.
 */
void __noreturn arch_vcpu_leave(struct per_cpu *cpu)
{
	struct vmcb *vmcb = vcpu_vmcb(cpu);
	struct leave_state state = {
		.cr3 = vmcb->cr3, .rsp = vmcb->rsp, .rip = vmcb->rip,
		.rflags = vmcb->rflags,
		.cs = vmcb->cs.selector, .ss = vmcb->ss.selector,
		.ds = vmcb->ds.selector, .es = vmcb->es.selector,
		.trampoline = hypervisor_header.trampoline_leave,
		.gdtr = { .limit = (u16)vmcb->gdtr.limit, .base = vmcb->gdtr.base },
		.idtr = { .limit = (u16)vmcb->idtr.limit, .base = vmcb->idtr.base },
	};

	write_control_registers(vmcb);
	write_msr(MSR_VM_HSAVE_PA, 0);
	cpu->arch.svm_enabled = false;
	leave_to_linux(cpu->arch.guest_registers, &state);
}

/* Real mode pushes no error code (APM vol. 2, 8.4): none is injected there. */
void vcpu_inject_exception(struct vmcb *vmcb, unsigned int vector, bool error_code)
{
	if (!(vmcb->cr0 & CR0_PE))
		error_code = false;
	vmcb->event_injection = EVENT_VALID | EVENT_TYPE_EXCEPTION | vector |
				(error_code ? EVENT_ERROR_VALID : 0);
}

/*
 * An intercepted #DB or #AC goes back to the guest as it came: for #DB the
 * CPU has already updated DR6 in the VMCB (APM 15.12), #AC's error code is
 * always 0.
 */
static void reinject_exception(struct per_cpu *cpu, struct vmcb *vmcb, unsigned int vector)
{
	cpu->exits[WARDEN_EXIT_EXCEPTION]++;
	vcpu_inject_exception(vmcb, vector, vector == VECTOR_AC);
}

static void count(struct per_cpu *cpu, unsigned int reason)
{
	cpu->exits[reason]++;
}

/*
 * The guest's NMIs: one that reached the hypervisor (an NMI exit, or
 * arch_nmi in host mode) goes in with a VMRUN whose injection slot is free,
 * and only while the guest is not in an NMI handler (guest_nmi.c). IRET is
 * intercepted from the injection until the handler returns; an NMI that
 * waits then has the IRET single-stepped, and goes in at the trap after it.
 */
static void forward_nmi(struct per_cpu *cpu, struct vmcb *vmcb)
{
	if (guest_nmi_inject(&cpu->arch.nmi, !(vmcb->event_injection & EVENT_VALID))) {
		vmcb->intercept_misc1 |= INTERCEPT_IRET;
		vmcb->event_injection = EVENT_VALID | EVENT_TYPE_NMI | VECTOR_NMI;
	} else if (!(vmcb->rflags & RFLAGS_TF) && guest_nmi_single_step(&cpu->arch.nmi)) {
		vmcb->rflags |= RFLAGS_TF;
	}
}

/*
 * A #DB exit: the trap of the hypervisor's single step over the guest's
 * IRET is dropped with its DR6.BS (Linux clears DR6 in its #DB handler, so
 * BS was clear); any other #DB goes back to the guest.
 */
static void handle_debug_exception(struct per_cpu *cpu, struct vmcb *vmcb)
{
	if (guest_nmi_single_step_trap(&cpu->arch.nmi, vmcb->dr6 & DR6_BS)) {
		vmcb->dr6 &= ~DR6_BS;
		count(cpu, WARDEN_EXIT_NMI);
		return;
	}
	reinject_exception(cpu, vmcb, VECTOR_DB);
}

static void guest_iret(struct vmcb *vmcb, struct per_cpu *cpu)
{
	vmcb->intercept_misc1 &= ~INTERCEPT_IRET;
	guest_nmi_iret_exit(&cpu->arch.nmi, vmcb->rip);
#ifdef WARDEN_TEST_HOOKS
	test_probe_iret_exit(cpu);
#endif
}

/*
 * An NMI exit: the NMI is still held (GIF is clear); STGI lets it in
 * through the hypervisor's IDT (arch_nmi marks it), CLGI closes again. It
 * is a management NMI when a request waits for this CPU; otherwise it is
 * the guest's. Two NMIs that arrive together are one, on hardware too: a
 * guest NMI that coincides with a management NMI is lost.
 */
static void handle_nmi(struct per_cpu *cpu, struct vmcb *vmcb)
{
	asm volatile("stgi; clgi" : : : "memory");
	guest_nmi_raise(&cpu->arch.nmi);
	if (management_handle(cpu, vmcb))
		guest_nmi_drop(&cpu->arch.nmi);
}

void svm_handle_exit(struct registers *guest);

void svm_handle_exit(struct registers *guest)
{
	struct per_cpu *cpu = per_cpu(vcpu_index_of_registers(guest));
	struct vmcb *vmcb = vcpu_vmcb(cpu);
	u32 code = (u32)vmcb->exit_code;

	count(cpu, WARDEN_EXIT_TOTAL);
	vmcb->tlb_control = 0;
	/*
	 * An event whose delivery the exit interrupted is delivered again
	 * (EXITINTINFO, APM 15.7.2); a handler's own injection replaces it.
	 */
	vmcb->event_injection = vmcb->exit_interrupt_info & EVENT_VALID ?
				vmcb->exit_interrupt_info : 0;
	guest_nmi_exit(&cpu->arch.nmi, vmcb->rip);	/* has the handler's IRET run? */
	switch (code) {
	case EXIT_NMI:
		count(cpu, WARDEN_EXIT_NMI);
		handle_nmi(cpu, vmcb);
		break;
	case EXIT_IRET:
		count(cpu, WARDEN_EXIT_NMI);
		guest_iret(vmcb, cpu);
		break;
	case EXIT_CPUID:
		count(cpu, WARDEN_EXIT_CPUID);
		vcpu_handle_cpuid(vmcb, guest);
		vmcb->rip += 2;
		break;
	case EXIT_VMMCALL:
		count(cpu, WARDEN_EXIT_HYPERCALL);
		if (vmcb->cpl) {
			/* Only the kernel may call: user space sees what it sees without us. */
			vcpu_inject_exception(vmcb, VECTOR_UD, false);
			break;
		}
		vmcb->rip += 3;
		vmcb->rax = (u64)hypercall(cpu, vmcb->rax, guest->rdi, guest->rsi);
		break;
	case EXIT_MSR:
		count(cpu, WARDEN_EXIT_MSR);
		vcpu_handle_msr(cpu, vmcb, guest);
		break;
	case EXIT_IOIO:
		count(cpu, WARDEN_EXIT_PIO);
		vcpu_handle_io(cpu, vmcb);
		break;
	case EXIT_NPF:
		count(cpu, WARDEN_EXIT_MMIO);
		vcpu_handle_npf(cpu, vmcb, guest);
		break;
	case EXIT_EXCEPTION_DB:
		handle_debug_exception(cpu, vmcb);
		break;
	case EXIT_EXCEPTION_AC:
		reinject_exception(cpu, vmcb, VECTOR_AC);
		break;
	case EXIT_VMRUN: case EXIT_VMLOAD: case EXIT_VMSAVE:
	case EXIT_STGI: case EXIT_CLGI: case EXIT_SKINIT: case EXIT_INVLPGA:
		count(cpu, WARDEN_EXIT_OTHER);
		vcpu_inject_exception(vmcb, VECTOR_UD, false);	/* SVM is hidden */
		break;
	case EXIT_INIT:
		/* Another CPU of the cell sent INIT (init_sipi.c): wait for its SIPI. */
		count(cpu, WARDEN_EXIT_INIT_SIPI);
		init_sipi_wait(cpu);
		break;
	case EXIT_SHUTDOWN:
		guest_fault(cpu, WARDEN_FAILURE_TRIPLE_FAULT, 0, vmcb->rip);
	default:
		printk("warden: CPU %u: exit %x (info %llx %llx) at RIP %llx\n", cpu->id, code,
		       vmcb->exit_info1, vmcb->exit_info2, vmcb->rip);
		if (code == EXIT_INVALID)
			guest_fault(cpu, WARDEN_FAILURE_GUEST_STATE, 0, vmcb->rip);
		guest_fault(cpu, WARDEN_FAILURE_UNEXPECTED_EXIT, code, vmcb->rip);
	}
	forward_nmi(cpu, vmcb);
}
