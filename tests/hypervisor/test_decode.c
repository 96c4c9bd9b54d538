// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/arch/x86/decode.c with encodings compilers
 * emit for MMIO, in 64-bit, 32-bit and 16-bit code.
 */
#include <stdio.h>
#include <arch/decode.h>

static int failures;

#define EXPECT(cond) do { if (!(cond)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	failures++; } } while (0)

#define DECODE(bits, ...) decode((const __u8[]){ __VA_ARGS__ }, \
				 sizeof((const __u8[]){ __VA_ARGS__ }), bits, &r)

static struct mmio_instruction decode(const __u8 *bytes, unsigned int n, unsigned int bits,
				      int *result)
{
	struct mmio_instruction insn;

	*result = decode_mmio_instruction(bytes, n, bits, &insn);
	return insn;
}

static void test_64bit(void)
{
	struct mmio_instruction i;
	int r;
	/* mov %esi,0xffffffffff5fd0b0 (SIB, no base, disp32): Linux's native_apic_mem_write */
	static const __u8 store_abs[] = { 0x89, 0x34, 0x25, 0xb0, 0xd0, 0x5f, 0xff };

	i = decode(store_abs, sizeof(store_abs), 64, &r);
	EXPECT(!r && i.length == 7 && i.write && i.size == 4 && i.reg == 6);
	EXPECT(decode_mmio_instruction(store_abs, 5, 64, &i) == -1);	/* truncated */
	i = DECODE(64, 0x8b, 0x40, 0x20);		/* mov 0x20(%rax),%eax */
	EXPECT(!r && i.length == 3 && !i.write && i.size == 4 && i.reg == 0);
	i = DECODE(64, 0x44, 0x89, 0x8a, 0x00, 0x03, 0x00, 0x00);	/* mov %r9d,0x300(%rdx) */
	EXPECT(!r && i.length == 7 && i.write && i.reg == 9);
	/* movl $0x0,0xb0(%rip) */
	i = DECODE(64, 0xc7, 0x05, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
	EXPECT(!r && i.length == 10 && i.write && i.has_immediate && i.immediate == 0);
	i = DECODE(64, 0x0f, 0xb7, 0x07);		/* movzwl (%rdi),%eax */
	EXPECT(!r && i.length == 3 && !i.write && i.size == 2);
	i = DECODE(64, 0x66, 0x89, 0x07);		/* mov %ax,(%rdi) */
	EXPECT(!r && i.length == 3 && i.size == 2);
	i = DECODE(64, 0x48, 0x89, 0x07);		/* mov %rax,(%rdi) */
	EXPECT(!r && i.length == 3 && i.size == 8);
	i = DECODE(64, 0xc6, 0x01, 0x01);		/* movb $1,(%rcx) */
	EXPECT(!r && i.length == 3 && i.size == 1 && i.immediate == 1);
	/* movq $-1,(%rdi): imm32 sign-extends */
	i = DECODE(64, 0x48, 0xc7, 0x07, 0xff, 0xff, 0xff, 0xff);
	EXPECT(!r && i.length == 7 && i.size == 8 && i.immediate == ~0ULL);
	/* REX.W wins over 66; a REX before 66 is ignored (vol. 3, 1.2.7). */
	i = DECODE(64, 0x66, 0x48, 0x89, 0x07);
	EXPECT(!r && i.length == 4 && i.size == 8);
	i = DECODE(64, 0x48, 0x66, 0x89, 0x07);
	EXPECT(!r && i.length == 4 && i.size == 2);
	/* With a REX, byte register 6 is SIL, not DH. */
	i = DECODE(64, 0x40, 0x8a, 0x37);
	EXPECT(!r && i.size == 1 && i.reg == 6 && !i.high_byte);
	i = DECODE(64, 0x8a, 0x37);			/* mov (%rdi),%dh */
	EXPECT(!r && i.size == 1 && i.reg == 2 && i.high_byte);
	/* mov 0xfee00300,%rax: moffs64; with 67, moffs32 */
	i = DECODE(64, 0x48, 0xa1, 0x00, 0x03, 0xe0, 0xfe, 0, 0, 0, 0);
	EXPECT(!r && i.length == 10 && i.size == 8 && !i.write && i.reg == 0);
	i = DECODE(64, 0x67, 0xa3, 0x00, 0x03, 0xe0, 0xfe);
	EXPECT(!r && i.length == 6 && i.size == 4 && i.write);
	i = DECODE(64, 0x41, 0x89, 0x07);		/* mov %eax,(%r15) */
	EXPECT(!r && i.length == 3 && i.reg == 0);
	/* Two REX prefixes; add %eax,(%rdi) (not a MOV); mov %eax,%ebx (not memory) */
	i = DECODE(64, 0x41, 0x41, 0x89, 0x07);
	EXPECT(r == -1);
	i = DECODE(64, 0x01, 0x07);
	EXPECT(r == -1);
	i = DECODE(64, 0x89, 0xc3);
	EXPECT(r == -1);
	i = DECODE(48, 0x89, 0x07);			/* not a mode */
	EXPECT(r == -1);
}

/* 32-bit protected and compatibility mode code. */
static void test_32bit(void)
{
	struct mmio_instruction i;
	int r;

	i = DECODE(32, 0xa3, 0xb0, 0x00, 0xe0, 0xfe);	/* mov %eax,0xfee000b0 */
	EXPECT(!r && i.length == 5 && i.size == 4 && i.write && i.reg == 0);
	i = DECODE(32, 0x89, 0x34, 0x25, 0xb0, 0x00, 0xe0, 0xfe);	/* SIB, no base */
	EXPECT(!r && i.length == 7 && i.size == 4 && i.reg == 6);
	i = DECODE(32, 0x8b, 0x15, 0x20, 0x03, 0xe0, 0xfe);	/* mov 0xfee00320,%edx */
	EXPECT(!r && i.length == 6 && !i.write && i.reg == 2);
	i = DECODE(32, 0x66, 0x89, 0x07);
	EXPECT(!r && i.length == 3 && i.size == 2);
	/* 40-4F are INC/DEC here, never REX: refused. */
	i = DECODE(32, 0x48, 0x89, 0x07);
	EXPECT(r == -1);
	i = DECODE(32, 0x41, 0x89, 0x07);
	EXPECT(r == -1);
	/* 67: 16-bit addressing, mov %eax,(%bx) and mov %eax,0xb0 (disp16) */
	i = DECODE(32, 0x67, 0x89, 0x07);
	EXPECT(!r && i.length == 3 && i.size == 4);
	i = DECODE(32, 0x67, 0x89, 0x06, 0xb0, 0x00);
	EXPECT(!r && i.length == 5);
	i = DECODE(32, 0x8a, 0x27);			/* mov (%edi),%ah */
	EXPECT(!r && i.reg == 0 && i.high_byte);
	i = DECODE(32, 0xc7, 0x05, 0xb0, 0x00, 0xe0, 0xfe, 0x00, 0x00, 0x00, 0x00);
	EXPECT(!r && i.length == 10 && i.size == 4 && i.has_immediate);
	i = DECODE(32, 0x64, 0x89, 0x07);		/* segment override */
	EXPECT(!r && i.length == 3);
}

/* Real mode, virtual-8086 and 16-bit protected mode code. */
static void test_16bit(void)
{
	struct mmio_instruction i;
	int r;

	i = DECODE(16, 0x89, 0x07);			/* mov %ax,(%bx) */
	EXPECT(!r && i.length == 2 && i.size == 2 && i.write);
	i = DECODE(16, 0x66, 0x89, 0x07);		/* mov %eax,(%bx) */
	EXPECT(!r && i.length == 3 && i.size == 4);
	/* mod 00 rm 110: disp16, no base */
	i = DECODE(16, 0x8b, 0x1e, 0x34, 0x12);		/* mov 0x1234,%bx */
	EXPECT(!r && i.length == 4 && i.size == 2 && !i.write && i.reg == 3);
	i = DECODE(16, 0x66, 0x89, 0x47, 0x10);		/* mov %eax,0x10(%bx): disp8 */
	EXPECT(!r && i.length == 4 && i.size == 4);
	i = DECODE(16, 0x66, 0x89, 0x87, 0x00, 0x03);	/* mov %eax,0x300(%bx): disp16 */
	EXPECT(!r && i.length == 5);
	/* rm 100 is (%si), not a SIB byte */
	i = DECODE(16, 0x66, 0x8b, 0x04);
	EXPECT(!r && i.length == 3 && !i.write);
	/* 67: 32-bit addressing, disp32 */
	i = DECODE(16, 0x67, 0x66, 0x89, 0x05, 0xb0, 0x00, 0xe0, 0xfe);
	EXPECT(!r && i.length == 8 && i.size == 4);
	/* movl $0,%es:0xb0 and movw $0x1234,0xb0: imm32 with 66, imm16 without */
	i = DECODE(16, 0x26, 0x66, 0xc7, 0x06, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x00);
	EXPECT(!r && i.length == 10 && i.size == 4 && i.has_immediate);
	i = DECODE(16, 0xc7, 0x06, 0xb0, 0x00, 0x34, 0x12);
	EXPECT(!r && i.length == 6 && i.size == 2 && i.immediate == 0x1234);
	i = DECODE(16, 0xa3, 0xb0, 0x00);		/* mov %ax,0xb0: moffs16 */
	EXPECT(!r && i.length == 3 && i.size == 2 && i.write);
	i = DECODE(16, 0x66, 0xa1, 0xb0, 0x00);
	EXPECT(!r && i.length == 4 && i.size == 4 && !i.write);
	i = DECODE(16, 0x66, 0x89, 0x87, 0x00);		/* truncated disp16 */
	EXPECT(r == -1);
	i = DECODE(16, 0x40, 0x89, 0x07);		/* INC AX, not REX */
	EXPECT(r == -1);
}

int main(void)
{
	test_64bit();
	test_32bit();
	test_16bit();
	printf("%s\n", failures ? "decode: FAILED" : "decode: ok");
	return failures ? 1 : 0;
}
