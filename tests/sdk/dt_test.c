// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 SDK's device tree reader (sdk/lib/arch/arm64/dt.c) against
 * libfdt on a real DTB (QEMU virt's dumpdtb, tests/sdk/run-dt-test): the
 * nodes and values the SDK boots from, a damaged header and a truncated
 * blob. usage: sdk_dt_test FILE.dtb EXPECTED-BOOTARGS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include <inmate/errors.h>
#include "../../sdk/lib/arch/arm64/dt.h"
#include "host_check.h"

static void *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	void *data;

	if (!f) {
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	*size = (size_t)ftell(f);
	rewind(f);
	data = malloc(*size);
	if (fread(data, 1, *size, f) != *size) {
		fprintf(stderr, "%s: short read\n", path);
		exit(2);
	}
	fclose(f);
	return data;
}

/* reg entry index of node by libfdt, with the parent's cells */
static void fdt_reg_of(const void *blob, int node, int index, uint64_t *address, uint64_t *size)
{
	int parent = fdt_parent_offset(blob, node), ac = fdt_address_cells(blob, parent);
	int sc = fdt_size_cells(blob, parent), length, i;
	const fdt32_t *reg = fdt_getprop(blob, node, "reg", &length);

	*address = *size = 0;
	reg += index * (ac + sc);
	for (i = 0; i < ac; i++)
		*address = *address << 32 | fdt32_to_cpu(reg[i]);
	for (i = 0; i < sc; i++)
		*size = *size << 32 | fdt32_to_cpu(reg[ac + i]);
}

static void compare_compatible(const void *blob, const char *compat, int reg_entries)
{
	int ours = dt_find_compatible(blob, -1, compat);
	int theirs = fdt_node_offset_by_compatible(blob, -1, compat);
	uint64_t a1, s1, a2, s2;
	char what[128];
	int i;

	snprintf(what, sizeof(what), "node of %s: ours %d, libfdt %d", compat, ours, theirs);
	expect(ours == theirs && ours > 0, what);
	for (i = 0; i < reg_entries && ours > 0; i++) {
		fdt_reg_of(blob, theirs, i, &a2, &s2);
		snprintf(what, sizeof(what), "%s reg[%d]", compat, i);
		expect(dt_reg(blob, ours, (unsigned int)i, &a1, &s1) == 0 && a1 == a2 && s1 == s2,
		       what);
	}
}

static void compare_cpus(const void *blob)
{
	int cpus = fdt_path_offset(blob, "/cpus"), node, count = 0;
	uint64_t mpidr, theirs, size;
	char what[96];

	fdt_for_each_subnode(node, blob, cpus) {
		const char *type = fdt_getprop(blob, node, "device_type", NULL);

		if (!type || strcmp(type, "cpu") != 0)
			continue;
		fdt_reg_of(blob, node, 0, &theirs, &size);
		snprintf(what, sizeof(what), "cpu %d MPIDR 0x%llx", count, (unsigned long long)theirs);
		expect(dt_cpu_mpidr(blob, (unsigned int)count, &mpidr) == 0 && mpidr == theirs, what);
		count++;
	}
	snprintf(what, sizeof(what), "cpu count: ours %d, libfdt %d", dt_cpu_count(blob), count);
	expect(dt_cpu_count(blob) == count && count == 4, what);
	expect(dt_cpu_mpidr(blob, (unsigned int)count, &mpidr) == -SDK_ENOENT, "no CPU past the last");
}

static void compare_values(const void *blob, const char *bootargs)
{
	int timer = fdt_node_offset_by_compatible(blob, -1, "arm,armv8-timer"), length;
	const fdt32_t *irqs = fdt_getprop(blob, timer, "interrupts", &length);
	const char *method = fdt_getprop(blob, fdt_path_offset(blob, "/psci"), "method", NULL);
	uint32_t value;
	unsigned int i;

	for (i = 0; i < (unsigned int)length / 4; i++)
		expect(dt_property_u32(blob, dt_find_compatible(blob, -1, "arm,armv8-timer"),
				       "interrupts", i, &value) && value == fdt32_to_cpu(irqs[i]),
		       "timer interrupts cell");
	expect(!dt_property_u32(blob, timer, "interrupts", (unsigned int)length / 4, &value),
	       "no timer interrupts cell past the end");
	expect(dt_find_path(blob, "/psci") == fdt_path_offset(blob, "/psci"), "/psci path");
	expect(method && strcmp(dt_property_string(blob, dt_find_path(blob, "/psci"), "method"),
				method) == 0, "psci method");
	expect(strcmp(dt_property_string(blob, dt_find_path(blob, "/chosen"), "bootargs"),
		      bootargs) == 0, "chosen bootargs");
	expect(dt_find_path(blob, "/memory") == fdt_path_offset(blob, "/memory"),
	       "/memory by name without unit address");
	expect(dt_find_path(blob, "/no-such-node") == -SDK_ENOENT, "missing path");
	expect(dt_find_compatible(blob, -1, "no,such-device") == -SDK_ENOENT, "missing compatible");
}

static void damaged(const uint8_t *blob, size_t size)
{
	uint8_t *copy = malloc(size);

	memcpy(copy, blob, size);
	copy[0] ^= 0xff;
	expect(dt_check(copy) == -SDK_EINVAL, "bad magic refused");
	expect(dt_find_compatible(copy, -1, "arm,pl011") == -SDK_EINVAL, "lookup on bad magic");
	memcpy(copy, blob, size);
	copy[36] = 0x7f;	/* size_dt_struct beyond totalsize */
	expect(dt_check(copy) == -SDK_EINVAL, "structure block past the end refused");
	memcpy(copy, blob, size);
	/* an END_NODE token cut out of the structure block: still no read past it */
	copy[36] = 0, copy[37] = 0, copy[38] = 0, copy[39] = 64;
	expect(dt_find_compatible(copy, -1, "arm,pl011") < 0, "truncated structure block");
	free(copy);
}

int main(int argc, char **argv)
{
	size_t size;
	void *blob;

	if (argc != 3) {
		fprintf(stderr, "usage: %s FILE.dtb EXPECTED-BOOTARGS\n", argv[0]);
		return 2;
	}
	blob = read_file(argv[1], &size);
	expect(fdt_check_header(blob) == 0 && dt_check(blob) == 0, "header");
	compare_compatible(blob, "arm,pl011", 1);
	compare_compatible(blob, "arm,gic-v3", 2);
	compare_compatible(blob, "arm,armv8-timer", 0);
	compare_cpus(blob);
	compare_values(blob, argv[2]);
	damaged(blob, size);
	free(blob);
	return check_summary("dt_test");
}
