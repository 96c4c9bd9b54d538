// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Exceptions are fatal for an inmate: report vector, error code, RIP, CR2
 * and registers on the console, set the cell state to "failed" and halt
 * (bare on QEMU: exit QEMU). test_expect_fault() turns an expected one
 * into a passed check.
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>
#include "arch_internal.h"
#include "../../sdk_internal.h"

static const char *const exception_names[32] = {
	[0] = "#DE divide error", [1] = "#DB debug", [2] = "NMI", [3] = "#BP breakpoint",
	[4] = "#OF overflow", [5] = "#BR bound range", [6] = "#UD invalid opcode",
	[7] = "#NM device not available", [8] = "#DF double fault",
	[10] = "#TS invalid TSS", [11] = "#NP segment not present",
	[12] = "#SS stack fault", [13] = "#GP protection violation",
	[14] = "#PF page fault", [16] = "#MF x87 error", [17] = "#AC alignment check",
	[18] = "#MC machine check", [19] = "#XM SIMD error", [20] = "#VE virtualization",
	[21] = "#CP control protection", [29] = "#VC VMM communication",
	[30] = "#SX security",
};

void exception_report(struct interrupt_frame *frame)
{
	const char *name = frame->vector < 32 ? exception_names[frame->vector] : NULL;
	uint64_t cr2 = read_cr2();

	printk("\nFATAL: exception %llu (%s) on CPU %u\n", (unsigned long long)frame->vector,
	       name ? name : "reserved", this_percpu()->cpu);
	printk("  error code 0x%llx  RIP 0x%016llx  CR2 0x%016llx\n",
	       (unsigned long long)frame->error_code, (unsigned long long)frame->rip,
	       (unsigned long long)cr2);
	printk("  RSP 0x%016llx  RFLAGS 0x%llx  RAX 0x%llx  RBX 0x%llx\n",
	       (unsigned long long)frame->rsp, (unsigned long long)frame->rflags,
	       (unsigned long long)frame->rax, (unsigned long long)frame->rbx);
	printk("  RCX 0x%llx  RDX 0x%llx  RSI 0x%llx  RDI 0x%llx  RBP 0x%llx\n",
	       (unsigned long long)frame->rcx, (unsigned long long)frame->rdx,
	       (unsigned long long)frame->rsi, (unsigned long long)frame->rdi,
	       (unsigned long long)frame->rbp);
	test_fault_judge((unsigned int)frame->vector, frame->vector == 14, cr2);
	inmate_exit(1);
}
