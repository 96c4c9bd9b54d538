/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * ARM64 system register values and the GICv3 system registers by encoding
 * (the assembler need not know their names). ARM DDI 0487 (Arm ARM) and
 * IHI 0069 (GICv3) register descriptions.
 */
#ifndef SDK_ARM64_SYSREG_H
#define SDK_ARM64_SYSREG_H

/* 64-bit constants for C, plain numbers for the assembler */
#ifdef __ASSEMBLER__
#define SYSREG_U64(x)		x
#else
#define SYSREG_U64(x)		x##ull
#endif

#define HCR_EL2_RW		(1 << 31)
#define CNTHCTL_EL1PCTEN	(1 << 0)
#define CNTHCTL_EL1PCEN		(1 << 1)
#define CPTR_EL2_DEFAULT	0x33ff		/* RES1 bits; TFP (bit 10) clear */
#define SCTLR_EL1_RES1		0x30d00800
#define SCTLR_M			(1 << 0)
#define SCTLR_C			(1 << 2)
#define SCTLR_I			(1 << 12)
#define SPSR_EL1H_MASKED	0x3c5		/* EL1h, D, A, I, F masked */
#define CPACR_FPEN_ALL		(3 << 20)

/* MAIR: attribute 0 Device-nGnRE, 1 Normal write-back, 2 Normal write-through
 * (both read/write-allocate, non-transient; ARM DDI 0487 D17.2.97) */
#define MAIR_VALUE		0xbbff04
/* T0SZ 25, inner/outer WBWA, inner shareable, 4 KiB, no TTBR1 walks, 40-bit PA */
#define TCR_VALUE		(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2 << 32))
/* level-1 block: valid, AttrIndx, SH, AF; device never executable */
#define PTE_BLOCK_NORMAL	(SYSREG_U64(0x1) | (1 << 2) | (3 << 8) | (1 << 10))
#define PTE_BLOCK_DEVICE	(SYSREG_U64(0x1) | (0 << 2) | (1 << 10) | (SYSREG_U64(3) << 53))
#define PTE_BLOCK_NORMAL_WT	(SYSREG_U64(0x1) | (2 << 2) | (3 << 8) | (1 << 10))	/* map_range() */
/* a next-level table (levels 1-2); with a block's attributes, bit 1 makes a level-3 page (D8.3.1) */
#define PTE_TABLE		SYSREG_U64(0x3)
#define PTE_PAGE		SYSREG_U64(0x2)
#define PTE_ADDRESS		SYSREG_U64(0x0000fffffffff000)
#define SZ_2M			SYSREG_U64(0x200000)
#define SZ_1G			SYSREG_U64(0x40000000)
/* each CPU's exception stack (vectors.S): 1 << EXCEPTION_STACK_SHIFT bytes */
#define EXCEPTION_STACK_SHIFT	14
#define EXCEPTION_STACK_CPUS	8	/* SMP_MAX_CPUS, checked in smp.c */
/* QEMU virt RAM starts at 1 GiB; up to 7 GiB of it mapped write-back */
#define RAM_FIRST_GIB		1
#define RAM_LAST_GIB		7

#define ICC_SRE_SRE		(1 << 0)
#define ICC_SRE_ENABLE		(1 << 3)

#define ICC_SRE_EL2		S3_4_C12_C9_5
#define ICH_HCR_EL2		S3_4_C12_C11_0
#define ICC_SRE_EL1		S3_0_C12_C12_5
#define ICC_IAR1_EL1		S3_0_C12_C12_0
#define ICC_EOIR1_EL1		S3_0_C12_C12_1
#define ICC_PMR_EL1		S3_0_C4_C6_0
#define ICC_BPR1_EL1		S3_0_C12_C12_3
#define ICC_CTLR_EL1		S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1		S3_0_C12_C12_7
#define ICC_SGI1R_EL1		S3_0_C12_C11_5

#ifndef __ASSEMBLER__
#include <inmate/arch/arm64.h>

#define read_sysreg(reg) arm64_read_sysreg(reg)
#define write_sysreg(reg, val) arm64_write_sysreg(reg, val)
#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt ::: "memory")
#endif

#endif /* SDK_ARM64_SYSREG_H */
