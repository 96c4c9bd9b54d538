/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Mapping guest-physical ranges above 4 GiB (PCI BARs, RAM up there) into
 * the SDK's identity map, at the same virtual address, below 512 GiB.
 * Safe from several CPUs.
 *
 * x86-64: the first 4 GiB are always mapped (0-2 GiB write-back, 2-4 GiB
 * uncached); above that nothing is until map_range() maps it, in 2 MiB
 * pages (the range is rounded out to 2 MiB). At most MAP_RANGE_MAX_GIB
 * distinct GiB-sized windows. Write-combining is not offered: it needs a
 * PAT change, which a cell may not make.
 *
 * ARM64: everything is mapped from boot, RAM normal write-back and the rest
 * device memory, in 1 GiB blocks; map_range() gives each whole GiB the
 * range touches the type asked for (MAP_CACHE_UC: Device-nGnRE). Never
 * -SDK_ENOMEM.
 */
#ifndef INMATE_MAP_H
#define INMATE_MAP_H

#include <stdint.h>

enum map_cache {
	MAP_CACHE_WB,	/* write-back: RAM */
	MAP_CACHE_WT,	/* write-through */
	MAP_CACHE_UC,	/* uncached: device registers */
};

#define MAP_RANGE_MAX_GIB	8

/* 0, -SDK_EINVAL (size 0, or below 4 GiB), -SDK_ERANGE (beyond 512 GiB),
 * -SDK_ENOMEM (more than MAP_RANGE_MAX_GIB windows), -SDK_EBUSY (part of it
 * already mapped with another cache type). */
int map_range(uint64_t phys, uint64_t size, enum map_cache cache);

#endif /* INMATE_MAP_H */
