/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Thin x86 accessors: port I/O, MMIO, MSRs, CPUID, TSC, control registers.
 * Everything that touches hardware goes through these, so that the logic
 * around them stays testable on the host.
 */
#ifndef INMATE_ARCH_X86_H
#define INMATE_ARCH_X86_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t value)
{
	asm volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t value)
{
	asm volatile("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t value)
{
	asm volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t value;

	asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline uint16_t inw(uint16_t port)
{
	uint16_t value;

	asm volatile("inw %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline uint32_t inl(uint16_t port)
{
	uint32_t value;

	asm volatile("inl %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline uint8_t mmio_read8(uint64_t address)
{
	return *(volatile uint8_t *)address;
}

static inline uint16_t mmio_read16(uint64_t address)
{
	return *(volatile uint16_t *)address;
}

static inline uint32_t mmio_read32(uint64_t address)
{
	return *(volatile uint32_t *)address;
}

static inline void mmio_write8(uint64_t address, uint8_t value)
{
	*(volatile uint8_t *)address = value;
}

static inline void mmio_write16(uint64_t address, uint16_t value)
{
	*(volatile uint16_t *)address = value;
}

static inline void mmio_write32(uint64_t address, uint32_t value)
{
	*(volatile uint32_t *)address = value;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t low, high;

	asm volatile("rdmsr" : "=a"(low), "=d"(high) : "c"(msr));
	return ((uint64_t)high << 32) | low;
}

static inline void wrmsr(uint32_t msr, uint64_t value)
{
	asm volatile("wrmsr" : : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32))
		     : "memory");
}

struct cpuid_result {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct cpuid_result cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_result r;

	asm volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "a"(leaf), "c"(subleaf));
	return r;
}

static inline uint64_t rdtsc(void)
{
	uint32_t low, high;

	asm volatile("rdtsc" : "=a"(low), "=d"(high));
	return ((uint64_t)high << 32) | low;
}

/* RDTSC ordered after earlier instructions (Intel SDM vol. 2B, RDTSC). */
static inline uint64_t rdtsc_ordered(void)
{
	asm volatile("lfence" : : : "memory");
	return rdtsc();
}

static inline uint64_t read_cr2(void)
{
	uint64_t value;

	asm volatile("mov %%cr2, %0" : "=r"(value));
	return value;
}

static inline void memory_barrier(void)
{
	asm volatile("mfence" : : : "memory");
}

#define MSR_APIC_BASE		0x0000001b
#define MSR_MTRR_DEF_TYPE	0x000002ff
#define MTRR_DEF_TYPE_ENABLE	(1ull << 11)	/* E: MTRRs on (SDM vol. 3A, 11.11.2.1) */
#define MTRR_TYPE_WB		6
#define MSR_TSC_DEADLINE	0x000006e0
#define MSR_PQR_ASSOC		0x00000c8f
#define MSR_L3_QOS_MASK_BASE	0x00000c90
#define MSR_GS_BASE		0xc0000101

#endif /* INMATE_ARCH_X86_H */
