// SPDX-License-Identifier: GPL-2.0-only
/*
 * The MOV forms compilers emit for MMIO (Linux's readl/writel, the xAPIC
 * accessors, bare-metal code in any mode): 88/89 (store register), 8A/8B
 * (load), C6/C7 (store immediate), A0-A3 (accumulator and absolute
 * offset), 0F B6/B7 (load zero-extended). Prefixes: operand and address
 * size (66, 67), segment overrides (the fault's guest-physical address is
 * already known), REX in 64-bit mode only. Operand and address sizes per
 * mode: AMD APM vol. 3, 1.2.2-1.2.3; REX: 1.2.7; ModRM/SIB and the 16-bit
 * addressing forms: 1.4 and table A-33.
 */
#include <arch/decode.h>

#define MAX_INSTRUCTION		15
#define PREFIX_OPERAND_SIZE	0x66
#define PREFIX_ADDRESS_SIZE	0x67
#define REX_W			0x8
#define REX_R			0x4

struct prefixes {
	unsigned int operand;		/* bytes: 2, 4 or 8 */
	unsigned int address;		/* bytes: 2, 4 or 8 */
	unsigned int rex;		/* 0 when absent */
};

static int is_segment_override(__u8 byte)
{
	return byte == 0x26 || byte == 0x2e || byte == 0x36 || byte == 0x3e ||
	       byte == 0x64 || byte == 0x65;
}

/* Returns the number of prefix bytes, or -1 for a form left out. */
static int read_prefixes(const __u8 *bytes, unsigned int available, unsigned int code_bits,
			 struct prefixes *prefixes)
{
	int operand_override = 0, address_override = 0;
	unsigned int n, rex = 0;

	for (n = 0; n < available && n < MAX_INSTRUCTION; n++) {
		if (bytes[n] == PREFIX_OPERAND_SIZE) {
			operand_override = 1;
		} else if (bytes[n] == PREFIX_ADDRESS_SIZE) {
			address_override = 1;
		} else if (is_segment_override(bytes[n])) {
			/* nothing to do: the address comes with the fault */
		} else if (code_bits == 64 && (bytes[n] & 0xf0) == 0x40) {
			if (rex)
				return -1;
			rex = bytes[n];
			continue;
		} else {
			break;
		}
		rex = 0;	/* a REX not right before the opcode is ignored */
	}
	if (code_bits == 16) {
		prefixes->operand = operand_override ? 4 : 2;
		prefixes->address = address_override ? 4 : 2;
	} else {
		prefixes->operand = operand_override ? 2 : 4;
		prefixes->address = address_override ? code_bits / 16 : code_bits / 8;
	}
	if (rex & REX_W)
		prefixes->operand = 8;
	prefixes->rex = rex;
	return (int)n;
}

/* 16-bit addressing: no SIB; mod 00 rm 110 is disp16 (table A-33). */
static unsigned int modrm_length_16(__u8 modrm)
{
	unsigned int mod = modrm >> 6;

	if (mod == 0)
		return (modrm & 7) == 6 ? 3 : 1;
	return mod == 1 ? 2 : 3;
}

/* Bytes of ModRM + SIB + displacement, or 0 when they do not fit. */
static unsigned int modrm_length(const __u8 *bytes, unsigned int available,
				 unsigned int address_size)
{
	unsigned int mod, rm, length = 1;

	if (available < 1 || (bytes[0] >> 6) == 3)
		return 0;	/* mod 3: a register operand, not a memory access */
	mod = bytes[0] >> 6;
	rm = bytes[0] & 7;
	if (address_size == 2) {
		length = modrm_length_16(bytes[0]);
	} else if (rm == 4) {
		if (available < 2)
			return 0;
		length++;
		if (mod == 0 && (bytes[1] & 7) == 5)
			length += 4;	/* SIB without base: disp32 */
	} else if (mod == 0 && rm == 5) {
		length += 4;		/* disp32 (RIP-relative in 64-bit mode) */
	}
	if (address_size != 2 && mod == 1)
		length += 1;
	else if (address_size != 2 && mod == 2)
		length += 4;
	return length <= available ? length : 0;
}

