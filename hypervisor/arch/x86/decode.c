// SPDX-License-Identifier: GPL-2.0-only
/*
 * The MOV forms compilers emit for MMIO (Linux's readl/writel and the
 * xAPIC accessors): 88/89 (store register), 8A/8B (load), C6/C7 (store
 * immediate), 0F B6/B7 (load zero-extended), with operand-size and REX
 * prefixes. ModRM/SIB/displacement lengths: AMD APM vol. 3, 1.4.
 */
#include <arch/decode.h>

#define PREFIX_OPERAND_SIZE	0x66
#define REX_W			0x8
#define REX_R			0x4

/* Bytes of ModRM + SIB + displacement, or 0 when they do not fit. */
static unsigned int modrm_length(const __u8 *bytes, unsigned int available)
{
	unsigned int mod, rm, length = 1;

	if (available < 1)
		return 0;
	mod = bytes[0] >> 6;
	rm = bytes[0] & 7;
	if (mod == 3)
		return 0;		/* register operand: not a memory access */
	if (rm == 4) {
		if (available < 2)
			return 0;
		length++;
		if (mod == 0 && (bytes[1] & 7) == 5)
			length += 4;	/* SIB without base: disp32 */
	} else if (mod == 0 && rm == 5) {
		length += 4;		/* RIP-relative disp32 */
	}
	if (mod == 1)
		length += 1;
	else if (mod == 2)
		length += 4;
	return length <= available ? length : 0;
}

static __u64 read_immediate(const __u8 *bytes, unsigned int size)
{
	__u64 value = 0;
	unsigned int n;

	for (n = 0; n < size; n++)
		value |= (__u64)bytes[n] << (8 * n);
	return value;
}

int decode_mmio_instruction(const __u8 *bytes, unsigned int available,
			    struct mmio_instruction *insn)
{
	unsigned int n = 0, rex = 0, operand = 4, opcode, modrm, immediate = 0;

	for (; n < available && n < 4 && bytes[n] == PREFIX_OPERAND_SIZE; n++)
		operand = 2;
	if (n < available && (bytes[n] & 0xf0) == 0x40)
		rex = bytes[n++];
	if (rex & REX_W)
		operand = 8;
	if (n >= available)
		return -1;
	opcode = bytes[n++];
	*insn = (struct mmio_instruction){ 0 };
	switch (opcode) {
	case 0x88: case 0x8a: case 0xc6:
		insn->size = 1;
		break;
	case 0x89: case 0x8b: case 0xc7:
		insn->size = operand;
		break;
	case 0x0f:
		if (n >= available || (bytes[n] != 0xb6 && bytes[n] != 0xb7))
			return -1;
		insn->size = bytes[n++] == 0xb6 ? 1 : 2;
		break;
	default:
		return -1;
	}
	insn->write = opcode == 0x88 || opcode == 0x89 || opcode == 0xc6 || opcode == 0xc7;
	insn->has_immediate = opcode == 0xc6 || opcode == 0xc7;
	if (n >= available)
		return -1;
	if (insn->has_immediate && ((bytes[n] >> 3) & 7))
		return -1;		/* C6/C7 need /0 */
	insn->reg = ((bytes[n] >> 3) & 7) | (rex & REX_R ? 8 : 0);
	modrm = modrm_length(bytes + n, available - n);
	if (!modrm)
		return -1;
	n += modrm;
	if (insn->has_immediate) {
		immediate = insn->size > 4 ? 4 : insn->size;	/* imm32 sign-extends for 64 bits */
		if (n + immediate > available)
			return -1;
		insn->immediate = read_immediate(bytes + n, immediate);
		if (insn->size == 8 && (insn->immediate & 0x80000000ULL))
			insn->immediate |= 0xffffffff00000000ULL;
		n += immediate;
	}
	insn->length = n;
	return 0;
}
