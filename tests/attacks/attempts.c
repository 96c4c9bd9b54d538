// SPDX-License-Identifier: GPL-2.0-only
/*
 * The attempts of the attack inmate, one escape each, chosen by name from
 * the command line (attack.c runs it). The cell is configs/x86/irqlat.dts:
 * CPU 3, 1 MiB of RAM at guest-physical 0, the comm region at 0x100000,
 * COM2; everything else of the machine belongs to root or the hypervisor.
 * Addresses are those of the q35 test machine (configs/x86/qemu-q35.dtsi).
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include <warden/hypercall.h>
#include "attack.h"

#define ROOT_RAM		0x01000000ULL	/* root Linux's RAM */
#define HYPERVISOR_MEMORY	0x30000000ULL	/* Q35_HYPERVISOR_BASE */
#define OTHER_CELL_MEMORY	0x31400000ULL	/* the neighbour irqlat-live's RAM (CPU 1) */
#define OTHER_CELL_SHARED	0x31600000ULL	/* its report, shared with root only */
#define FREE_CELLS_MEMORY	0x31800000ULL	/* the cells' area, no cell's yet */
#define PAST_OWN_MEMORY		0x00101000ULL	/* behind RAM and comm region */
#define IOAPIC_MMIO		0xfec00000ULL
#define HPET_MMIO		0xfed00000ULL
#define MMCONFIG		0xb0000000ULL
#define XAPIC_PAGE		0xfee00000ULL
#define HIGH_WINDOW		(1ULL << 39)	/* PML4 entry 1: unused by the SDK */

#define MSR_TSC			0x10
#define MSR_MICROCODE_STATUS	0x8b
#define MSR_DEBUGCTL		0x1d9
#define MSR_MTRR_PHYSBASE0	0x200
#define MSR_PAT			0x277
#define MSR_EFER		0xc0000080
#define MSR_SYSCFG		0xc0010010
#define MSR_VM_CR		0xc0010114
#define MSR_VM_HSAVE_PA		0xc0010117
#define MSR_AMD_PATCH_LOADER	0xc0010020
#define MSR_X2APIC_ICR		0x830
#define MSR_LVT_THERMAL		0x833
#define MSR_LVT_PERFORMANCE	0x834
#define MSR_LVT_LINT0		0x835
#define MSR_LVT_LINT1		0x836
#define MSR_LVT_ERROR		0x837

/* ICR fields, Intel SDM vol. 3, 10.6.1 */
#define ICR_NMI			(4 << 8)
#define ICR_SMI			(2 << 8)
#define ICR_INIT		(5 << 8)
#define ICR_STARTUP		(6 << 8)
#define ICR_LOGICAL		(1 << 11)
#define ICR_ASSERT		(1 << 14)
#define ICR_SELF		(1 << 18)
#define ICR_ALL			(2 << 18)
#define ICR_ALL_BUT_SELF	(3 << 18)
#define LVT_NMI			(4 << 8)
#define LVT_SMI			(2 << 8)
#define LVT_INIT		(5 << 8)
#define LVT_EXTINT		(7 << 8)
#define UNUSED_VECTOR		0x31	/* no handler in root Linux: it would complain */

static bool read_memory(const struct attempt *attempt)
{
	(void)*(volatile uint32_t *)(uintptr_t)attempt->address;
	return false;
}

static bool write_memory(const struct attempt *attempt)
{
	*(volatile uint32_t *)(uintptr_t)attempt->address = (uint32_t)attempt->value;
	return false;
}

/*
 * The cell's own page tables, with PML4 entry 1 added: the SDK's identity
 * map of the low 4 GiB stays (entry 0), so the code keeps running.
 */
static uint64_t own_pml4[512] __attribute__((aligned(4096)));
static uint64_t own_pdpt[512] __attribute__((aligned(4096)));
static uint64_t own_pd[512] __attribute__((aligned(4096)));

static void load_tables_with_window(uint64_t pml4_entry_1)
{
	uint64_t cr3;

	asm volatile("mov %%cr3, %0" : "=r"(cr3));
	memcpy(own_pml4, (const void *)(uintptr_t)(cr3 & ~0xfffULL), sizeof(own_pml4));
	own_pml4[1] = pml4_entry_1;
	asm volatile("mov %0, %%cr3" : : "r"((uint64_t)(uintptr_t)own_pml4) : "memory");
}

