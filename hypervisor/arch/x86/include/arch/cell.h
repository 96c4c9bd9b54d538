/* SPDX-License-Identifier: GPL-2.0-only */
/* x86 part of a cell: nested page tables and the SVM permission maps. */
#ifndef WARDEN_ARCH_CELL_H
#define WARDEN_ARCH_CELL_H

#include <hv/types.h>
#include <arch/paging.h>

#define IO_BITMAP_SIZE	(3 * 4096)	/* IOPM, AMD APM vol. 2, 15.10.1 */
#define MSR_BITMAP_SIZE	(2 * 4096)	/* MSRPM, 15.11 */

struct arch_cell {
	u8 io_bitmap[IO_BITMAP_SIZE] __aligned(4096);
	u8 msr_bitmap[MSR_BITMAP_SIZE] __aligned(4096);
	u64 npt_root;			/* physical */
	unsigned int npt_levels;	/* 4 or 5 */
	void *comm_page;		/* non-root cells: the comm region */
	u32 cpus_started;		/* at start: CPUs that left the park */
};

/* cell.c: the page-table callbacks of nested tables (pool pages). */
struct paging nested_paging(void);
/* cell.c: where the hypervisor's identity map of RAM ends. */
u64 host_identity_map_end(void);

#endif /* WARDEN_ARCH_CELL_H */
