/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * ARM64 specifics for inmates: system register access by name or by
 * encoding (S3_0_C12_C12_0 style, for registers the assembler may not
 * know), and this CPU's MPIDR affinity, which platform_cpu_apic_id()
 * reports for each CPU on ARM64.
 */
#ifndef INMATE_ARCH_ARM64_H
#define INMATE_ARCH_ARM64_H

#include <stdint.h>

#define ARM64_STR_(x) #x
#define ARM64_STR(x) ARM64_STR_(x)
#define arm64_read_sysreg(reg)							\
	({ uint64_t v_; __asm__ volatile("mrs %0, " ARM64_STR(reg) : "=r"(v_)); v_; })
#define arm64_write_sysreg(reg, val)						\
	__asm__ volatile("msr " ARM64_STR(reg) ", %0" : : "r"((uint64_t)(val)) : "memory")

/* Aff2.Aff1.Aff0 of MPIDR_EL1 (ARM DDI 0487 D23.2.122), Aff3 in bits 31:24 */
static inline uint32_t arm64_cpu_affinity(void)
{
	uint64_t mpidr = arm64_read_sysreg(mpidr_el1);

	return (uint32_t)((mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24);
}

#endif /* INMATE_ARCH_ARM64_H */