/* Remaps a 2 MiB page of its own virtual space onto root's RAM. */
static bool remap_onto_root(const struct attempt *attempt)
{
	own_pd[0] = attempt->address | 0x83;		/* present, writable, 2 MiB */
	own_pdpt[0] = (uint64_t)(uintptr_t)own_pd | 3;
	load_tables_with_window((uint64_t)(uintptr_t)own_pdpt | 3);
	(void)*(volatile uint32_t *)(uintptr_t)HIGH_WINDOW;
	return false;
}

/*
 * A page-table level at the xAPIC page: the walk itself reads it (EXITINFO1
 * bit 33), for a plain 4-byte MOV store through a register, the one form the
 * xAPIC emulation takes. Decoding the MOV instead of looking at EXITINFO1
 * would emulate a store to the xAPIC register at the walk's offset.
 */
static bool table_in_xapic_page(const struct attempt *attempt)
{
	load_tables_with_window(attempt->address | 3);
	asm volatile("movl %0, (%1)" : : "r"(0x5eedU), "r"(HIGH_WINDOW) : "memory");
	return false;
}

static bool port_out8(const struct attempt *attempt)
{
	outb((uint16_t)attempt->address, (uint8_t)attempt->value);
	return false;
}

static bool port_out32(const struct attempt *attempt)
{
	outl((uint16_t)attempt->address, (uint32_t)attempt->value);
	return false;
}

/* The PM timer's ports are every cell's (read-only counter); a write is ignored. */
static bool pm_timer_write(const struct attempt *attempt)
{
	uint32_t before, after;

	before = inl((uint16_t)attempt->address) & 0xffffff;
	outl((uint16_t)attempt->address, 0);
	delay_us(1000);
	after = inl((uint16_t)attempt->address) & 0xffffff;
	printk("attack: PM timer %06x before the write of 0, %06x a millisecond later\n",
	       before, after);
	return after != 0 && after != before;
}

static bool write_msr(const struct attempt *attempt)
{
	wrmsr((uint32_t)attempt->address, attempt->value);
	return false;
}

/* PAT is shadowed per CPU (the VMCB's G_PAT): it types only the cell's own accesses. */
static bool write_own_pat(const struct attempt *attempt)
{
	uint64_t before = rdmsr((uint32_t)attempt->address), after;

	wrmsr((uint32_t)attempt->address, attempt->value);
	after = rdmsr((uint32_t)attempt->address);
	wrmsr((uint32_t)attempt->address, before);
	printk("attack: PAT %llx, written %llx, read back %llx\n", (unsigned long long)before,
	       (unsigned long long)attempt->value, (unsigned long long)after);
	return after == attempt->value;
}

/* EFER with SVME set, or a reserved bit, on top of what the cell has. */
static bool write_efer_bits(const struct attempt *attempt)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | attempt->value);
	return false;
}

static bool send_ipi(const struct attempt *attempt)
{
	wrmsr(MSR_X2APIC_ICR, (attempt->address << 32) | attempt->value);
	delay_us(10000);	/* long enough for root to have taken it */
	return true;
}

static volatile unsigned long storm_arrivals;

static IRQ_HANDLER_NO_FPU(count_storm)
{
	(void)vector;
	(void)context;
	storm_arrivals++;
}

/* Self-IPIs by the thousand: they may only keep this CPU busy. */
static bool self_ipi_storm(const struct attempt *attempt)
{
	unsigned long n;

	irq_register((unsigned int)attempt->address, count_storm, NULL);
	irq_enable();
	for (n = 0; n < attempt->value; n++)
		wrmsr(MSR_X2APIC_ICR, ICR_SELF | attempt->address);
	delay_us(1000);
	printk("attack: %lu self-IPIs sent, %lu arrived\n", (unsigned long)attempt->value,
	       storm_arrivals);
	return storm_arrivals == attempt->value;
}

/* Its own UART, as fast as it takes characters: only its own console fills. */
static bool flood_own_uart(const struct attempt *attempt)
{
	uint16_t port = (uint16_t)attempt->address;
	unsigned long n;

	console_flush();
	for (n = 0; n < attempt->value; n++) {
		while (!(inb(port + 5) & 0x20))	/* LSR: transmitter holding register empty */
			cpu_relax();
		outb(port, n % 64 == 63 ? '\n' : 'F');
	}
	printk("\nattack: %lu characters written to port 0x%x\n", (unsigned long)attempt->value,
	       port);
	return true;
}

