// SPDX-License-Identifier: GPL-2.0-only
/*
 * raw-enable FILE, raw-cell-create FILE (one program, the mode from its
 * name): hands FILE to the driver's ENABLE or CELL_CREATE ioctl as it is,
 * without the validation of `warden enable` or `warden cell create`, so
 * that the driver's and the hypervisor's own checks of a config can be
 * tested. Test only. Prints the driver's reason; exit 0 when enabled or
 * created, 1 when refused, 2 on other errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <warden/driver_ioctl.h>

/* Both requests have this layout (include/warden/driver_ioctl.h). */
_Static_assert(sizeof(struct warden_enable_request) == sizeof(struct warden_cell_create_request),
	       "the ENABLE and CELL_CREATE requests differ");

int main(int argc, char **argv)
{
	const char *name = basename(argv[0]);
	int cell = strcmp(name, "raw-cell-create") == 0;
	struct warden_cell_create_request request = { 0 };
	char message[WARDEN_MESSAGE_SIZE] = "";
	struct stat st;
	void *config;
	int fd, device;
	long result;

	if (argc != 2) {
		fprintf(stderr, "usage: raw-enable FILE | raw-cell-create FILE\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0 || fstat(fd, &st) || !(config = malloc((size_t)st.st_size + 1)) ||
	    read(fd, config, (size_t)st.st_size) != st.st_size) {
		fprintf(stderr, "%s: cannot read %s: %s\n", name, argv[1], strerror(errno));
		return 2;
	}
	device = open(WARDEN_DEVICE, O_RDWR);
	if (device < 0) {
		fprintf(stderr, "%s: %s: %s\n", name, WARDEN_DEVICE, strerror(errno));
		return 2;
	}
	request.config_address = (unsigned long)config;
	request.config_size = (__u32)st.st_size;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	result = ioctl(device, cell ? WARDEN_IOCTL_CELL_CREATE : WARDEN_IOCTL_ENABLE, &request);
	if (result < 0) {
		printf("%s: refused: %s\n", name, message[0] ? message : strerror(errno));
		return 1;
	}
	if (cell)
		printf("%s: created cell %ld\n", name, result);
	else
		printf("%s: enabled\n", name);
	return 0;
}
