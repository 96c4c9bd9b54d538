/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Decoding the MMIO instruction of a nested page fault: without decode
 * assists (QEMU's -cpu max has none) the hypervisor reads the instruction at
 * the guest's RIP and needs its length, direction, width and operand.
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
	__u64 immediate;
};

/* Returns 0, or -1 for an instruction outside the supported MOV forms. */
int decode_mmio_instruction(const __u8 *bytes, unsigned int available,
			    struct mmio_instruction *insn);

#endif /* WARDEN_ARCH_DECODE_H */
