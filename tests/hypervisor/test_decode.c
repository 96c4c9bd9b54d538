// SPDX-License-Identifier: GPL-2.0-only
/* Host unit test of hypervisor/arch/x86/decode.c with encodings compilers emit for MMIO. */
#include <stdio.h>
#include <arch/decode.h>

static int failures;

#define EXPECT(cond) do { if (!(cond)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	failures++; } } while (0)

static struct mmio_instruction decode(const __u8 *bytes, unsigned int n, int *result)
{
	struct mmio_instruction insn;

	*result = decode_mmio_instruction(bytes, n, &insn);
	return insn;
}

int main(void)
{
	struct mmio_instruction i;
	int r;
	/* mov %esi,0xffffffffff5fd0b0 (SIB, no base, disp32): Linux's native_apic_mem_write */
	static const __u8 store_abs[] = { 0x89, 0x34, 0x25, 0xb0, 0xd0, 0x5f, 0xff };
	/* mov 0x20(%rax),%eax */
	static const __u8 load_disp8[] = { 0x8b, 0x40, 0x20 };
	/* mov %r9d,0x300(%rdx) */
	static const __u8 store_rex[] = { 0x44, 0x89, 0x8a, 0x00, 0x03, 0x00, 0x00 };
	/* movl $0x0,0xb0(%rip) */
	static const __u8 store_imm[] = { 0xc7, 0x05, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
	/* movzwl (%rdi),%eax; mov %ax,(%rdi); mov %rax,(%rdi); movb $1,(%rcx) */
	static const __u8 movzx16[] = { 0x0f, 0xb7, 0x07 };
	static const __u8 store16[] = { 0x66, 0x89, 0x07 };
	static const __u8 store64[] = { 0x48, 0x89, 0x07 };
	static const __u8 store8_imm[] = { 0xc6, 0x01, 0x01 };
	/* add %eax,(%rdi): not a MOV; mov %eax,%ebx: not memory */
	static const __u8 add[] = { 0x01, 0x07 };
	static const __u8 reg_only[] = { 0x89, 0xc3 };

	i = decode(store_abs, sizeof(store_abs), &r);
	EXPECT(!r && i.length == 7 && i.write && i.size == 4 && i.reg == 6);
	EXPECT(decode_mmio_instruction(store_abs, 5, &i) == -1);	/* truncated */
	i = decode(load_disp8, sizeof(load_disp8), &r);
	EXPECT(!r && i.length == 3 && !i.write && i.size == 4 && i.reg == 0);
	i = decode(store_rex, sizeof(store_rex), &r);
	EXPECT(!r && i.length == 7 && i.write && i.reg == 9);
	i = decode(store_imm, sizeof(store_imm), &r);
	EXPECT(!r && i.length == 10 && i.write && i.has_immediate && i.immediate == 0);
	i = decode(movzx16, sizeof(movzx16), &r);
	EXPECT(!r && i.length == 3 && !i.write && i.size == 2);
	i = decode(store16, sizeof(store16), &r);
	EXPECT(!r && i.length == 3 && i.size == 2);
	i = decode(store64, sizeof(store64), &r);
	EXPECT(!r && i.length == 3 && i.size == 8);
	i = decode(store8_imm, sizeof(store8_imm), &r);
	EXPECT(!r && i.length == 3 && i.size == 1 && i.immediate == 1);
	EXPECT(decode_mmio_instruction(add, sizeof(add), &i) == -1);
	EXPECT(decode_mmio_instruction(reg_only, sizeof(reg_only), &i) == -1);
	printf("%s\n", failures ? "decode: FAILED" : "decode: ok");
	return failures ? 1 : 0;
}
