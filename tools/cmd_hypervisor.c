// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden enable CONFIG | disable | console [-f] | info [--json]: the hypervisor
 * commands, talking to the driver through /dev/warden and
 * /sys/devices/warden.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <warden/config_check.h>
#include <warden/driver_ioctl.h>

#include "commands.h"
#include "json_output.h"

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

void *read_file(const char *path, size_t *size)
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

int call_driver_result(const char *command, unsigned long code, void *request,
		       const char *message)
{
	int fd = open_device(command), result;

	if (fd < 0)
		return -1;
	result = ioctl(fd, code, request);
	if (result < 0)
		fprintf(stderr, "warden %s: %s\n", command, message[0] ? message : strerror(errno));
	close(fd);
	return result;
}

/* Sends request to the driver; prints its refusal or done. Returns the exit status. */
static int call_driver(const char *command, unsigned long code, void *request,
		       const char *message, const char *done)
{
	if (call_driver_result(command, code, request, message) < 0)
		return EXIT_INVALID;
	puts(done);
	return 0;
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

static const char *const exit_counters[] = {
	"total", "cpuid", "hypercall", "msr", "pio", "mmio", "xapic", "ipi", "init_sipi", "other",
	"exception", "nmi", "ioapic",
};
#define EXIT_COUNTER_COUNT	(sizeof(exit_counters) / sizeof(exit_counters[0]))

/* Reads root + path into value without its newline; 0 when it was readable. */
static int read_sysfs(const char *root, const char *path, char *value, size_t size)
{
	char full[PATH_MAX];
	FILE *file;
	int ok;

	snprintf(full, sizeof(full), "%s%s", root, path);
	file = fopen(full, "r");
	ok = file && fgets(value, (int)size, file);
	if (file)
		fclose(file);
	if (!ok)
		value[0] = 0;
	value[strcspn(value, "\n")] = 0;
	return ok ? 0 : -1;
}

/* Prints one sysfs value as "label: value"; returns 0 when it was readable. */
static int print_sysfs(const char *root, const char *label, const char *path)
{
	char value[64];
	int result = read_sysfs(root, path, value, sizeof(value));

	printf("%s: %s\n", label, result ? "(unavailable)" : value);
	return result;
}

/* One sysfs value as a JSON number; null when unreadable or not a number. */
static void json_sysfs_number(struct json_writer *json, const char *key, const char *root,
			      const char *path)
{
	char value[64], *end;
	unsigned long long number;

	if (read_sysfs(root, path, value, sizeof(value)) || !value[0]) {
		json_null(json, key);
		return;
	}
	number = strtoull(value, &end, 10);
	if (*end)
		json_null(json, key);
	else
		json_number(json, key, number);
}

static int cpu_directory(const struct dirent *entry)
{
	return entry->d_name[0] != '.';
}

static int by_cpu_number(const struct dirent **a, const struct dirent **b)
{
	unsigned long x = strtoul((*a)->d_name, NULL, 10), y = strtoul((*b)->d_name, NULL, 10);

	return x < y ? -1 : x > y;
}

/* The CPU directories under root + SYSFS_ROOT/cpus in numeric order; count or -1. */
static int list_cpus(const char *root, struct dirent ***cpus)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s" SYSFS_ROOT "/cpus", root);
	return scandir(path, cpus, cpu_directory, by_cpu_number);
}

static void free_cpus(struct dirent **cpus, int count)
{
	while (count > 0)
		free(cpus[--count]);
	free(cpus);
}

