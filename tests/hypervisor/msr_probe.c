// SPDX-License-Identifier: GPL-2.0-only
/*
 * msr-probe CPU read MSR          prints the MSR's value (hex) read on CPU
 * msr-probe CPU write MSR VALUE   writes VALUE; exit 0 when the write was
 *                                 taken, 3 when the CPU refused it (#GP,
 *                                 EIO from Linux's msr driver)
 * msr-probe CPU rewrite MSR       reads the MSR and writes the same value
 * Through /dev/cpu/CPU/msr (module msr); other failures exit 2 with a reason.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int open_msr(const char *cpu)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/dev/cpu/%s/msr", cpu);
	fd = open(path, O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "msr-probe: %s: %s (modprobe msr?)\n", path, strerror(errno));
		exit(2);
	}
	return fd;
}

static int read_msr(int fd, uint32_t msr, uint64_t *value)
{
	if (pread(fd, value, 8, msr) == 8)
		return 0;
	return errno == EIO ? 3 : 2;
}

static int write_msr(int fd, uint32_t msr, uint64_t value)
{
	if (pwrite(fd, &value, 8, msr) == 8)
		return 0;
	if (errno == EIO)
		return 3;
	fprintf(stderr, "msr-probe: write of MSR %#x: %s\n", msr, strerror(errno));
	return 2;
}

int main(int argc, char **argv)
{
	uint64_t value;
	uint32_t msr;
	int fd, rc;

	if (argc < 4 || (strcmp(argv[2], "write") == 0 && argc != 5)) {
		fprintf(stderr, "usage: msr-probe CPU read|rewrite MSR | CPU write MSR VALUE\n");
		return 2;
	}
	fd = open_msr(argv[1]);
	msr = (uint32_t)strtoul(argv[3], NULL, 0);
	if (strcmp(argv[2], "write") == 0)
		return write_msr(fd, msr, strtoull(argv[4], NULL, 0));
	rc = read_msr(fd, msr, &value);
	if (rc) {
		fprintf(stderr, "msr-probe: read of MSR %#x refused\n", msr);
		return rc;
	}
	if (strcmp(argv[2], "rewrite") == 0)
		return write_msr(fd, msr, value);
	printf("%#llx\n", (unsigned long long)value);
	return 0;
}
