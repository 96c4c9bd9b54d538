/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the hypervisor may read of a cell's guest-physical memory on the
 * cell's behalf (its page tables, its instruction bytes): an address is
 * translated through the cell's nested page tables, and the host-physical
 * result must lie in ordinary readable RAM of the cell's config, outside the
 * hypervisor memory and inside the hypervisor's identity map. Device MMIO,
 * the xAPIC page, the console ring and anything unmapped are refused, so
 * reading never has side effects and never shows the hypervisor's bytes.
 * Pure logic, unit-tested on the host.
 */
#ifndef WARDEN_ARCH_GUEST_MEMORY_H
#define WARDEN_ARCH_GUEST_MEMORY_H

#include <arch/paging.h>
#include <warden/config.h>

struct guest_memory {
	/* The cell's nested page tables; phys_to_virt also reaches its RAM. */
	const struct paging *nested;
	__u64 nested_root;
	const struct warden_memory_region *regions;
	unsigned int region_count;
	__u64 hv_start, hv_size;	/* the hypervisor memory: never readable */
	__u64 host_limit;		/* end of what phys_to_virt reaches */
	__u64 refused_host;		/* out: the host address of the last refusal, or ~0 */
};

/*
 * The read_phys callback of struct guest_paging; context is a struct
 * guest_memory. Returns 0, or -1 when the cell may not read the range.
 */
int guest_memory_read(void *context, __u64 gpa, void *buffer, unsigned int size);

#endif /* WARDEN_ARCH_GUEST_MEMORY_H */
