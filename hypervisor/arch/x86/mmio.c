// SPDX-License-Identifier: GPL-2.0-only
/*
 * Nested page faults: the xAPIC page (every cell's: ICR writes filtered, a
 * non-root cell's LVT writes checked) and root's IOAPIC register windows (ioapic.c checks redirection
 * entries) are the MMIO the hypervisor emulates; a fault anywhere else
 * means the cell touched memory its config does not give it. The
 * instruction is read as the guest's CPU would (guest_paging.c), through the
 * cell's nested page tables and only from the cell's RAM (guest_memory.c).
 */
#include <arch/decode.h>
#include <arch/guest_memory.h>
#include <arch/guest_paging.h>
#include <arch/paging.h>
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/printk.h>

#define XAPIC_BASE		0xfee00000ULL
#define XAPIC_ICR_LOW		0x300
#define XAPIC_ICR_HIGH		0x310
#define XAPIC_LDR		0xd0
#define XAPIC_DFR		0xe0
#define MAX_INSTRUCTION		15

/* EXITINFO1 of a nested page fault, AMD APM vol. 2, 15.25.6. */
#define NPF_WRITE		(1ULL << 1)
#define NPF_RESERVED		(1ULL << 3)
#define NPF_FETCH		(1ULL << 4)
#define NPF_TABLE_WALK		(1ULL << 33)

struct instruction_fetch {
	struct paging nested;
	struct guest_memory memory;
	struct guest_paging paging;
	struct guest_code code;
};

/*
 * The callback is a local function: the address of an extern one would be
 * a GOT load under -fpie, which the hypervisor's static link cannot resolve.
 */
static int read_cell_memory(void *memory, u64 gpa, void *buffer, unsigned int size)
{
	return guest_memory_read(memory, gpa, buffer, size);
}

static unsigned int physical_address_bits(void)
{
	static unsigned int bits;

	if (!bits)
		bits = cpuid(0x80000008, 0).eax & 0xff;	/* same on every CPU */
	return bits;
}

static void prepare_fetch(struct per_cpu *cpu, const struct vmcb *vmcb,
			  struct instruction_fetch *fetch)
{
	const struct warden_cell_config *config = cpu->cell->config;

	fetch->nested = nested_paging();
	fetch->memory = (struct guest_memory){
		.nested = &fetch->nested,
		.nested_root = cpu->cell->arch.npt_root,
		.regions = config_table(config, &config->memory_regions),
		.region_count = config->memory_regions.count,
		.hv_start = hypervisor_header.memory_phys,
		.hv_size = hypervisor_header.memory_size,
		.host_limit = host_identity_map_end(),
	};
	fetch->paging = (struct guest_paging){
		.cr0 = vmcb->cr0, .cr3 = vmcb->cr3, .cr4 = vmcb->cr4, .efer = vmcb->efer,
		.phys_bits = physical_address_bits(),
		.read_phys = read_cell_memory,
		.context = &fetch->memory,
	};
	fetch->code = (struct guest_code){
		.rip = vmcb->rip, .rflags = vmcb->rflags,
		.cs_base = vmcb->cs.base, .cs_limit = vmcb->cs.limit,
		.cs_attributes = vmcb->cs.attributes, .cpl = vmcb->cpl,
	};
}

static void inject_fault(struct vmcb *vmcb, unsigned int vector, u32 error_code)
{
	vmcb->event_injection = EVENT_VALID | EVENT_TYPE_EXCEPTION | vector | EVENT_ERROR_VALID |
				((u64)error_code << 32);
}

/*
 * The instruction could not be read. A page fault is what the CPU would
 * raise for the same walk (the guest changed its tables since it ran the
 * instruction): #PF with CR2. A read the hypervisor refuses (a table or the
 * code outside the cell's RAM) gets #GP(0): a #PF would be wrong, since the
 * guest's tables say present, and its handler would retry forever.
 */
