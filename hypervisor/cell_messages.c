// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the hypervisor asks a running cell through its comm region
 * (docs/cell-abi.md, "Cell state and messages"): whether it may be shut
 * down, and whether it holds the configuration lock (RUNNING_LOCKED), which
 * keeps every other cell from being created or destroyed.
 *
 * The wait for an answer is bounded by the cell config's reply timeout,
 * counted in TSC cycles; it needs nothing from any other CPU (the cell's
 * CPUs answer by themselves, no management NMI is involved), so waiting
 * with the management lock held cannot hold up another CPU's request.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/printk.h>
#include <warden/comm_region.h>

/* The timeout of a config that gives none (0). */
#define DEFAULT_REPLY_TIMEOUT_MS	100
/* A TSC rate to assume if neither the driver nor the config gave one. */
#define FALLBACK_TSC_KHZ		1000000ULL

static struct warden_comm_region *comm_of(struct cell *cell)
{
	return arch_cell_comm_region(cell);
}

/* What a running cell that has not failed says about itself, else SHUT_DOWN. */
static u32 live_state(struct cell *cell)
{
	if (!cell->running || __atomic_load_n(&cell->failed, __ATOMIC_ACQUIRE))
		return WARDEN_CELL_SHUT_DOWN;
	return __atomic_load_n(&comm_of(cell)->cell_state, __ATOMIC_ACQUIRE);
}

/* Cells that answer messages: running ones whose comm region is not passive. */
static bool answers_messages(struct cell *cell)
{
	u32 state = live_state(cell);

	return !(cell->config->flags & WARDEN_CELL_PASSIVE_COMM_REGION) &&
	       (state == WARDEN_CELL_RUNNING || state == WARDEN_CELL_RUNNING_LOCKED);
}

/* A passive cell may lock too: passive only means that it is not asked. */
struct cell *cell_holding_lock(struct cell *const *cells, unsigned int count,
			       const struct cell *except)
{
	unsigned int n;

	for (n = 0; n < count; n++)
		if (cells[n] && cells[n] != except &&
		    live_state(cells[n]) == WARDEN_CELL_RUNNING_LOCKED)
			return cells[n];
	return NULL;
}

static u64 reply_timeout_cycles(const struct cell *cell, u32 *ms)
{
	u64 khz = hypervisor_header.tsc_khz ? hypervisor_header.tsc_khz :
		  system_config->platform.tsc_khz ? system_config->platform.tsc_khz :
		  FALLBACK_TSC_KHZ;

	*ms = cell->config->msg_reply_timeout_ms ? cell->config->msg_reply_timeout_ms :
	      DEFAULT_REPLY_TIMEOUT_MS;
	return *ms * khz;
}

/*
 * Posts SHUTDOWN_REQUEST and waits for the reply (protocol: the reply is
 * cleared before the message is written; the cell clears the message before
 * it replies). 0: the cell may go (approved, or not asked, or it did not
 * answer in time and is marked failed); -EPERM: it refused.
 */
s64 cell_ask_shutdown(struct cell *cell)
{
	struct warden_comm_region *comm = comm_of(cell);
	u64 start, limit;
	u32 reply, ms;

	if (!answers_messages(cell))
		return 0;
	limit = reply_timeout_cycles(cell, &ms);
	__atomic_store_n(&comm->reply_from_cell, WARDEN_REPLY_NONE, __ATOMIC_SEQ_CST);
	__atomic_store_n(&comm->msg_to_cell, WARDEN_MSG_SHUTDOWN_REQUEST, __ATOMIC_SEQ_CST);
	start = arch_cpu_cycles();
	while (!(reply = __atomic_load_n(&comm->reply_from_cell, __ATOMIC_ACQUIRE))) {
		/* A CPU of the cell faulted meanwhile: nobody is left to answer. */
		if (__atomic_load_n(&cell->failed, __ATOMIC_ACQUIRE))
			return 0;
		if (arch_cpu_cycles() - start >= limit) {
			printk("warden: cell '%s' did not answer the shutdown request within "
			       "%u ms: marked failed\n", cell->config->name, ms);
			cell->failed = true;
			comm->cell_state = WARDEN_CELL_FAILED;
			return 0;
		}
		arch_cpu_relax();
	}
	if (reply == WARDEN_REPLY_REQUEST_APPROVED)
		return 0;
	printk("warden: cell '%s' %s the shutdown request: it keeps running\n",
	       cell->config->name, reply == WARDEN_REPLY_REQUEST_DENIED ? "denied" :
	       "did not approve");
	return -EPERM;
}
