// SPDX-License-Identifier: GPL-2.0-only
/*
 * raw-cell-create FILE: hands FILE to the driver's CELL_CREATE ioctl as it
 * is, without `warden cell create`'s validation, so that the driver's and
 * the hypervisor's own checks of a cell config can be tested. Test only.
 * Prints the driver's reason; exit 0 when created, 1 when refused, 2 on
 * other errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <warden/driver_ioctl.h>

int main(int argc, char **argv)
{
	struct warden_cell_create_request request = { 0 };
	char message[WARDEN_MESSAGE_SIZE] = "";
	struct stat st;
	void *config;
	int fd, device;
	long id;

	if (argc != 2) {
		fprintf(stderr, "usage: raw-cell-create FILE\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0 || fstat(fd, &st) || !(config = malloc((size_t)st.st_size + 1)) ||
	    read(fd, config, (size_t)st.st_size) != st.st_size) {
		fprintf(stderr, "raw-cell-create: cannot read %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	device = open(WARDEN_DEVICE, O_RDWR);
	if (device < 0) {
		fprintf(stderr, "raw-cell-create: %s: %s\n", WARDEN_DEVICE, strerror(errno));
		return 2;
	}
	request.config_address = (unsigned long)config;
	request.config_size = (__u32)st.st_size;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	id = ioctl(device, WARDEN_IOCTL_CELL_CREATE, &request);
	if (id < 0) {
		printf("raw-cell-create: refused: %s\n", message[0] ? message : strerror(errno));
		return 1;
	}
	printf("raw-cell-create: created cell %ld\n", id);
	return 0;
}