static void print_info_text(const char *root)
{
	char path[512], label[320];
	struct dirent **cpus;
	unsigned int n;
	int count, i;

	print_sysfs(root, "memory pool size (pages)", SYSFS_ROOT "/mem_pool_size");
	print_sysfs(root, "memory pool used (pages)", SYSFS_ROOT "/mem_pool_used");
	print_sysfs(root, "nested paging levels", SYSFS_ROOT "/nested_paging_levels");
	count = list_cpus(root, &cpus);
	for (i = 0; i < count; i++) {
		for (n = 0; n < EXIT_COUNTER_COUNT; n++) {
			snprintf(path, sizeof(path), SYSFS_ROOT "/cpus/%s/vmexits_%s",
				 cpus[i]->d_name, exit_counters[n]);
			snprintf(label, sizeof(label), "cpu %s vmexits %s", cpus[i]->d_name,
				 exit_counters[n]);
			if (print_sysfs(root, label, path))
				break;
		}
	}
	if (count >= 0)
		free_cpus(cpus, count);
}

/* warden info --json: the same facts as the text, in the style of warden(1) "JSON OUTPUT". */
static void print_info_json(const char *root, const char *enabled)
{
	struct json_writer json;
	struct dirent **cpus;
	char path[512];
	unsigned int n;
	int count, i;

	json_begin(&json, stdout);
	json_object_begin(&json, NULL);
	json_command_header(&json, "info", enabled != NULL);
	json_array_begin(&json, "errors");
	if (!enabled) {
		json_object_begin(&json, NULL);
		json_string(&json, "file", SYSFS_ROOT);
		json_string(&json, "message", "missing: load the driver first");
		json_object_end(&json);
	}
	json_array_end(&json);
	if (enabled)
		json_bool(&json, "enabled", !strcmp(enabled, "1"));
	else
		json_null(&json, "enabled");
	json_object_begin(&json, "memory_pool");
	json_sysfs_number(&json, "size_pages", root, SYSFS_ROOT "/mem_pool_size");
	json_sysfs_number(&json, "used_pages", root, SYSFS_ROOT "/mem_pool_used");
	json_object_end(&json);
	json_sysfs_number(&json, "nested_paging_levels", root, SYSFS_ROOT "/nested_paging_levels");
	json_array_begin(&json, "cpus");
	count = enabled ? list_cpus(root, &cpus) : -1;
	for (i = 0; i < count; i++) {
		json_object_begin(&json, NULL);
		json_number(&json, "cpu", strtoull(cpus[i]->d_name, NULL, 10));
		json_object_begin(&json, "vmexits");
		for (n = 0; n < EXIT_COUNTER_COUNT; n++) {
			snprintf(path, sizeof(path), SYSFS_ROOT "/cpus/%s/vmexits_%s",
				 cpus[i]->d_name, exit_counters[n]);
			json_sysfs_number(&json, exit_counters[n], root, path);
		}
		json_object_end(&json);
		json_object_end(&json);
	}
	if (count >= 0)
		free_cpus(cpus, count);
	json_array_end(&json);
	json_object_end(&json);
	json_end(&json);
}

static void info_usage(FILE *out)
{
	fputs("usage: warden info [--json] [--sysroot DIR]\n"
	      "Prints the hypervisor state, memory pool usage and per-CPU VM-exit counters.\n"
	      "  --json         one JSON object instead (warden(1), JSON OUTPUT)\n"
	      "  --sysroot DIR  read /sys under DIR (for tests)\n", out);
}

int command_info(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "sysroot", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *root = "";
	char enabled[64];
	int option, json = 0, missing;

	optind = 1;
	while ((option = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (option) {
		case 'j': json = 1; break;
		case 'r': root = optarg; break;
		case 'h': info_usage(stdout); return 0;
		default: info_usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		info_usage(stderr);
		return EXIT_USAGE;
	}
	missing = read_sysfs(root, SYSFS_ROOT "/enabled", enabled, sizeof(enabled));
	if (json) {
		print_info_json(root, missing ? NULL : enabled);
	} else if (!missing) {
		printf("enabled: %s\n", enabled);
		print_info_text(root);
	} else {
		printf("enabled: (unavailable)\n");
	}
	if (missing) {
		fprintf(stderr, "warden info: %s%s missing: load the driver first\n", root, SYSFS_ROOT);
		return EXIT_INVALID;
	}
	return 0;
}