#define INSTRUCTION(name, bytes)						\
	static bool name(const struct attempt *attempt)				\
	{									\
		(void)attempt;							\
		asm volatile(".byte " bytes : : "a"(0), "c"(0) : "memory");	\
		return false;							\
	}
INSTRUCTION(insn_vmrun, "0x0f, 0x01, 0xd8")
INSTRUCTION(insn_vmload, "0x0f, 0x01, 0xda")
INSTRUCTION(insn_vmsave, "0x0f, 0x01, 0xdb")
INSTRUCTION(insn_stgi, "0x0f, 0x01, 0xdc")
INSTRUCTION(insn_clgi, "0x0f, 0x01, 0xdd")
INSTRUCTION(insn_skinit, "0x0f, 0x01, 0xde")
INSTRUCTION(insn_invlpga, "0x0f, 0x01, 0xdf")

/* XCR0 is the cell's own register: only x87 and SSE state from here on. */
static bool narrow_xcr0(const struct attempt *attempt)
{
	uint64_t cr4;
	uint32_t low, high;

	asm volatile("mov %%cr4, %0" : "=r"(cr4));
	asm volatile("mov %0, %%cr4" : : "r"(cr4 | (1ULL << 18)));	/* OSXSAVE */
	asm volatile("xsetbv" : : "c"(0), "a"((uint32_t)attempt->value), "d"(0));
	asm volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
	printk("attack: XCR0 of this CPU is now %x\n", low);
	return low == attempt->value && high == 0;
}

/* The single-step trap must reach the cell (the hypervisor intercepts #DB). */
static bool single_step(const struct attempt *attempt)
{
	(void)attempt;
	asm volatile("pushf; orq $0x100, (%%rsp); popf; nop" : : : "memory");
	return false;
}

static int64_t hypercall(uint64_t code, uint64_t arg1, uint64_t arg2)
{
	int64_t result;

	asm volatile("vmmcall" : "=a"(result) : "a"(code), "D"(arg1), "S"(arg2) : "memory");
	return result;
}

/* Every management call is root's: from a cell each must fail. */
static bool management_calls(const struct attempt *attempt)
{
	static const uint64_t codes[] = { WARDEN_HC_DISABLE, WARDEN_HC_CELL_CREATE,
		WARDEN_HC_CELL_START, WARDEN_HC_CELL_SET_LOADABLE, WARDEN_HC_CELL_DESTROY,
		WARDEN_HC_CELL_GET_STATE, WARDEN_HC_CELL_SHUTDOWN, WARDEN_HC_CELL_GET_FAILURE,
		WARDEN_HC_TEST_PROBE };
	static const uint64_t ids[] = { 0, 1, 2, ~0ULL };
	bool refused = true;
	unsigned int n, i;
	int64_t result;

	(void)attempt;
	for (n = 0; n < sizeof(codes) / sizeof(codes[0]); n++)
		for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
			result = hypercall(codes[n], ids[i], 0);
			if (result >= 0) {
				printk("attack: hypercall %llx(%llx) answered %lld\n",
				       (unsigned long long)codes[n],
				       (unsigned long long)ids[i], (long long)result);
				refused = false;
			}
		}
	return refused;
}

/* CPU information: its own CPU (3) yes, root's CPU 0 and nonsense no. */
static bool cpu_info_of_others(const struct attempt *attempt)
{
	int64_t own = hypercall(WARDEN_HC_CPU_GET_INFO, 3, WARDEN_CPU_INFO_STATE);
	int64_t root = hypercall(WARDEN_HC_CPU_GET_INFO, attempt->address, WARDEN_CPU_INFO_STATE);

	printk("attack: CPU_GET_INFO of its own CPU 3: %lld, of root's CPU %llu: %lld\n",
	       (long long)own, (unsigned long long)attempt->address, (long long)root);
	return own >= 0 && root < 0;
}

