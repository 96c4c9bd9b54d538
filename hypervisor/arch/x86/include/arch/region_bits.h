/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How a memory region of a cell config is mapped: the leaf bits of the
 * cell's nested page tables and of the hypervisor's own identity map, from
 * the region's WARDEN_MEM_* flags. Pure logic, shared by the hypervisor
 * (cell.c) and the driver (host_tables.c), unit-tested on the host
 * (tests/hypervisor/test_region_bits.c).
 */
#ifndef WARDEN_ARCH_REGION_BITS_H
#define WARDEN_ARCH_REGION_BITS_H

#include <warden/types.h>

/*
 * The nested leaf bits for a region; 0 when the region is not mapped there
 * at all: the comm region (the hypervisor maps its own page) and a region
 * the cell may not read (a present nested entry is always readable, AMD APM
 * vol. 2, 15.25.5).
 */
int region_nested_bits(__u64 region_flags, __u64 *bits);

/*
 * The bits for the hypervisor's identity map of a root cell region; 0 when
 * the hypervisor never maps it: device memory and the comm region.
 */
int region_host_bits(__u64 region_flags, __u64 *bits);

#endif /* WARDEN_ARCH_REGION_BITS_H */