static __u64 read_little_endian(const __u8 *bytes, unsigned int size)
{
	__u64 value = 0;
	unsigned int n;

	for (n = 0; n < size; n++)
		value |= (__u64)bytes[n] << (8 * n);
	return value;
}

/* Access width and direction of the opcode; 0 for opcodes left out. */
static unsigned int opcode_size(unsigned int opcode, unsigned int operand,
				struct mmio_instruction *insn)
{
	insn->write = opcode == 0x88 || opcode == 0x89 || opcode == 0xc6 || opcode == 0xc7 ||
		      opcode == 0xa2 || opcode == 0xa3;
	insn->has_immediate = opcode == 0xc6 || opcode == 0xc7;
	switch (opcode) {
	case 0x88: case 0x8a: case 0xc6: case 0xa0: case 0xa2:
		return 1;
	case 0x89: case 0x8b: case 0xc7: case 0xa1: case 0xa3:
		return operand;
	case 0x0fb6:
		return 1;
	case 0x0fb7:
		return 2;
	default:
		return 0;
	}
}

/* A byte register without REX: encodings 4-7 are AH, CH, DH, BH (vol. 3, 2.5.1). */
static void name_register(struct mmio_instruction *insn, unsigned int opcode, unsigned int reg,
			  unsigned int rex)
{
	insn->reg = reg | (rex & REX_R ? 8 : 0);
	if ((opcode == 0x88 || opcode == 0x8a) && !rex && reg >= 4) {
		insn->reg = reg - 4;
		insn->high_byte = 1;
	}
}

static int decode_operands(const __u8 *bytes, unsigned int available, unsigned int opcode,
			   const struct prefixes *prefixes, struct mmio_instruction *insn)
{
	unsigned int n = 0, modrm, immediate;

	if (opcode >= 0xa0 && opcode <= 0xa3) {
		/* Absolute offset of the address size; the register is rAX. */
		if (prefixes->address > available)
			return -1;
		return (int)prefixes->address;
	}
	if (insn->has_immediate && ((bytes[0] >> 3) & 7))
		return -1;		/* C6/C7 need /0 */
	name_register(insn, opcode, (bytes[0] >> 3) & 7, prefixes->rex);
	modrm = modrm_length(bytes, available, prefixes->address);
	if (!modrm)
		return -1;
	n = modrm;
	if (insn->has_immediate) {
		immediate = insn->size > 4 ? 4 : insn->size;	/* imm32 sign-extends for 64 bits */
		if (n + immediate > available)
			return -1;
		insn->immediate = read_little_endian(bytes + n, immediate);
		if (insn->size == 8 && (insn->immediate & 0x80000000ULL))
			insn->immediate |= 0xffffffff00000000ULL;
		n += immediate;
	}
	return (int)n;
}

int decode_mmio_instruction(const __u8 *bytes, unsigned int available, unsigned int code_bits,
			    struct mmio_instruction *insn)
{
	struct prefixes prefixes;
	unsigned int opcode;
	int n, operands;

	*insn = (struct mmio_instruction){ 0 };
	if (code_bits != 16 && code_bits != 32 && code_bits != 64)
		return -1;
	if (available > MAX_INSTRUCTION)
		available = MAX_INSTRUCTION;
	n = read_prefixes(bytes, available, code_bits, &prefixes);
	if (n < 0 || (unsigned int)n >= available)
		return -1;
	opcode = bytes[n++];
	if (opcode == 0x0f) {
		if ((unsigned int)n >= available)
			return -1;
		opcode = 0x0f00 | bytes[n++];
	}
	insn->size = opcode_size(opcode, prefixes.operand, insn);
	if (!insn->size || (unsigned int)n >= available)
		return -1;
	operands = decode_operands(bytes + n, available - (unsigned int)n, opcode, &prefixes, insn);
	if (operands < 0)
		return -1;
	insn->length = (unsigned int)n + (unsigned int)operands;
	return 0;
}