static bool hostile_arguments(const struct attempt *attempt)
{
	int64_t results[] = {
		hypercall(WARDEN_HC_CPU_GET_INFO, ~0ULL, WARDEN_CPU_INFO_STATE),
		hypercall(WARDEN_HC_CPU_GET_INFO, 1ULL << 32 | 3, WARDEN_CPU_INFO_STATE),
		hypercall(WARDEN_HC_CPU_GET_INFO, 3, ~0ULL),
		hypercall(WARDEN_HC_CPU_GET_INFO, 3, WARDEN_CPU_INFO_EXITS_BASE + 100000),
		hypercall(WARDEN_HC_HYPERVISOR_GET_INFO, ~0ULL, 0),
		hypercall(WARDEN_HC_HYPERVISOR_GET_INFO, 1ULL << 40, 0),
		hypercall(1ULL << 32 | WARDEN_HC_HYPERVISOR_GET_INFO, 0, 0),
		hypercall(0xdeadbeef, 0, 0),
		hypercall(~0ULL, ~0ULL, ~0ULL),
	};
	bool refused = true;
	unsigned int n;

	(void)attempt;
	for (n = 0; n < sizeof(results) / sizeof(results[0]); n++) {
		printk("attack: hostile hypercall %u answered %lld\n", n, (long long)results[n]);
		refused &= results[n] < 0;
	}
	return refused;
}

static bool debug_console_without_permission(const struct attempt *attempt)
{
	int64_t result = hypercall(WARDEN_HC_DEBUG_CONSOLE_PUTC, attempt->value, 0);

	printk("attack: DEBUG_CONSOLE_PUTC answered %lld\n", (long long)result);
	return result < 0;
}

static bool halt_interrupts_off(const struct attempt *attempt)
{
	(void)attempt;
	printk("attack: halting with interrupts off for good\n");
	console_flush();
	for (;;)
		asm volatile("cli; hlt");
}

/* What only the hypervisor writes, forged; then the cell stops answering. */
/* The benign cell: busy on its own CPU and memory for `value` ms (a checksum
 * loop the compiler cannot drop), then done. */
static bool busy_loop(const struct attempt *attempt)
{
	uint64_t end = time_ns() + attempt->value * 1000000;
	volatile uint64_t sum = 0;
	uint64_t i = 0;

	while (time_ns() < end)
		for (unsigned int k = 0; k < 1000; k++)
			sum += ++i * 2654435761u;
	printk("busy for %llu ms: %llu iterations\n", (unsigned long long)attempt->value,
	       (unsigned long long)i);
	return true;
}

static bool forge_comm_region(const struct attempt *attempt)
{
	struct warden_comm_region *comm = comm_region();

	comm->cell_state = (uint32_t)attempt->value;
	comm->msg_to_cell = WARDEN_MSG_SHUTDOWN_REQUEST;
	comm->reply_from_cell = 0x5eed;
	comm->tsc_khz = 1;
	comm->revision = 0xffff;
	return halt_interrupts_off(attempt);
}

/* An empty IDT: the next exception cannot be delivered (a triple fault). */
static bool triple_fault(const struct attempt *attempt)
{
	struct __attribute__((packed)) { uint16_t limit; uint64_t base; } idt = { 0, 0 };

	(void)attempt;
	asm volatile("lidt %0; int3" : : "m"(idt));
	return false;
}

#define MEMORY(n, what, fn, address) \
	{ n, "memory", what, EXPECT_CELL_FAILS, fn, address, 0x5eed5eed }
#define PORT(n, what, fn, port, value) { n, "ports", what, EXPECT_CELL_FAILS, fn, port, value }
#define MSR(n, what, msr, value) { n, "MSRs", what, EXPECT_GP, write_msr, msr, value }
#define IPI(n, what, destination, command) \
	{ n, "interrupts", what, EXPECT_DROPPED, send_ipi, destination, command }
#define LVT(n, what, msr, value) { n, "interrupts", what, EXPECT_GP, write_msr, msr, value }
#define SVM(n, what, fn) { n, "instructions", what, EXPECT_UD, fn, 0, 0 }