static void refuse_fetch(struct per_cpu *cpu, struct vmcb *vmcb,
			 const struct instruction_fetch *fetch, const struct guest_fault *fault)
{
	if (fault->kind == GUEST_FAULT_PAGE) {
		vmcb->cr2 = fault->address;
		inject_fault(vmcb, VECTOR_PF, fault->error_code);
		return;
	}
	if (fault->kind == GUEST_FAULT_REFUSED && fetch->memory.refused_host == ~0ULL)
		printk("warden: CPU %u: cell '%s' at RIP %llx: reading its instruction (linear %llx) "
		       "needs guest-physical %llx, which is not mapped for the cell: #GP injected\n",
		       cpu->id, cpu->cell->config->name, vmcb->rip, fault->linear, fault->address);
	else if (fault->kind == GUEST_FAULT_REFUSED)
		printk("warden: CPU %u: cell '%s' at RIP %llx: reading its instruction (linear %llx) "
		       "needs guest-physical %llx (host %llx), which is not RAM of the cell: "
		       "#GP injected\n", cpu->id, cpu->cell->config->name, vmcb->rip,
		       fault->linear, fault->address, fetch->memory.refused_host);
	inject_fault(vmcb, VECTOR_GP, 0);
}

static u64 *register_of(struct registers *guest, struct vmcb *vmcb, unsigned int n)
{
	/* struct registers lists r15 .. rax: encoding n sits at index 15 - n. */
	u64 *array = (u64 *)guest;

	if (n == 0)
		return &vmcb->rax;
	if (n == 4)
		return &vmcb->rsp;
	return &array[15 - n];
}

/*
 * A non-root cell's LVT write with a delivery mode beyond fixed (the rule of
 * the x2APIC path in msr.c): a store hardware would take, refused with #GP
 * as the WRMSR of the same value is, so that the cell sees it.
 */
static bool xapic_lvt_refused(struct per_cpu *cpu, struct vmcb *vmcb, u64 offset, u32 value)
{
	u32 msr = MSR_X2APIC_FIRST + (u32)(offset / 16);

	if (cpu->cell == &root_cell || offset % 16 || lvt_write_allowed(msr, value, false))
		return false;
	printk("warden: CPU %u: cell '%s' at RIP %llx: xAPIC LVT write %x at offset %llx refused: "
	       "only fixed or masked in a cell: #GP injected\n", cpu->id,
	       cpu->cell->config->name, vmcb->rip, value, offset);
	vcpu_inject_exception(vmcb, VECTOR_GP, true);
	return true;
}

/* False when the access was refused with a fault (RIP stays). */
static bool xapic_access(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest,
			 const struct mmio_instruction *insn, u64 offset)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;
	u64 *reg = register_of(guest, vmcb, insn->reg);
	u32 value;

	if (!insn->write) {
		*reg = apic[offset / 4];	/* 32-bit loads zero-extend */
		return true;
	}
	value = (u32)(insn->has_immediate ? insn->immediate : *reg);
	if (offset == XAPIC_ICR_LOW) {
		apic_send_ipi(cpu, apic[XAPIC_ICR_HIGH / 4] >> 24, value, false);
		return true;
	}
	if (xapic_lvt_refused(cpu, vmcb, offset, value))
		return false;
	apic[offset / 4] = value;
	if (cpu->cell == &root_cell && (offset == XAPIC_LDR || offset == XAPIC_DFR))
		root_ipi_record_logical_id(cpu);
	return true;
}

/* Only a data access may be emulated: not a page-table walk, not code. */
static void check_data_access(struct per_cpu *cpu, const struct vmcb *vmcb, const char *device)
{
	u64 info = vmcb->exit_info1;
	const char *what;

	if (info & NPF_TABLE_WALK)
		what = "its page-table walk read";
	else if (info & NPF_FETCH)
		what = "it executes code from";
	else if (info & NPF_RESERVED)
		what = "a reserved-bit fault on";
	else
		return;
	printk("warden: CPU %u: cell '%s' at RIP %llx: %s the %s page %llx (fault %llx), "
	       "which is only emulated for MOV\n", cpu->id, cpu->cell->config->name, vmcb->rip,
	       what, device, vmcb->exit_info2, info);
	guest_fault(cpu, WARDEN_FAILURE_XAPIC, vmcb->exit_info2, vmcb->rip);
}

