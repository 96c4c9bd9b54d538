// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden enable CONFIG | disable | console [-f] | info: the hypervisor
 * commands, talking to the driver through /dev/warden and
 * /sys/devices/warden.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <warden/config_check.h>
#include <warden/driver_ioctl.h>

#include "commands.h"

#define SYSFS_ROOT	"/sys/devices/warden"

static bool wants_help(int argc, char **argv)
{
	return argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
}

/* Prints the usage for --help (0) or a wrong call (EXIT_USAGE); -1: go on. */
static int check_usage(int argc, char **argv, bool valid, const char *text)
{
	if (wants_help(argc, argv)) {
		fputs(text, stdout);
		return 0;
	}
	if (!valid) {
		fputs(text, stderr);
		return EXIT_USAGE;
	}
	return -1;
}

static int open_device(const char *command)
{
	int fd = open(WARDEN_DEVICE, O_RDWR);

	if (fd < 0)
		fprintf(stderr, "warden %s: cannot open %s: %s%s\n", command, WARDEN_DEVICE,
			strerror(errno), errno == ENOENT ?
			" (load the driver first: insmod warden.ko)" : "");
	return fd;
}

static void *read_file(const char *path, size_t *size)
{
	struct stat st;
	void *data;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || st.st_size <= 0 || st.st_size > (1 << 24)) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	data = malloc((size_t)st.st_size);
	if (data && read(fd, data, (size_t)st.st_size) != st.st_size) {
		free(data);
		data = NULL;
		errno = EIO;
	}
	close(fd);
	*size = (size_t)st.st_size;
	return data;
}

/* Sends request to the driver; prints its refusal or done. Returns the exit status. */
static int call_driver(const char *command, unsigned long code, void *request,
		       const char *message, const char *done)
{
	int fd = open_device(command), result;

	if (fd < 0)
		return EXIT_INVALID;
	result = ioctl(fd, code, request);
	if (result)
		fprintf(stderr, "warden %s: %s\n", command, message[0] ? message : strerror(errno));
	else
		puts(done);
	close(fd);
	return result ? EXIT_INVALID : 0;
}

static void print_config_error(void *context, const char *message)
{
	fprintf(stderr, "warden enable: %s: %s\n", (const char *)context, message);
}

int command_enable(int argc, char **argv)
{
	struct warden_enable_request request = { 0 };
	struct config_check_report report = { 0 };
	char message[WARDEN_MESSAGE_SIZE] = "";
	size_t size;
	void *config;
	int result;

	result = check_usage(argc, argv, argc == 2,
			     "usage: warden enable SYSTEM.cell\n"
			     "Starts the hypervisor with the system config SYSTEM.cell (from\n"
			     "`warden config build`); Linux continues as the root cell.\n");
	if (result >= 0)
		return result;
	config = read_file(argv[1], &size);
	if (!config) {
		fprintf(stderr, "warden enable: cannot read %s: %s\n", argv[1], strerror(errno));
		return EXIT_INVALID;
	}
	report.emit = print_config_error;
	report.context = argv[1];
	if (config_check_system(config, size, &report)) {
		fprintf(stderr, "warden enable: %s: not a valid system config (%u errors), "
			"nothing changed\n", argv[1], report.errors);
		free(config);
		return EXIT_INVALID;
	}
	request.config_address = (unsigned long)config;
	request.config_size = (__u32)size;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	result = call_driver("enable", WARDEN_IOCTL_ENABLE, &request, message,
			     "warden: hypervisor enabled");
	free(config);
	return result;
}

int command_disable(int argc, char **argv)
{
	struct warden_disable_request request = { 0 };
	char message[WARDEN_MESSAGE_SIZE] = "";
	int result;

	result = check_usage(argc, argv, argc == 1, "usage: warden disable\n"
			     "Hands every CPU back to Linux and stops the hypervisor.\n");
	if (result >= 0)
		return result;
	request.message_address = (unsigned long)message;
	request.message_size = sizeof(message);
	return call_driver("disable", WARDEN_IOCTL_DISABLE, &request, message,
			   "warden: hypervisor disabled");
}

int command_console(int argc, char **argv)
{
	bool follow = argc == 2 && !strcmp(argv[1], "-f");
	char buffer[4096];
	ssize_t length;
	int fd;

	fd = check_usage(argc, argv, argc == 1 || follow, "usage: warden console [-f]\n"
			 "Prints the hypervisor's console; -f keeps following it (Ctrl-C ends).\n");
	if (fd >= 0)
		return fd;
	fd = open_device("console");
	if (fd < 0)
		return EXIT_INVALID;
	for (;;) {
		length = read(fd, buffer, sizeof(buffer));
		if (length < 0) {
			fprintf(stderr, "warden console: read: %s\n", strerror(errno));
			close(fd);
			return EXIT_INVALID;
		}
		if (length > 0) {
			fwrite(buffer, 1, (size_t)length, stdout);
			fflush(stdout);
		} else if (follow) {
			usleep(200 * 1000);
		} else {
			break;
		}
	}
	close(fd);
	return 0;
}

/* Prints one sysfs value as "label: value"; returns 0 when it was readable. */
static int print_sysfs(const char *label, const char *path)
{
	char value[64] = "";
	FILE *file = fopen(path, "r");
	int ok = file && fgets(value, sizeof(value), file);

	if (file)
		fclose(file);
	value[strcspn(value, "\n")] = 0;
	printf("%s: %s\n", label, ok ? value : "(unavailable)");
	return ok ? 0 : -1;
}

int command_info(int argc, char **argv)
{
	static const char *const counters[] = {
		"total", "cpuid", "hypercall", "msr", "pio", "mmio", "xapic", "ipi", "init_sipi",
		"other", "exception",
	};
	char path[512], label[320];
	struct dirent *entry;
	unsigned int n;
	DIR *cpus;
	int result = check_usage(argc, argv, argc == 1, "usage: warden info\n"
				 "Prints the hypervisor state, memory pool usage and per-CPU "
				 "VM-exit counters.\n");

	if (result >= 0)
		return result;
	if (print_sysfs("enabled", SYSFS_ROOT "/enabled")) {
		fprintf(stderr, "warden info: %s missing: load the driver first\n", SYSFS_ROOT);
		return EXIT_INVALID;
	}
	print_sysfs("memory pool size (pages)", SYSFS_ROOT "/mem_pool_size");
	print_sysfs("memory pool used (pages)", SYSFS_ROOT "/mem_pool_used");
	print_sysfs("nested paging levels", SYSFS_ROOT "/nested_paging_levels");
	cpus = opendir(SYSFS_ROOT "/cpus");
	while (cpus && (entry = readdir(cpus))) {
		if (entry->d_name[0] == '.')
			continue;
		for (n = 0; n < sizeof(counters) / sizeof(counters[0]); n++) {
			snprintf(path, sizeof(path), SYSFS_ROOT "/cpus/%s/vmexits_%s",
				 entry->d_name, counters[n]);
			snprintf(label, sizeof(label), "cpu %s vmexits %s", entry->d_name,
				 counters[n]);
			if (print_sysfs(label, path))
				break;
		}
	}
	if (cpus)
		closedir(cpus);
	return 0;
}
