/* SPDX-License-Identifier: GPL-2.0-only */
/* Cells: the root cell (Linux) now, non-root cells with the cells issue. */
#ifndef WARDEN_HV_CELL_H
#define WARDEN_HV_CELL_H

#include <arch/cell.h>
#include <warden/config_check.h>

struct cell {
	struct arch_cell arch;		/* page-aligned parts first */
	const struct warden_cell_config *config;
	unsigned int id;
	bool running;		/* started, not yet destroyed */
	bool loadable;		/* loadable regions mapped for root */
	bool failed;		/* one of its CPUs faulted: parked until destroy */
	struct {		/* the first fault (guest_fault) */
		u32 reason;	/* WARDEN_FAILURE_*, published last */
		u32 cpu;
		u64 address;
		u64 rip;
	} failure;
};

#define MAX_CELLS	8	/* the root cell and 7 others */

extern struct cell root_cell;
/* Cells that exist, the root cell included. */
extern unsigned int num_cells;

/* The validated system config the driver handed over. */
extern const struct warden_system_config *system_config;

struct per_cpu;
/* cell.c, hypercalls of the root cell: the new cell's id, or -errno. */
s64 cell_create(struct per_cpu *caller, u64 config_address);
s64 cell_destroy(struct per_cpu *caller, u64 id);
s64 cell_set_loadable(struct per_cpu *caller, u64 id);
s64 cell_start(struct per_cpu *caller, u64 id);
/* Asks the cell (unless passive), then parks its CPUs: shut down, loadable again. */
s64 cell_shutdown(struct per_cpu *caller, u64 id);
/* WARDEN_CELL_* of the comm region, or -ENOENT. */
s64 cell_get_state(u64 id);
/* A WARDEN_FAILURE_FIELD_* of the cell's first fault, or -ENOENT / -EINVAL. */
s64 cell_get_failure(u64 id, u64 field);
/* A cell other than root by id, or NULL. */
struct cell *cell_by_id(u64 id);

/* cell_messages.c: the comm region's messages and lock. */
/* The cell of cells[0 .. count - 1] other than except in RUNNING_LOCKED, or NULL. */
struct cell *cell_holding_lock(struct cell *const *cells, unsigned int count,
			       const struct cell *except);
/* 0: the cell may be shut down (asked, or passive, or marked failed); -EPERM: it refused. */
s64 cell_ask_shutdown(struct cell *cell);

#endif /* WARDEN_HV_CELL_H */
