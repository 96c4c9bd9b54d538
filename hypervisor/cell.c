// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cells beside the root cell: created from a config root Linux hands over
 * (its CPUs taken offline by Linux first, its memory leaving root's nested
 * page tables), destroyed with everything going back to root, memory
 * cleared. One management operation at a time. A created cell is shut
 * down and its CPUs are parked until it starts; shutting a running cell
 * down or destroying it asks the cell first (cell_messages.c).
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>
#include <hv/printk.h>
#include <hv/string.h>
#include <warden/comm_region.h>

#define PAGE_SIZE		4096ULL
/* The largest cell config taken: 16 pages. */
#define MAX_CELL_CONFIG_SIZE	(16 * PAGE_SIZE)
#define CELL_PAGES		((sizeof(struct cell) + PAGE_SIZE - 1) / PAGE_SIZE)

static struct cell *cells[MAX_CELLS];	/* by id; 0 is the root cell */
static u32 management_lock;

static void lock(void)
{
	while (__atomic_exchange_n(&management_lock, 1, __ATOMIC_ACQUIRE))
		arch_cpu_relax();
}

static void unlock(void)
{
	__atomic_store_n(&management_lock, 0, __ATOMIC_RELEASE);
}

static u64 pages_of(u64 size)
{
	return (size + PAGE_SIZE - 1) / PAGE_SIZE;
}

static void report(void *context, const char *message)
{
	(void)context;
	printk("warden: cell config: %s\n", message);
}

/* The config root put at guest-physical address, copied and checked, or NULL. */
static struct warden_cell_config *copy_config(u64 address, s64 *error)
{
	struct config_check_report check = { .emit = report,
					     .expected_architecture = WARDEN_ARCH_X86_64 };
	struct warden_config_header header;
	struct warden_cell_config *config;
	unsigned int n;

	*error = -EFAULT;
	if (arch_cell_read_root(address, &header, sizeof(header))) {
		printk("warden: cell config at %llx is not in root's RAM\n", address);
		return NULL;
	}
	*error = -EINVAL;
	if (memcmp(header.magic, WARDEN_CELL_MAGIC, sizeof(WARDEN_CELL_MAGIC)) ||
	    header.total_size < sizeof(*config) || header.total_size > MAX_CELL_CONFIG_SIZE) {
		printk("warden: cell config at %llx: not a cell config of at most %llu bytes\n",
		       address, MAX_CELL_CONFIG_SIZE);
		return NULL;
	}
	*error = -ENOMEM;
	config = pool_alloc_pages(pages_of(header.total_size));
	if (!config)
		return NULL;
	*error = -EINVAL;
	if (arch_cell_read_root(address, config, header.total_size) ||
	    config->header.total_size != header.total_size ||
	    config_check_cell(system_config, system_config->header.total_size, config,
			      header.total_size, &check))
		goto refuse;
	for (n = 1; n < MAX_CELLS; n++)
		if (cells[n] && config_check_cell_pair(cells[n]->config,
						       cells[n]->config->header.total_size,
						       config, header.total_size, &check))
			goto refuse;
	*error = 0;
	return config;
refuse:
	pool_free_pages(config, pages_of(header.total_size));
	return NULL;
}

/* Every CPU of the config is a running root CPU other than the caller's. */
static bool cpus_available(struct per_cpu *caller, const struct warden_cell_config *config)
{
	unsigned int n;

	for (n = 0; n < MAX_CPUS; n++) {
		if (!config_cell_has_cpu(config, n))
			continue;
		if (n == caller->id || per_cpu(n)->cell != &root_cell ||
		    per_cpu(n)->state != WARDEN_CPU_RUNNING) {
			printk("warden: cell '%s': CPU %u is not a running CPU of the root cell "
			       "that root Linux took offline\n", config->name, n);
			return false;
		}
	}
	return true;
}

/*
 * No cell is created or destroyed while another holds the configuration
 * lock (docs/cell-abi.md); the locked cell itself may still be asked to go.
 */
static bool refused_by_lock(const struct cell *target, const char *what)
{
	struct cell *holder = cell_holding_lock(cells, MAX_CELLS, target);

	if (!holder)
		return false;
	printk("warden: cell '%s' holds the configuration lock (running/locked): "
	       "no cell may be %s meanwhile\n", holder->config->name, what);
	return true;
}

static s64 create_locked(struct per_cpu *caller, u64 address)
{
	struct warden_cell_config *config;
	struct cell *cell;
	unsigned int id, n;
	s64 error;

	if (refused_by_lock(NULL, "created"))
		return -EPERM;
	for (id = 1; id < MAX_CELLS && cells[id]; id++)
		;
	if (id == MAX_CELLS)
		return -E2BIG;
	config = copy_config(address, &error);
	if (!config)
		return error;
	error = -EBUSY;
	if (!cpus_available(caller, config))
		goto free_config;
	error = -ENOMEM;
	cell = pool_alloc_pages(CELL_PAGES);
	if (!cell)
		goto free_config;
	cell->config = config;
	cell->id = id;
	error = arch_cell_create(cell);
	if (error)
		goto free_cell;
	arch_flush_root_tlbs(caller);
	for (n = 0; n < MAX_CPUS; n++)
		if (config_cell_has_cpu(config, n))
			arch_cpu_join(per_cpu(n), cell);
	cells[id] = cell;
	num_cells++;
	printk("Warden: cell '%s' created (id %u), pool %llu/%llu pages used\n", config->name,
	       id, pool_used_pages(), pool_size_pages());
	return id;
free_cell:
	pool_free_pages(cell, CELL_PAGES);
free_config:
	pool_free_pages(config, pages_of(config->header.total_size));
	return error;
}

