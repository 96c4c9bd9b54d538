/* SPDX-License-Identifier: GPL-2.0-only */
/* The page pool: the hypervisor memory left after image, config and first page tables. */
#ifndef WARDEN_HV_POOL_H
#define WARDEN_HV_POOL_H

#include <hv/types.h>

void pool_init(void *start, u64 pages);
/* A zeroed page, or NULL when the pool is exhausted. */
void *pool_alloc_page(void);
void pool_free_page(void *page);
/* count pages in a row (zeroed), and their return. */
void *pool_alloc_pages(u64 count);
void pool_free_pages(void *pages, u64 count);
u64 pool_size_pages(void);
u64 pool_used_pages(void);

/* Hypervisor virtual -> physical for memory inside the hypervisor memory. */
void memory_set_base(u64 phys, u64 size);
u64 hv_virt_to_phys(const void *virt);
bool hv_memory_contains(u64 phys, u64 size);

#endif /* WARDEN_HV_POOL_H */
