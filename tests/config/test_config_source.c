// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the tool's source map (tools/config_source.c): which source node a validator
 * message is about, by config kind, element and index.
 */
#include <stdio.h>
#include <string.h>

#include "config_source.h"

static unsigned int failures;

static void expect_node(const struct config_source *source, const char *message, const char *want)
{
	const char *got = config_source_node(source, message);

	if ((!got && !want) || (got && want && !strcmp(got, want))) {
		printf("ok: %s -> %s\n", message, got ? got : "(none)");
		return;
	}
	printf("FAIL: %s -> %s, want %s\n", message, got ? got : "(none)", want ? want : "(none)");
	failures++;
}

int main(void)
{
	struct config_source *source = config_source_new();

	if (!source || config_source_add(source, 0, "memory region", 1, "/memory/one") ||
	    config_source_add(source, 0, "memory region", 10, "/memory/ten") ||
	    config_source_add(source, 1, "memory region", 1, "/root-cell/memory/one") ||
	    config_source_add(source, 0, "pci device", 0, "/pci-devices/dev") ||
	    config_source_add(source, 0, "pci capability", 2, "/pci-devices/dev/capability@2") ||
	    config_source_add(source, 0, "irqchip", 0, "/irqchips/ioapic")) {
		printf("FAIL: out of memory\n");
		return 1;
	}
	expect_node(source, "cell 'a': memory region 1: phys_start 0x0 ...", "/memory/one");
	expect_node(source, "cell 'a': memory region 10: size 0x0 ...", "/memory/ten");
	expect_node(source, "root cell 'linux': memory region 1: virt_start ...", "/root-cell/memory/one");
	expect_node(source, "cell 'a': pci device 0 (bdf 00:03.0): repeats ...", "/pci-devices/dev");
	expect_node(source, "cell 'a': pci capability 2 (id 0x5): start ...",
		    "/pci-devices/dev/capability@2");
	expect_node(source, "cell 'a': irqchip 0: address 0xfec01000 ...", "/irqchips/ioapic");
	/* Not noted: another index, another kind of config, no element, a system message. */
	expect_node(source, "cell 'a': memory region 2: size 0x0 ...", NULL);
	expect_node(source, "cell 'a': memory region 100: size 0x0 ...", NULL);
	expect_node(source, "root cell 'linux': memory region 10: size 0x0 ...", NULL);
	expect_node(source, "cell 'a': cpus: the CPU set is empty", NULL);
	expect_node(source, "system config: ioapic 1: id 0 is also ioapic 0's", NULL);
	expect_node(NULL, "cell 'a': memory region 1: phys_start 0x0 ...", NULL);
	config_source_free(source);
	return failures ? 1 : 0;
}