static u64 next_rip(const struct vmcb *vmcb, unsigned int code_bits, unsigned int length)
{
	u64 rip = vmcb->rip + length;

	if (code_bits == 64)
		return rip;
	return rip & (code_bits == 32 ? 0xffffffffULL : 0xffffULL);	/* (E)IP wraps */
}

static void ioapic_emulate(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest,
			   const struct mmio_instruction *insn, const struct warden_ioapic *ioapic)
{
	u64 *reg = register_of(guest, vmcb, insn->reg);
	u32 value = (u32)(insn->has_immediate ? insn->immediate : *reg);

	ioapic_access(cpu, ioapic, (vmcb->exit_info2 & 0xfff) & ~3ULL, insn->write, &value);
	if (!insn->write)
		*reg = value;		/* 32-bit loads zero-extend */
}

/*
 * The instruction of the fault, decoded: a 4-byte MOV in the fault's
 * direction. Returns false when the guest gets a fault instead.
 */
static bool decode_access(struct per_cpu *cpu, struct vmcb *vmcb, const char *device,
			  struct mmio_instruction *insn, unsigned int *code_bits)
{
	struct instruction_fetch fetch;
	struct guest_fault fault;
	u8 bytes[MAX_INSTRUCTION] = { 0 };
	unsigned int length;

	check_data_access(cpu, vmcb, device);
	prepare_fetch(cpu, vmcb, &fetch);
	*code_bits = guest_code_bits(&fetch.paging, &fetch.code);
	length = guest_fetch(&fetch.paging, &fetch.code, bytes, MAX_INSTRUCTION, &fault);
	if (decode_mmio_instruction(bytes, length, *code_bits, insn)) {
		if (fault.kind != GUEST_FAULT_NONE) {
			refuse_fetch(cpu, vmcb, &fetch, &fault);
			return false;
		}
		insn->size = 0;
	}
	/* The decoded direction must be the fault's (the code may have changed since). */
	if (insn->size != 4 || insn->write != !!(vmcb->exit_info1 & NPF_WRITE)) {
		printk("warden: CPU %u: %s %s at RIP %llx (%u-bit code): instruction "
		       "%02x %02x %02x %02x not supported\n", cpu->id, device,
		       vmcb->exit_info1 & NPF_WRITE ? "write" : "read", vmcb->rip, *code_bits,
		       bytes[0], bytes[1], bytes[2], bytes[3]);
		guest_fault(cpu, WARDEN_FAILURE_XAPIC, vmcb->exit_info2, vmcb->rip);
	}
	return true;
}

void vcpu_handle_npf(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest)
{
	u64 address = vmcb->exit_info2;
	const struct warden_ioapic *ioapic = NULL;
	struct mmio_instruction insn;
	unsigned int code_bits;
	bool xapic = address >= XAPIC_BASE && address < XAPIC_BASE + 0x1000;

	if (!xapic && cpu->cell == &root_cell)
		ioapic = ioapic_at(address);
	if (!xapic && !ioapic) {
		printk("warden: CPU %u: cell '%s' accessed %llx (fault %llx) at RIP %llx: "
		       "not in its memory regions\n", cpu->id, cpu->cell->config->name,
		       address, vmcb->exit_info1, vmcb->rip);
		guest_fault(cpu, WARDEN_FAILURE_MEMORY, address, vmcb->rip);
	}
	cpu->exits[xapic ? WARDEN_EXIT_XAPIC : WARDEN_EXIT_IOAPIC]++;
	if (!decode_access(cpu, vmcb, xapic ? "xAPIC" : "IOAPIC", &insn, &code_bits))
		return;
	if (xapic && !xapic_access(cpu, vmcb, guest, &insn, (address & 0xfff) & ~3ULL))
		return;		/* refused with a fault: RIP stays */
	if (!xapic)
		ioapic_emulate(cpu, vmcb, guest, &insn, ioapic);
	vmcb->rip = next_rip(vmcb, code_bits, insn.length);
}
