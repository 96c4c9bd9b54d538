// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writes what a hypervisor would hand a cell, for booting an inmate the cell
 * way on plain QEMU (tests/sdk/run-cell-emulated): the image with the
 * command line at 0x1000 (as the root cell loads both), the comm region page
 * (built with the ABI header itself), and a 64 KiB "firmware" that does
 * what platform firmware would before a hypervisor exists: it enables the
 * ACPI PM timer (ICH9 LPC 00:1f.0: PMBASE register 0x40 = 0x600, ACPI_CNTL
 * register 0x44 bit 7 = ACPI enable; the timer is then at 0x608), then jumps
 * to 0000:0000, so that the CPU enters the image at address 0 in real mode
 * as the boot protocol says.
 *
 * MODE warden (default): as Warden starts a cell: only the first CPU runs,
 * the comm region carries Warden's extension with the APIC ID table.
 * MODE jailhouse: as Jailhouse starts one: no extension; the firmware puts
 * the boot CPU into x2APIC mode (Jailhouse cells start in it) and sends
 * INIT and STARTUP (vector 0) to all other CPUs, so every CPU enters the
 * image at 0 at the same time; the console in the comm region is COM2
 * (0x2f8), which this QEMU does not have: output on COM1 shows that the
 * inmate took Jailhouse's con-base= key from the command line.
 *
 * usage: make_cell_pages OUT_DIR IMAGE CPUS TSC_KHZ APIC_KHZ "COMMAND LINE" [MODE]
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <warden/comm_region.h>

#define FIRMWARE_SIZE	0x10000
#define RESET_OFFSET	0xfff0	/* reset vector 0xfffffff0, last 16 bytes of the BIOS */
#define CODE_OFFSET	0xff00

/* 16-bit code, assembled from:
 *   movl $0x8000f840, %eax; movw $0xcf8, %dx; outl %eax, %dx	(select 00:1f.0 reg 0x40)
 *   movl $0x601, %eax; movw $0xcfc, %dx; outl %eax, %dx		(PMBASE 0x600, I/O space)
 *   movl $0x8000f844, %eax; movw $0xcf8, %dx; outl %eax, %dx	(select reg 0x44)
 *   movb $0x80, %al; movw $0xcfc, %dx; outb %al, %dx		(ACPI enable)
 */
static const unsigned char firmware_pm_timer[] = {
	0x66, 0xb8, 0x40, 0xf8, 0x00, 0x80, 0xba, 0xf8, 0x0c, 0x66, 0xef, 0x66,
	0xb8, 0x01, 0x06, 0x00, 0x00, 0xba, 0xfc, 0x0c, 0x66, 0xef, 0x66, 0xb8,
	0x44, 0xf8, 0x00, 0x80, 0xba, 0xf8, 0x0c, 0x66, 0xef, 0xb0, 0x80, 0xba,
	0xfc, 0x0c, 0xee,
};
/* MODE jailhouse, 16-bit code (MSRs work in real mode), assembled from:
 *   movl $0x1b, %ecx; rdmsr; orl $0xc00, %eax; wrmsr		(IA32_APIC_BASE: EN, EXTD)
 *   movl $0x830, %ecx; xorl %edx, %edx; movl $0xc4500, %eax; wrmsr	(ICR: INIT, all but self)
 *   movl $200000, %ecx; 1: decl %ecx; jnz 1b
 *   movl $0x830, %ecx; movl $0xc4600, %eax; wrmsr		(STARTUP, vector 0: address 0)
 *   movl $20000, %ecx; 2: decl %ecx; jnz 2b
 *   movl $0x830, %ecx; movl $0xc4600, %eax; wrmsr		(the second STARTUP)
 */
static const unsigned char firmware_start_all_cpus[] = {
	0x66, 0xb9, 0x1b, 0x00, 0x00, 0x00, 0x0f, 0x32, 0x66, 0x0d, 0x00, 0x0c,
	0x00, 0x00, 0x0f, 0x30, 0x66, 0xb9, 0x30, 0x08, 0x00, 0x00, 0x66, 0x31,
	0xd2, 0x66, 0xb8, 0x00, 0x45, 0x0c, 0x00, 0x0f, 0x30, 0x66, 0xb9, 0x40,
	0x0d, 0x03, 0x00, 0x66, 0x49, 0x75, 0xfc, 0x66, 0xb9, 0x30, 0x08, 0x00,
	0x00, 0x66, 0xb8, 0x00, 0x46, 0x0c, 0x00, 0x0f, 0x30, 0x66, 0xb9, 0x20,
	0x4e, 0x00, 0x00, 0x66, 0x49, 0x75, 0xfc, 0x66, 0xb9, 0x30, 0x08, 0x00,
	0x00, 0x66, 0xb8, 0x00, 0x46, 0x0c, 0x00, 0x0f, 0x30,
};
/*   ljmp $0, $0 */
static const unsigned char firmware_jump_to_0[] = { 0xea, 0x00, 0x00, 0x00, 0x00 };
/* at the reset vector: jmp near to CODE_OFFSET (rel16 from the next instruction) */
static const unsigned char reset_jump[] = { 0xe9, 0x0d, 0xff };

