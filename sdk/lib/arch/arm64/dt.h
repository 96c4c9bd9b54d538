/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * A small read-only flattened device tree reader (Devicetree Specification
 * v0.4, chapter 5): enough to find the UART, GIC, timer, PSCI method, CPUs
 * and command line. Pure code, also built for the host, where
 * tests/sdk/dt_test.c compares its answers with libfdt's.
 * Node offsets are those of libfdt: from the start of the structure block.
 */
#ifndef SDK_ARM64_DT_H
#define SDK_ARM64_DT_H

#include <stdbool.h>
#include <stdint.h>

#define DT_MAX_DEPTH	16

/* 0 if blob is a version 16/17 FDT whose blocks lie inside totalsize. */
int dt_check(const void *blob);

/* First node after offset (-1: from the start) whose "compatible" list
 * holds compat; -SDK_ENOENT. */
int dt_find_compatible(const void *blob, int after, const char *compat);
/* The node at an absolute path of plain names ("/chosen", "/cpus"). */
int dt_find_path(const void *blob, const char *path);

/* Property value and its length, NULL if absent. */
const void *dt_property(const void *blob, int node, const char *name, uint32_t *length);
/* Property as a string (NUL-terminated inside its length), NULL if not. */
const char *dt_property_string(const void *blob, int node, const char *name);
bool dt_property_u32(const void *blob, int node, const char *name, unsigned int index,
		     uint32_t *value);

/* Entry index of "reg", in the cells of the node's parent. 0 or -SDK_ENOENT. */
int dt_reg(const void *blob, int node, unsigned int index, uint64_t *address, uint64_t *size);

/* CPUs: the "reg" (MPIDR affinity) of the index-th node under /cpus with
 * device_type "cpu"; the count of such nodes. */
int dt_cpu_count(const void *blob);
int dt_cpu_mpidr(const void *blob, unsigned int index, uint64_t *mpidr);

uint32_t dt_be32(const void *p);

#endif /* SDK_ARM64_DT_H */
