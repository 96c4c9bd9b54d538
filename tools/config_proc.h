/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Readers for /proc and sysfs files, under a root directory ("" normally, a
 * fake tree in tests).
 */
#ifndef WARDEN_TOOLS_CONFIG_PROC_H
#define WARDEN_TOOLS_CONFIG_PROC_H

#include <stddef.h>
#include <warden/types.h>

#define RESOURCE_NAME_SIZE	64

/* One line of /proc/iomem or /proc/ioports. */
struct resource_entry {
	__u64 start, end;	/* inclusive */
	int depth;		/* nesting: 0 for top-level entries */
	char name[RESOURCE_NAME_SIZE];
};

/* Builds root + path into out. */
const char *proc_path(char *out, size_t size, const char *root, const char *path);
/* Reads /proc/iomem-style lines; returns the count, or -1 (message printed). */
int resources_read(const char *root, const char *path, struct resource_entry *entries,
		   int max);
/* Reads a CPU list ("0-3,5") into a bitmap; 0 or -1 (message printed). */
int cpu_list_read(const char *root, const char *path, __u64 *words, unsigned int count);
/* Reads a small text file, newline stripped; 0 or -1 (quiet). */
int text_read(const char *root, const char *path, char *out, size_t size);

#endif /* WARDEN_TOOLS_CONFIG_PROC_H */
