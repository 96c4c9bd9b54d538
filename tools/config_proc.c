// SPDX-License-Identifier: GPL-2.0-only
/*
 * Readers for /proc/iomem, /proc/ioports, CPU lists and small sysfs files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_proc.h"

const char *proc_path(char *out, size_t size, const char *root, const char *path)
{
	snprintf(out, size, "%s%s", root, path);
	return out;
}

int resources_read(const char *root, const char *path, struct resource_entry *entries,
		   int max)
{
	char file_path[512], line[256], *colon, *name;
	struct resource_entry *e;
	FILE *file = fopen(proc_path(file_path, sizeof(file_path), root, path), "r");
	int count = 0, indent;

	if (!file) {
		fprintf(stderr, "warden: cannot read '%s': %s\n", file_path, strerror(errno));
		return -1;
	}
	while (count < max && fgets(line, sizeof(line), file)) {
		e = &entries[count];
		for (indent = 0; line[indent] == ' '; indent++)
			;
		colon = strstr(line, " : ");
		if (!colon || sscanf(line + indent, "%llx-%llx", &e->start, &e->end) != 2)
			continue;
		name = colon + 3;
		name[strcspn(name, "\n")] = '\0';
		snprintf(e->name, sizeof(e->name), "%s", name);
		e->depth = indent / 2;
		count++;
	}
	fclose(file);
	return count;
}

int cpu_list_read(const char *root, const char *path, __u64 *words, unsigned int count)
{
	char text[1024], *p, *end;
	unsigned long first, last, cpu;

	memset(words, 0, count * sizeof(*words));
	if (text_read(root, path, text, sizeof(text))) {
		fprintf(stderr, "warden: cannot read '%s%s'\n", root, path);
		return -1;
	}
	for (p = text; *p; p = *end ? end + 1 : end) {
		first = strtoul(p, &end, 10);
		last = first;
		if (*end == '-')
			last = strtoul(end + 1, &end, 10);
		if (end == p || (*end && *end != ',') || last >= count * 64 || last < first) {
			fprintf(stderr, "warden: '%s%s': cannot parse CPU list '%s'\n", root, path,
				text);
			return -1;
		}
		for (cpu = first; cpu <= last; cpu++)
			words[cpu / 64] |= 1ULL << (cpu % 64);
	}
	return 0;
}

int text_read(const char *root, const char *path, char *out, size_t size)
{
	char file_path[512];
	FILE *file = fopen(proc_path(file_path, sizeof(file_path), root, path), "r");
	size_t length;

	if (!file)
		return -1;
	length = fread(out, 1, size - 1, file);
	fclose(file);
	out[length] = '\0';
	while (length && (out[length - 1] == '\n' || out[length - 1] == ' '))
		out[--length] = '\0';
	return 0;
}