const struct attempt attempts[] = {
	MEMORY("mem-read-root-ram", "read root Linux's RAM", read_memory, ROOT_RAM),
	MEMORY("mem-write-root-ram", "write root Linux's RAM", write_memory, ROOT_RAM),
	MEMORY("mem-write-hypervisor", "write the hypervisor's memory", write_memory,
	       HYPERVISOR_MEMORY),
	MEMORY("mem-read-hypervisor", "read the hypervisor's memory (console ring, comm regions)",
	       read_memory, HYPERVISOR_MEMORY + 0x200000),
	MEMORY("mem-write-other-cell", "write the running neighbour cell's RAM", write_memory,
	       OTHER_CELL_MEMORY),
	MEMORY("mem-write-other-shared", "write the neighbour's pages shared with root (its report)",
	       write_memory, OTHER_CELL_SHARED),
	MEMORY("mem-write-cells-area", "write the cells' area no cell owns yet", write_memory,
	       FREE_CELLS_MEMORY),
	MEMORY("mem-write-past-own", "write just past its RAM and comm region", write_memory,
	       PAST_OWN_MEMORY),
	MEMORY("mmio-ioapic", "read the IOAPIC (its pins are not its registers)", read_memory,
	       IOAPIC_MMIO),
	MEMORY("mmio-hpet", "read the HPET", read_memory, HPET_MMIO),
	MEMORY("mmio-mmconfig", "read PCI MMCONFIG of root's devices", read_memory, MMCONFIG),
	MEMORY("mem-remap-root-ram", "map root's RAM through its own page tables",
	       remap_onto_root, ROOT_RAM),
	{ "mem-table-in-xapic", "memory", "put a page-table level at the xAPIC page",
	  EXPECT_CELL_FAILS, table_in_xapic_page, XAPIC_PAGE, 0 },
	PORT("port-pci-config", "select a PCI config register (0xcf8)", port_out32, 0xcf8,
	     0x80000000),
	PORT("port-pic", "mask the PIC (0x21)", port_out8, 0x21, 0xff),
	PORT("port-pit", "program the PIT (0x43)", port_out8, 0x43, 0x34),
	PORT("port-cmos", "select a CMOS/RTC register (0x70)", port_out8, 0x70, 0x0b),
	PORT("port-keyboard-reset", "pulse the reset line (0x64 <- 0xfe)", port_out8, 0x64, 0xfe),
	PORT("port-cf9-reset", "reset through 0xcf9", port_out8, 0xcf9, 0x06),
	PORT("port-root-console", "write root's console UART (COM3)", port_out8, 0x3e8, 'X'),
	PORT("port-hypervisor-console", "write the hypervisor's console UART (COM1)", port_out8,
	     0x3f8, 'X'),
	PORT("port-other-uart", "write the neighbour's UART (COM4)", port_out8, 0x2e8, 'X'),
	{ "port-pm-timer-write", "ports", "write the PM timer (readable by every cell)",
	  EXPECT_IGNORED, pm_timer_write, 0x608, 0 },
	{ "msr-efer-svme", "MSRs", "set EFER.SVME (SVM is hidden)", EXPECT_GP, write_efer_bits,
	  MSR_EFER, 1ULL << 12 },
	{ "msr-efer-reserved", "MSRs", "set a reserved EFER bit (63)", EXPECT_GP, write_efer_bits,
	  MSR_EFER, 1ULL << 63 },
	MSR("msr-vm-hsave", "point VM_HSAVE_PA at root's RAM", MSR_VM_HSAVE_PA, ROOT_RAM),
	MSR("msr-vm-cr", "write VM_CR", MSR_VM_CR, 0),
	MSR("msr-apic-base-move", "move the APIC base", MSR_APIC_BASE, 0xfed00000 | 0xc00),
	MSR("msr-mtrr", "make root's RAM uncached (MTRRphysBase0)", MSR_MTRR_PHYSBASE0, 0),
	{ "msr-pat-own", "MSRs", "make its own memory uncached (PAT: its own, in its VMCB)",
	  EXPECT_IGNORED, write_own_pat, MSR_PAT, 0 },
	MSR("msr-syscfg", "write SYSCFG", MSR_SYSCFG, 0),
	MSR("msr-tsc", "write the TSC", MSR_TSC, 0),
	MSR("msr-microcode", "load microcode (AMD patch loader)", MSR_AMD_PATCH_LOADER, ROOT_RAM),
	MSR("msr-microcode-status", "write the microcode status MSR", MSR_MICROCODE_STATUS, 0),
	MSR("msr-debugctl", "write DEBUGCTL", MSR_DEBUGCTL, 1),
	MSR("msr-outside-list", "write an MSR outside the allow list (MISC_ENABLE)", 0x1a0, 0),
	IPI("ipi-fixed-to-root", "fixed IPI to root's CPU 0", 0, UNUSED_VECTOR),
	IPI("ipi-nmi-to-root", "NMI to root's CPU 0", 0, ICR_NMI),
	IPI("ipi-smi", "SMI to root's CPU 0", 0, ICR_SMI),
	IPI("ipi-init-to-root", "INIT to root's CPU 0", 0, ICR_INIT | ICR_ASSERT),
	IPI("ipi-sipi-to-root", "SIPI to root's CPU 0", 0, ICR_STARTUP | 0x10),
	IPI("ipi-all-but-self", "broadcast, all excluding self", 0, ICR_ALL_BUT_SELF | UNUSED_VECTOR),
	IPI("ipi-all", "broadcast, all including self", 0, ICR_ALL | UNUSED_VECTOR),
	IPI("ipi-physical-broadcast", "physical destination 0xffffffff", 0xffffffff, UNUSED_VECTOR),
	IPI("ipi-logical", "logical destination, every bit", 0xffffffff, ICR_LOGICAL | UNUSED_VECTOR),
	LVT("lvt-lint0-nmi", "LINT0 as NMI", MSR_LVT_LINT0, LVT_NMI),
	LVT("lvt-lint1-smi", "LINT1 as SMI", MSR_LVT_LINT1, LVT_SMI),
	LVT("lvt-error-init", "error LVT as INIT", MSR_LVT_ERROR, LVT_INIT),
	LVT("lvt-performance-nmi", "performance LVT as NMI", MSR_LVT_PERFORMANCE, LVT_NMI),
	LVT("lvt-thermal-extint", "thermal LVT as ExtINT", MSR_LVT_THERMAL, LVT_EXTINT),
	{ "ipi-self-storm", "interrupts", "10,000 self-IPIs", EXPECT_IGNORED, self_ipi_storm,
	  0x40, 10000 },
	SVM("insn-vmrun", "VMRUN (run a guest of its own)", insn_vmrun),
	SVM("insn-vmload", "VMLOAD", insn_vmload),
	SVM("insn-vmsave", "VMSAVE", insn_vmsave),
	SVM("insn-stgi", "STGI (open the global interrupt flag)", insn_stgi),
	SVM("insn-clgi", "CLGI (hold NMIs and SMIs)", insn_clgi),
	SVM("insn-skinit", "SKINIT (secure re-launch)", insn_skinit),
	SVM("insn-invlpga", "INVLPGA (flush other ASIDs' TLB entries)", insn_invlpga),
	{ "insn-xsetbv", "instructions", "narrow XCR0 (root must get its own back)",
	  EXPECT_IGNORED, narrow_xcr0, 0, 3 },
	{ "insn-single-step", "instructions", "single-step trap (#DB intercepted)", EXPECT_DEBUG,
	  single_step, 1, 0 },
	{ "hlt-interrupts-off", "instructions", "HLT with interrupts off, for good", EXPECT_HANGS,
	  halt_interrupts_off, 0, 0 },
	{ "triple-fault", "instructions", "an exception without an IDT", EXPECT_CELL_FAILS,
	  triple_fault, 0, 0 },
	{ "hc-management", "hypercalls", "every management hypercall, ids 0, 1, 2, -1",
	  EXPECT_REFUSED, management_calls, 0, 0 },
	{ "hc-cpu-info-root", "hypercalls", "CPU information of root's CPU 0", EXPECT_REFUSED,
	  cpu_info_of_others, 0, 0 },
	{ "hc-hostile-arguments", "hypercalls", "huge, truncated and unknown codes and arguments",
	  EXPECT_REFUSED, hostile_arguments, 0, 0 },
	{ "hc-debug-console", "hypercalls", "debug console without the config's permission",
	  EXPECT_REFUSED, debug_console_without_permission, 0, 'X' },
	{ "uart-flood", "time", "flood its own UART (COM2) with 100,000 characters", EXPECT_IGNORED,
	  flood_own_uart, 0x2f8, 100000 },
	{ "comm-forged", "comm region", "forge state, message, reply, revision; then stop",
	  EXPECT_HANGS, forge_comm_region, 0, 0x77 },
	/* Not an attack: the benign neighbour the others' timing is compared with. */
	{ "baseline-busy", "baseline", "compute for 300 ms, then stop", EXPECT_IGNORED,
	  busy_loop, 0, 300 },
};

const unsigned int num_attempts = sizeof(attempts) / sizeof(attempts[0]);
