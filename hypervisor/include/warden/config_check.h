/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The configuration validator, shared by the `warden` tool (host) and the
 * hypervisor (which re-checks every blob it is given). Freestanding: no libc,
 * no allocation; every access to a blob is bounds-checked against its size.
 *
 * Sources: hypervisor/config_check.c (structure, system, entry points),
 * hypervisor/config_check_cell.c (cell contents), config_check_relations.c
 * (cells against the system and each other), config_check_platform.c (system,
 * windows),
 * hypervisor/config_check_format.c (messages, through hypervisor/format.c).
 *
 * Each error becomes one message naming the config, the element (with its
 * index), the field and the value, e.g.
 *   cell 'irqlat': memory region 1: phys_start 0x30000000 size 0x100000:
 *   overlaps the hypervisor memory 0x30000000-0x30ffffff
 */
#ifndef WARDEN_CONFIG_CHECK_H
#define WARDEN_CONFIG_CHECK_H

#include <warden/config.h>

#define CONFIG_CHECK_MESSAGE_SIZE	256

struct config_check_report {
	/* Set by the caller (zero them for the defaults). */
	/* Called with every error message, if set. */
	void (*emit)(void *context, const char *message);
	void *context;
	/* Reject blobs of another architecture; 0: any known architecture. */
	__u16 expected_architecture;
	/* Filled by the checks; they add to what is there. */
	unsigned int errors;
	char first[CONFIG_CHECK_MESSAGE_SIZE];	/* the first error */
};

/*
 * Check a system config: header, tables, hypervisor memory, console,
 * platform, and the embedded root cell (against the system).
 * Returns the number of errors found by this call (0: valid).
 */
unsigned int config_check_system(const void *system, __u64 system_size,
				 struct config_check_report *report);

/*
 * Check a non-root cell config on its own and against a system config: CPUs,
 * memory, pins, ports and PCI devices must be owned by the root cell, CPU 0
 * stays with the root cell, nothing covers the hypervisor memory or the
 * windows the hypervisor emulates. Also checks the system config.
 * With system NULL, only the cell's own contents are checked.
 */
unsigned int config_check_cell(const void *system, __u64 system_size,
			       const void *cell, __u64 cell_size,
			       struct config_check_report *report);

/*
 * Check that two non-root cells (each already valid) can run together: no
 * shared CPU, memory (unless both regions are root-shared), pin, port or PCI
 * device, and different names.
 */
unsigned int config_check_cell_pair(const void *cell_a, __u64 cell_a_size,
				    const void *cell_b, __u64 cell_b_size,
				    struct config_check_report *report);

/* Accessors for blobs that passed the checks above. */
static inline const struct warden_cell_config *
config_root_cell(const struct warden_system_config *system)
{
	return (const void *)((const char *)system + system->root_cell_offset);
}

static inline const void *config_table(const void *blob,
				       const struct warden_config_table *table)
{
	return (const char *)blob + table->offset;
}

static inline int config_cell_has_cpu(const struct warden_cell_config *cell,
				      unsigned int cpu)
{
	const __u64 *words = config_table(cell, &cell->cpus);

	return cpu / 64 < cell->cpus.count && (words[cpu / 64] >> (cpu % 64)) & 1;
}

#endif /* WARDEN_CONFIG_CHECK_H */
