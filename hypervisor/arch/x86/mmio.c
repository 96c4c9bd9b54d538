// SPDX-License-Identifier: GPL-2.0-only
/*
 * Nested page faults: the root cell's xAPIC page is the only MMIO the
 * hypervisor emulates (it filters ICR writes); a fault anywhere else means
 * the cell touched memory its config does not give it.
 */
#include <arch/decode.h>
#include <arch/paging.h>
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/printk.h>

#define XAPIC_BASE		0xfee00000ULL
#define XAPIC_ICR_LOW		0x300
#define XAPIC_ICR_HIGH		0x310
#define MAX_INSTRUCTION		15

static __u64 *identity(void *context, __u64 pa)
{
	(void)context;
	return (__u64 *)(unsigned long)pa;
}

/*
 * Reads the instruction at the guest's RIP through the guest's own page
 * tables (5-level under CR4.LA57); guest-physical is host-physical for the
 * root cell and reachable through the hypervisor's identity map.
 */
static unsigned int fetch_instruction(struct vmcb *vmcb, u8 *bytes)
{
	struct paging guest = {
		.levels = vmcb->cr4 & CR4_LA57 ? 5 : 4,
		.phys_to_virt = identity,
	};
	unsigned int n;
	u64 phys, flags;

	for (n = 0; n < MAX_INSTRUCTION; n++) {
		u64 virt = vmcb->rip + n;

		if (n == 0 || !(virt & 0xfff)) {
			if (paging_translate(&guest, vmcb->cr3, virt, &phys, &flags))
				break;
		} else {
			phys++;
		}
		bytes[n] = *(volatile u8 *)(unsigned long)phys;
	}
	return n;
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

static void xapic_access(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest,
			 const struct mmio_instruction *insn, u64 offset)
{
	volatile u32 *apic = (volatile u32 *)(unsigned long)XAPIC_BASE;
	u64 *reg = register_of(guest, vmcb, insn->reg);
	u32 value;

	if (!insn->write) {
		*reg = apic[offset / 4];	/* 32-bit loads zero-extend */
		return;
	}
	value = (u32)(insn->has_immediate ? insn->immediate : *reg);
	if (offset == XAPIC_ICR_LOW) {
		apic_send_ipi(cpu, apic[XAPIC_ICR_HIGH / 4] >> 24, value, false);
		return;
	}
	apic[offset / 4] = value;
}

void vcpu_handle_npf(struct per_cpu *cpu, struct vmcb *vmcb, struct registers *guest)
{
	u64 address = vmcb->exit_info2;
	struct mmio_instruction insn;
	u8 bytes[MAX_INSTRUCTION];
	unsigned int length;

	if (address < XAPIC_BASE || address >= XAPIC_BASE + 0x1000) {
		printk("warden: CPU %u: cell '%s' accessed %llx (fault %llx) at RIP %llx: "
		       "not in its memory regions\n", cpu->id, cpu->cell->config->name,
		       address, vmcb->exit_info1, vmcb->rip);
		panic_stop(cpu, "access outside the cell's memory");
	}
	cpu->exits[WARDEN_EXIT_XAPIC]++;
	length = fetch_instruction(vmcb, bytes);
	if (decode_mmio_instruction(bytes, length, 64, &insn) || insn.size != 4) {
		printk("warden: CPU %u: xAPIC access at RIP %llx: instruction %02x %02x %02x %02x "
		       "not supported\n", cpu->id, vmcb->rip, bytes[0], bytes[1], bytes[2],
		       bytes[3]);
		panic_stop(cpu, "undecodable xAPIC access");
	}
	xapic_access(cpu, vmcb, guest, &insn, (address & 0xfff) & ~3ULL);
	vmcb->rip += insn.length;
}
