// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Fatal exceptions: report the syndrome (ESR_EL1, ARM DDI 0487 D17.2.37),
 * fault address and registers, then end the inmate as failed, or as
 * test_expect_fault() asked: its "vector" is the exception class ESR.EC
 * (0x00 unknown, e.g. UDF; 0x21 instruction abort and 0x25 data abort at
 * EL1, D17.2.37 table), its address FAR_EL1, checked for the aborts.
 */
#include <inmate/inmate.h>
#include "arch_internal.h"
#include "sysreg.h"
#include "../../sdk_internal.h"

#define EC_INSTRUCTION_ABORT_LOWER	0x20
#define EC_INSTRUCTION_ABORT		0x21
#define EC_DATA_ABORT_LOWER		0x24
#define EC_DATA_ABORT			0x25

static const char *const kinds[16] = {
	"sync", "IRQ", "FIQ", "SError",
	"sync (in an exception)", "IRQ (in an exception)", "FIQ (in an exception)",
	"SError (in an exception)",
	"sync (lower EL)", "IRQ (lower EL)", "FIQ (lower EL)", "SError (lower EL)",
	"sync (AArch32)", "IRQ (AArch32)", "FIQ (AArch32)", "SError (AArch32)",
};

void exception_report(unsigned int kind, const uint64_t *frame);

void exception_report(unsigned int kind, const uint64_t *frame)
{
	uint64_t esr = read_sysreg(esr_el1);
	unsigned int i, class = (unsigned int)(esr >> 26) & 0x3f;

	printk("warden-sdk: FATAL: %s exception on CPU %u: ESR 0x%llx (class 0x%llx), "
	       "FAR 0x%llx, ELR 0x%llx\n", kinds[kind & 15], smp_this_cpu(),
	       (unsigned long long)esr, (unsigned long long)(esr >> 26),
	       (unsigned long long)read_sysreg(far_el1), (unsigned long long)frame[31]);
	for (i = 0; i < 31; i += 2)
		printk("  x%-2u 0x%016llx  x%-2u 0x%016llx\n", i, (unsigned long long)frame[i],
		       i + 1, i + 1 < 31 ? (unsigned long long)frame[i + 1] : 0ull);
	test_fault_judge(class, class == EC_INSTRUCTION_ABORT || class == EC_DATA_ABORT ||
			 class == EC_INSTRUCTION_ABORT_LOWER || class == EC_DATA_ABORT_LOWER,
			 read_sysreg(far_el1));
	inmate_exit(1);
}