s64 cell_create(struct per_cpu *caller, u64 config_address)
{
	s64 result;

	lock();
	result = create_locked(caller, config_address);
	unlock();
	return result;
}

struct cell *cell_by_id(u64 id)
{
	return id && id < MAX_CELLS ? cells[id] : NULL;
}

/* Root may load images into the cell's loadable regions until it starts. */
s64 cell_set_loadable(struct per_cpu *caller, u64 id)
{
	struct cell *cell;
	s64 error = -ENOENT;

	lock();
	cell = cell_by_id(id);
	if (cell && cell->running)
		error = -EBUSY;
	else if (cell && !cell->loadable)
		error = arch_cell_set_loadable(cell, true);
	else if (cell)
		error = 0;
	if (cell && !error)
		cell->loadable = true;
	unlock();
	(void)caller;
	return error;
}

/* With the lock held: cell id if it may stop running (asked first), else NULL and *error. */
static struct cell *cell_to_stop(u64 id, const char *lock_refuses, s64 *error)
{
	struct cell *cell = cell_by_id(id);

	*error = !cell ? -ENOENT : lock_refuses && refused_by_lock(cell, lock_refuses) ? -EPERM :
		 cell_ask_shutdown(cell);
	return *error ? NULL : cell;
}

static void each_cpu_of(struct cell *cell, void (*operation)(struct per_cpu *))
{
	unsigned int n;

	for (n = 0; n < MAX_CPUS; n++)
		if (per_cpu(n)->cell == cell)
			operation(per_cpu(n));
}

s64 cell_start(struct per_cpu *caller, u64 id)
{
	struct cell *cell;

	lock();
	cell = cell_by_id(id);
	if (!cell || cell->running) {
		unlock();
		return cell ? -EBUSY : -ENOENT;
	}
	if (cell->loadable) {
		arch_cell_set_loadable(cell, false);
		arch_flush_root_tlbs(caller);
		cell->loadable = false;
	}
	arch_cell_prepare_start(cell);
	cell->running = true;
	each_cpu_of(cell, arch_cpu_start);
	printk("Warden: cell '%s' (id %u) started\n", cell->config->name, cell->id);
	unlock();
	return 0;
}

/*
 * The cell's CPUs stop where they are and wait, parked, as after create:
 * the cell keeps its memory, its loadable regions may be loaded again and
 * it may be started again. A failed cell is not asked; its CPUs park too.
 */
s64 cell_shutdown(struct per_cpu *caller, u64 id)
{
	struct cell *cell;
	s64 error;

	lock();
	cell = cell_to_stop(id, NULL, &error);
	if (cell && cell->running) {
		each_cpu_of(cell, arch_cpu_park);
		cell->running = false;
		cell->failed = false;	/* failed or silent before, parked now */
		printk("Warden: cell '%s' (id %u) shut down, its CPUs parked\n",
		       cell->config->name, cell->id);
	}
	unlock();
	(void)caller;
	return error;
}

s64 cell_destroy(struct per_cpu *caller, u64 id)
{
	struct cell *cell;
	s64 error;

	lock();
	cell = cell_to_stop(id, "destroyed", &error);
	if (!cell) {
		unlock();
		return error;
	}
	each_cpu_of(cell, arch_cpu_leave);
	if (cell->loadable)
		arch_cell_set_loadable(cell, false);
	arch_cell_destroy(cell);
	cells[id] = NULL;
	num_cells--;
	printk("Warden: cell '%s' (id %u) destroyed, its CPUs and memory back with root\n",
	       cell->config->name, cell->id);
	pool_free_pages((void *)cell->config, pages_of(cell->config->header.total_size));
	pool_free_pages(cell, CELL_PAGES);
	unlock();
	(void)caller;
	return 0;
}

s64 cell_get_state(u64 id)
{
	if (id == 0)
		return WARDEN_CELL_RUNNING;
	if (id >= MAX_CELLS || !cells[id])
		return -ENOENT;
	if (cells[id]->failed)
		return WARDEN_CELL_FAILED;
	return cells[id]->running ?
	       ((const struct warden_comm_region *)arch_cell_comm_region(cells[id]))->cell_state :
	       WARDEN_CELL_SHUT_DOWN;
}

s64 cell_get_failure(u64 id, u64 field)
{
	struct cell *cell = cell_by_id(id);
	u32 reason;

	if (!cell)
		return -ENOENT;
	reason = __atomic_load_n(&cell->failure.reason, __ATOMIC_ACQUIRE);
	if (reason == WARDEN_FAILURE_REASONS)
		reason = WARDEN_FAILURE_NONE;	/* being recorded: not yet */
	switch (field) {
	case WARDEN_FAILURE_FIELD_REASON:
		return reason;
	case WARDEN_FAILURE_FIELD_CPU:
		return reason ? cell->failure.cpu : 0;
	case WARDEN_FAILURE_FIELD_ADDRESS:
		return reason ? (s64)cell->failure.address : 0;
	case WARDEN_FAILURE_FIELD_RIP:
		return reason ? (s64)cell->failure.rip : 0;
	default:
		return -EINVAL;
	}
}
