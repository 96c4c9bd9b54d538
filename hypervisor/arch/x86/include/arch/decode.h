/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Decoding the MMIO instruction of a nested page fault: without decode
 * assists (QEMU's -cpu max has none) the hypervisor reads the instruction at
 * the guest's RIP and needs its length, direction, width and operand. The
 * guest's mode decides default operand and address sizes and whether 40-4F
 * are REX prefixes (64-bit mode) or INC/DEC (elsewhere, refused).
 * Pure logic, unit-tested on the host.
 */
#ifndef WARDEN_ARCH_DECODE_H
#define WARDEN_ARCH_DECODE_H

#include <warden/types.h>

struct mmio_instruction {
	unsigned int length;		/* bytes, to advance RIP */
	unsigned int size;		/* access width in bytes: 1, 2, 4 or 8 */
	int write;			/* 1: store to MMIO, 0: load */
	int has_immediate;		/* store of an immediate */
	unsigned int reg;		/* register operand, 0 = RAX .. 15 = R15 */
	int high_byte;			/* reg 0-3 names AH, CH, DH, BH */
	__u64 immediate;
};

/*
 * code_bits: 16 (real, virtual-8086, 16-bit protected), 32 (32-bit protected
 * or compatibility mode) or 64 (64-bit mode); see guest_code_bits(). Returns
 * 0, or -1 for an instruction outside the supported MOV forms.
 */
int decode_mmio_instruction(const __u8 *bytes, unsigned int available, unsigned int code_bits,
			    struct mmio_instruction *insn);

#endif /* WARDEN_ARCH_DECODE_H */
