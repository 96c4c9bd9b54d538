// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86 CPU setup in host mode: the hypervisor's GDT and IDT, the C side of
 * the entry, and the exception handler (host code never expects one).
 */
#include <arch/leave.h>
#include <arch/processor.h>
#include <arch/svm.h>
#include <hv/arch.h>
#include <hv/control.h>
#include <hv/printk.h>

/*
 * Long-mode code and data descriptors at Linux's selectors (0x10, 0x18):
 * the CPU keeps the segment registers Linux had loaded, so the hypervisor
 * never reloads a selector (AMD APM vol. 2, 4.8).
 */
static const u64 gdt[4] __aligned(16) = {
	0, 0, 0x00af9b000000ffffULL, 0x00cf93000000ffffULL,
};
static u64 idt[256 * 2] __aligned(16);
extern u8 exception_stubs[];
extern u8 nmi_entry[];
extern u8 interrupt_ignore[];

int arch_entry_c(unsigned int id, u64 linux_rsp, struct registers *guest);
void arch_exception(u64 *frame);
void arch_nmi(u64 stack);

static void load_tables(const void *gdt_base, u16 gdt_limit, const void *idt_base,
			u16 idt_limit)
{
	struct descriptor_pointer g = { .limit = gdt_limit, .base = (u64)(unsigned long)gdt_base };
	struct descriptor_pointer i = { .limit = idt_limit, .base = (u64)(unsigned long)idt_base };

	asm volatile("lgdt %0; lidt %1" : : "m"(g.limit), "m"(i.limit) : "memory");
}

/*
 * 64-bit interrupt gates, DPL 0, no IST (APM vol. 2, 4.8.4). Host mode runs
 * with interrupts off; vectors 32-255 are there for the moments it lets
 * pending ones in to drop them (apic.c).
 */
static void build_idt(void)
{
	unsigned int vector;
	u64 handler;

	for (vector = 0; vector < 256; vector++) {
		handler = (u64)(unsigned long)exception_stubs + 16 * vector;
		if (vector == 2)
			handler = (u64)(unsigned long)nmi_entry;
		if (vector >= 32)
			handler = (u64)(unsigned long)interrupt_ignore;
		idt[2 * vector] = (handler & 0xffff) | (0x10ULL << 16) |
				  (0x8eULL << 40) | ((handler >> 16 & 0xffff) << 48);
		idt[2 * vector + 1] = handler >> 32;
	}
}

void arch_cpu_install_tables(struct per_cpu *cpu)
{
	(void)cpu;
	build_idt();
	load_tables(gdt, sizeof(gdt) - 1, idt, sizeof(idt) - 1);
}

void arch_cpu_restore_linux_tables(struct per_cpu *cpu)
{
	const struct warden_linux_cpu *linux_state = cpu->linux_state;

	load_tables((void *)(unsigned long)linux_state->gdtr_base, linux_state->gdtr_limit,
		    (void *)(unsigned long)linux_state->idtr_base, linux_state->idtr_limit);
}

int arch_entry_c(unsigned int id, u64 linux_rsp, struct registers *guest)
{
	struct per_cpu *cpu;

	if (id >= MAX_CPUS)
		return -ERANGE;
	cpu = per_cpu(id);
	cpu->id = id;
	cpu->linux_state = &linux_cpus[id];
	cpu->arch.guest_registers = guest;
	cpu->arch.linux_rsp = linux_rsp;
	cpu->arch.linux_rip = *(u64 *)(guest + 1);
	arch_cpu_install_tables(cpu);
	return hypervisor_enter(cpu);
}

struct fixup {
	u64 faulting_rip, continue_rip;
};
extern const struct fixup __fixup_table_start[], __fixup_table_end[];

/* frame: vector, error code, RIP, CS, RFLAGS, RSP, SS. */
void arch_exception(u64 *frame)
{
	const struct fixup *fixup;

	for (fixup = __fixup_table_start; fixup < __fixup_table_end; fixup++)
		if ((frame[0] == VECTOR_GP || frame[0] == VECTOR_PF) &&
		    fixup->faulting_rip == frame[2]) {
			frame[2] = fixup->continue_rip;
			return;
		}
	printk("warden: FATAL: exception %llu (error %llx) in the hypervisor at RIP %llx, "
	       "CR2 %llx\n", frame[0], frame[1], frame[2], read_cr2());
	arch_cpu_stop();
}

/* The per-CPU area is found from the stack: the NMI came in host mode. */
void arch_nmi(u64 stack)
{
	extern struct per_cpu per_cpu_areas[MAX_CPUS];
	u64 offset = stack - (u64)(unsigned long)per_cpu_areas;

	if (offset < sizeof(per_cpu_areas))
		guest_nmi_raise(&per_cpu_areas[offset / sizeof(struct per_cpu)].arch.nmi);
}

void arch_cpu_relax(void)
{
	cpu_relax();
}

u64 arch_cpu_cycles(void)
{
	u32 low, high;

	asm volatile("rdtsc" : "=a"(low), "=d"(high));
	return ((u64)high << 32) | low;
}

void __noreturn arch_cpu_stop(void)
{
	for (;;)
		asm volatile("cli; hlt");
}

unsigned int arch_cpu_phys_id(void)
{
	return cpuid(1, 0).ebx >> 24;
}