static int write_file(const char *dir, const char *name, const void *data, size_t size)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		fprintf(stderr, "make_cell_pages: cannot write %s\n", path);
		return 1;
	}
	return 0;
}

/* The image with the command line written into its page at 0x1000. */
static int write_cell_image(const char *dir, const char *image_path, const char *cmdline)
{
	static unsigned char image[0x100000];
	size_t size;
	FILE *f = fopen(image_path, "rb");

	if (!f) {
		fprintf(stderr, "make_cell_pages: cannot open image %s\n", image_path);
		return 1;
	}
	size = fread(image, 1, sizeof(image), f);
	fclose(f);
	if (size < WARDEN_CELL_CMDLINE_ADDRESS + WARDEN_CELL_CMDLINE_SIZE) {
		fprintf(stderr, "make_cell_pages: %s: %zu bytes, too small for an inmate image\n",
			image_path, size);
		return 1;
	}
	memset(image + WARDEN_CELL_CMDLINE_ADDRESS, 0, WARDEN_CELL_CMDLINE_SIZE);
	memcpy(image + WARDEN_CELL_CMDLINE_ADDRESS, cmdline, strlen(cmdline));
	return write_file(dir, "cell-image.bin", image, size);
}

static size_t append(unsigned char *to, size_t at, const unsigned char *code, size_t size)
{
	memcpy(to + at, code, size);
	return at + size;
}

static void make_firmware(unsigned char *firmware, bool start_all_cpus)
{
	size_t at = CODE_OFFSET;

	at = append(firmware, at, firmware_pm_timer, sizeof(firmware_pm_timer));
	if (start_all_cpus)
		at = append(firmware, at, firmware_start_all_cpus, sizeof(firmware_start_all_cpus));
	at = append(firmware, at, firmware_jump_to_0, sizeof(firmware_jump_to_0));
	_Static_assert(CODE_OFFSET + sizeof(firmware_pm_timer) + sizeof(firmware_start_all_cpus) +
		       sizeof(firmware_jump_to_0) <= RESET_OFFSET, "code fits");
	_Static_assert(RESET_OFFSET + 3 - 0xf3 == CODE_OFFSET, "jump lands on the code");
	memcpy(firmware + RESET_OFFSET, reset_jump, sizeof(reset_jump));
}

int main(int argc, char **argv)
{
	static struct warden_comm_region comm;
	static unsigned char firmware[FIRMWARE_SIZE];
	unsigned int cpu, cpus;
	bool jailhouse;

	if (argc != 7 && argc != 8) {
		fprintf(stderr, "usage: make_cell_pages OUT_DIR IMAGE CPUS TSC_KHZ APIC_KHZ CMDLINE "
			"[warden|jailhouse]\n");
		return 2;
	}
	jailhouse = argc == 8 && strcmp(argv[7], "jailhouse") == 0;
	if (argc == 8 && !jailhouse && strcmp(argv[7], "warden") != 0) {
		fprintf(stderr, "make_cell_pages: MODE '%s': expected warden or jailhouse\n", argv[7]);
		return 2;
	}
	cpus = (unsigned int)strtoul(argv[3], NULL, 0);
	if (cpus < 1 || cpus > WARDEN_COMM_MAX_CPUS ||
	    strlen(argv[6]) >= WARDEN_CELL_CMDLINE_SIZE) {
		fprintf(stderr, "make_cell_pages: CPUS must be 1..%d and CMDLINE shorter than %d\n",
			WARDEN_COMM_MAX_CPUS, WARDEN_CELL_CMDLINE_SIZE);
		return 2;
	}
	memcpy(comm.signature, WARDEN_COMM_SIGNATURE, WARDEN_COMM_SIGNATURE_SIZE);
	comm.revision = WARDEN_COMM_ABI_REVISION;
	comm.cell_state = WARDEN_CELL_RUNNING;
	comm.console.address = jailhouse ? 0x2f8 : 0x3f8;
	comm.console.size = 8;
	comm.console.type = WARDEN_CONSOLE_TYPE_8250;
	comm.console.divider = jailhouse ? 0 : 1;	/* Jailhouse's demo configs: 0 */
	comm.pm_timer_address = 0x608;
	comm.num_cpus = (__u16)cpus;
	comm.tsc_khz = (__u32)strtoul(argv[4], NULL, 0);
	comm.apic_khz = (__u32)strtoul(argv[5], NULL, 0);
	if (!jailhouse) {
		comm.ext_magic = WARDEN_COMM_EXT_MAGIC;
		comm.ext_revision = WARDEN_COMM_EXT_REVISION;
		comm.ram_size = 128ull << 20;
		comm.cat_capacity_mask = 0xf0;	/* a share no CPU here has: reported as is */
		comm.cat_class_of_service = 3;
		for (cpu = 0; cpu < cpus; cpu++)
			comm.cpu_apic_id[cpu] = cpu;
	}
	make_firmware(firmware, jailhouse);
	return write_cell_image(argv[1], argv[2], argv[6]) ||
	       write_file(argv[1], "comm-region.bin", &comm, sizeof(comm)) ||
	       write_file(argv[1], "firmware.bin", firmware, sizeof(firmware));
}
