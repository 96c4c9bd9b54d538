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
 * usage: make_cell_pages OUT_DIR IMAGE CPUS TSC_KHZ APIC_KHZ "COMMAND LINE"
 */
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
 *   ljmp $0, $0
 */
static const unsigned char firmware_code[] = {
	0x66, 0xb8, 0x40, 0xf8, 0x00, 0x80, 0xba, 0xf8, 0x0c, 0x66, 0xef, 0x66,
	0xb8, 0x01, 0x06, 0x00, 0x00, 0xba, 0xfc, 0x0c, 0x66, 0xef, 0x66, 0xb8,
	0x44, 0xf8, 0x00, 0x80, 0xba, 0xf8, 0x0c, 0x66, 0xef, 0xb0, 0x80, 0xba,
	0xfc, 0x0c, 0xee, 0xea, 0x00, 0x00, 0x00, 0x00,
};
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

int main(int argc, char **argv)
{
	static struct warden_comm_region comm;
	static unsigned char firmware[FIRMWARE_SIZE];
	unsigned int cpu, cpus;

	if (argc != 7) {
		fprintf(stderr, "usage: make_cell_pages OUT_DIR IMAGE CPUS TSC_KHZ APIC_KHZ CMDLINE\n");
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
	comm.console.address = 0x3f8;
	comm.console.size = 8;
	comm.console.type = WARDEN_CONSOLE_TYPE_8250;
	comm.console.divider = 1;
	comm.pm_timer_address = 0x608;
	comm.num_cpus = (__u16)cpus;
	comm.tsc_khz = (__u32)strtoul(argv[4], NULL, 0);
	comm.apic_khz = (__u32)strtoul(argv[5], NULL, 0);
	comm.ext_magic = WARDEN_COMM_EXT_MAGIC;
	comm.ext_revision = WARDEN_COMM_EXT_REVISION;
	comm.ram_size = 128ull << 20;
	for (cpu = 0; cpu < cpus; cpu++)
		comm.cpu_apic_id[cpu] = cpu;
	_Static_assert(CODE_OFFSET + sizeof(firmware_code) <= RESET_OFFSET, "code fits");
	_Static_assert(RESET_OFFSET + 3 - 0xf3 == CODE_OFFSET, "jump lands on the code");
	memcpy(firmware + CODE_OFFSET, firmware_code, sizeof(firmware_code));
	memcpy(firmware + RESET_OFFSET, reset_jump, sizeof(reset_jump));
	return write_cell_image(argv[1], argv[2], argv[6]) ||
	       write_file(argv[1], "comm-region.bin", &comm, sizeof(comm)) ||
	       write_file(argv[1], "firmware.bin", firmware, sizeof(firmware));
}
