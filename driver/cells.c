// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cells, the driver's part: a cell's CPUs are taken from Linux with CPU
 * hotplug (remove_cpu) before the hypervisor gets the config, and given
 * back (add_cpu) after it destroyed the cell; Linux then brings each up
 * with INIT and SIPI, which the hypervisor emulates.
 * /sys/devices/warden/cells/<id>/{name,state,cpus,failed_cpus,failure} lists
 * the cells. The hypervisor's -EPERM (another cell's configuration lock, or
 * a denied shutdown request) is turned into a sentence naming the cell.
 */
#include <linux/cpu.h>
#include <linux/kobject.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <asm/io.h>
#include <warden/comm_region.h>
#include <warden/config.h>
#include <warden/failure_reason.h>
#include <warden/hypercall.h>
#include "warden.h"

#define MAX_CELL_CONFIG_SIZE	(16 * PAGE_SIZE)
#define MAX_CELLS		8

static struct warden_cell {
	struct kobject kobject;
	unsigned int id;
	char name[WARDEN_CELL_NAME_SIZE];
	struct cpumask cpus;
	struct warden_cell_config *config;	/* a copy, for the loadable regions */
	u32 config_size;
	bool present;
} cells[MAX_CELLS];

static struct kobject *cells_kobject;
/* CPUs that cells hold: Linux may not bring them up (warden_cpu_prepare). */
struct cpumask warden_cell_cpus;

/* A table's first element, or NULL when it does not lie inside the config's size bytes. */
static const void *config_table(const struct warden_cell_config *config, u32 size,
				const struct warden_config_table *table, size_t element_size)
{
	if ((u64)table->offset + (u64)table->count * element_size > size || table->offset % 8)
		return NULL;
	return (const void *)config + table->offset;
}

/* The cell's CPU bitmap, bounds-checked against the config's size. */
static int config_cpus(const struct warden_cell_config *config, u32 size, const char *name,
		       struct cpumask *cpus, struct warden_message *message)
{
	const struct warden_config_table *table = &config->cpus;
	const u64 *words = config_table(config, size, table, sizeof(*words));
	unsigned int n;

	if (!words)
		return warden_refuse(message, -EINVAL, "cell '%s': cpus table outside the config",
				     name);
	cpumask_clear(cpus);
	for (n = 0; n < table->count * 64; n++) {
		if (!(words[n / 64] & (1ULL << (n % 64))))
			continue;
		if (n >= nr_cpu_ids || n == 0)
			return warden_refuse(message, -EINVAL, "cell '%s': CPU %u %s", name,
					     n, n ? "does not exist" : "stays with root Linux");
		cpumask_set_cpu(n, cpus);
	}
	if (cpumask_empty(cpus))
		return warden_refuse(message, -EINVAL, "cell '%s' has no CPU", name);
	return 0;
}

/*
 * A cell's memory must be memory Linux does not use (reserved, as with
 * memmap=): the system config lets cells take any RAM of the root cell, and
 * RAM that left root's nested tables while Linux still has pages there ends
 * in a fault that stops root's CPU. The comm region is the hypervisor's page.
 */
static int config_memory(const struct warden_cell_config *config, u32 size, const char *name,
			 struct warden_message *message)
{
	const struct warden_config_table *table = &config->memory_regions;
	const struct warden_memory_region *regions = config_table(config, size, table,
								  sizeof(*regions));
	unsigned int n;

	if (!regions)
		return warden_refuse(message, -EINVAL, "cell '%s': memory_regions table outside "
				     "the config", name);
	for (n = 0; n < table->count; n++) {
		if (regions[n].flags & WARDEN_MEM_COMM_REGION || !regions[n].size)
			continue;
		if (region_intersects(regions[n].phys_start, regions[n].size,
				      IORESOURCE_SYSTEM_RAM, IORES_DESC_NONE) != REGION_DISJOINT)
			return warden_refuse(message, -EBUSY, "cell '%s': memory region %u "
					     "(0x%llx, size 0x%llx) is RAM Linux uses: reserve it "
					     "first (memmap= on the kernel command line)", name, n,
					     regions[n].phys_start, regions[n].size);
	}
	return 0;
}

/* The cell's CPUs belong to Linux again; those in online come back online. */
static void give_back_cpus(const struct cpumask *cpus, const struct cpumask *online)
{
	unsigned int cpu;

	cpumask_andnot(&warden_cell_cpus, &warden_cell_cpus, cpus);
	for_each_cpu_and(cpu, cpus, online)
		if (add_cpu(cpu))
			pr_err("warden: CPU %u did not come back online\n", cpu);
}

/*
 * Linux lets go of the cell's CPUs, all or none; offlined gets those it took
 * offline here (the ones to bring back if the hypervisor refuses).
 */
static int take_cpus(const char *name, const struct cpumask *cpus, struct cpumask *offlined,
		     struct warden_message *message)
{
	unsigned int cpu;
	int error;

	cpumask_clear(offlined);
	for_each_cpu(cpu, cpus)
		if (cpumask_test_cpu(cpu, &warden_cell_cpus))
			return warden_refuse(message, -EBUSY, "cell '%s': CPU %u belongs to "
					     "another cell", name, cpu);
	for_each_cpu(cpu, cpus) {
		if (!cpu_online(cpu))
			continue;
		error = remove_cpu(cpu);
		if (error) {
			give_back_cpus(offlined, offlined);
			return warden_refuse(message, error, "cell '%s': Linux cannot give up CPU "
					     "%u (error %d)", name, cpu, error);
		}
		cpumask_set_cpu(cpu, offlined);
	}
	cpumask_or(&warden_cell_cpus, &warden_cell_cpus, cpus);
	return 0;
}

static const char *state_name(long state)
{
	switch (state) {
	case WARDEN_CELL_RUNNING:
		return "running";
	case WARDEN_CELL_RUNNING_LOCKED:
		return "running/locked";
	case WARDEN_CELL_SHUT_DOWN:
		return "shut down";
	default:
		return "failed";
	}
}

/* The cell's CPUs that faulted (the hypervisor parked them), with warden_lock held. */
static void failed_cpus(const struct warden_cell *cell, struct cpumask *failed)
{
	unsigned int cpu;

	cpumask_clear(failed);
	for_each_cpu(cpu, &cell->cpus)
		if (warden_hypercall(WARDEN_HC_CPU_GET_INFO, cpu, WARDEN_CPU_INFO_STATE) ==
		    WARDEN_CPU_FAILED)
			cpumask_set_cpu(cpu, failed);
}

static ssize_t cell_show(struct kobject *kobject, struct kobj_attribute *attribute, char *buffer)
{
	struct warden_cell *cell = container_of(kobject, struct warden_cell, kobject);
	static struct cpumask failed;	/* large with NR_CPUS; warden_lock guards it */
	ssize_t length;
	long state;

	if (!strcmp(attribute->attr.name, "name"))
		return sysfs_emit(buffer, "%s\n", cell->name);
	if (!strcmp(attribute->attr.name, "cpus"))
		return sysfs_emit(buffer, "%*pbl\n", cpumask_pr_args(&cell->cpus));
	mutex_lock(&warden_lock);
	if (!warden_enabled) {
		length = -ENODEV;
	} else if (!strcmp(attribute->attr.name, "failed_cpus")) {
		failed_cpus(cell, &failed);
		length = sysfs_emit(buffer, "%*pbl\n", cpumask_pr_args(&failed));
	} else {
		state = warden_hypercall(WARDEN_HC_CELL_GET_STATE, cell->id, 0);
		length = state < 0 ? state : sysfs_emit(buffer, "%s\n", state_name(state));
	}
	mutex_unlock(&warden_lock);
	return length;
}

/* Why the cell failed: "none", or "<reason> [(<address name> <hex>)] at RIP <hex> on CPU <n>". */
static ssize_t failure_show(struct kobject *kobject, struct kobj_attribute *attribute,
			    char *buffer)
{
	struct warden_cell *cell = container_of(kobject, struct warden_cell, kobject);
	long field[4];
	const char *address_name;
	unsigned int n;
	ssize_t length;

	mutex_lock(&warden_lock);
	for (n = 0; n < ARRAY_SIZE(field); n++)
		field[n] = warden_enabled ? warden_hypercall(WARDEN_HC_CELL_GET_FAILURE, cell->id,
							     n) : -ENODEV;
	mutex_unlock(&warden_lock);
	if (field[WARDEN_FAILURE_FIELD_REASON] < 0)
		return field[WARDEN_FAILURE_FIELD_REASON];
	if (field[WARDEN_FAILURE_FIELD_REASON] == WARDEN_FAILURE_NONE)
		return sysfs_emit(buffer, "none\n");
	length = sysfs_emit(buffer, "%s", failure_reason_text(field[WARDEN_FAILURE_FIELD_REASON]));
	address_name = failure_address_name(field[WARDEN_FAILURE_FIELD_REASON]);
	if (address_name)
		length += sysfs_emit_at(buffer, length, " (%s %lx)", address_name,
					field[WARDEN_FAILURE_FIELD_ADDRESS]);
	return length + sysfs_emit_at(buffer, length, " at RIP %lx on CPU %ld\n",
				      field[WARDEN_FAILURE_FIELD_RIP],
				      field[WARDEN_FAILURE_FIELD_CPU]);
}

static struct kobj_attribute cell_name = __ATTR(name, 0444, cell_show, NULL);
static struct kobj_attribute cell_state = __ATTR(state, 0444, cell_show, NULL);
static struct kobj_attribute cell_cpus = __ATTR(cpus, 0444, cell_show, NULL);
static struct kobj_attribute cell_failed_cpus = __ATTR(failed_cpus, 0444, cell_show, NULL);
static struct kobj_attribute cell_failure = __ATTR(failure, 0444, failure_show, NULL);
static struct attribute *cell_attrs[] = {
	&cell_name.attr, &cell_state.attr, &cell_cpus.attr, &cell_failed_cpus.attr,
	&cell_failure.attr, NULL,
};
ATTRIBUTE_GROUPS(cell);

static void cell_release(struct kobject *kobject)
{
}

static struct kobj_type cell_type = {
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = cell_groups,
	.release = cell_release,
};

static int add_cell(unsigned int id, const char *name, const struct cpumask *cpus,
		    const struct warden_cell_config *config, u32 size)
{
	struct warden_cell *cell = &cells[id];

	memset(cell, 0, sizeof(*cell));
	cell->config = kmemdup(config, size, GFP_KERNEL);
	if (!cell->config)
		return -ENOMEM;
	cell->config_size = size;
	cell->id = id;
	strscpy(cell->name, name, sizeof(cell->name));
	cpumask_copy(&cell->cpus, cpus);
	if (kobject_init_and_add(&cell->kobject, &cell_type, cells_kobject, "%u", id)) {
		kobject_put(&cell->kobject);
		kfree(cell->config);
		return -ENOMEM;
	}
	cell->present = true;
	return 0;
}

/* The name of a cell other than except that holds the configuration lock, or NULL. */
static const char *lock_holder(const struct warden_cell *except)
{
	unsigned int id;

	for (id = 0; id < MAX_CELLS; id++)
		if (cells[id].present && &cells[id] != except &&
		    warden_hypercall(WARDEN_HC_CELL_GET_STATE, id, 0) == WARDEN_CELL_RUNNING_LOCKED)
			return cells[id].name;
	return NULL;
}

/*
 * -EPERM from the hypervisor for create, destroy or shutdown: another
 * cell's configuration lock, or the cell's own answer to the shutdown
 * request (the hypervisor's console line says the same).
 */
static long refuse_denied(struct warden_message *message, const char *name,
			  const struct warden_cell *cell, const char *what)
{
	const char *holder = lock_holder(cell);

	if (holder && strcmp(what, "shut down"))
		return warden_refuse(message, -EPERM, "cell '%s' cannot be %s: cell '%s' holds "
				     "the configuration lock (it is running/locked)", name, what,
				     holder);
	return warden_refuse(message, -EPERM, "cell '%s' cannot be %s: it denied the "
			     "hypervisor's shutdown request and keeps running", name, what);
}

long warden_cell_create(const void __user *user_config, u32 size, struct warden_message *message)
{
	/* Large with NR_CPUS, so not on the stack; warden_lock serialises callers. */
	static struct cpumask cpus, offlined;
	struct warden_cell_config *config;
	char name[WARDEN_CELL_NAME_SIZE];
	long result;

	if (!warden_enabled)
		return warden_refuse(message, -EINVAL, "the hypervisor is not enabled: "
				     "run `warden enable` first");
	if (size < sizeof(*config) || size > MAX_CELL_CONFIG_SIZE)
		return warden_refuse(message, -EINVAL, "cell config: size %u is not between %zu "
				     "and %lu bytes", size, sizeof(*config), MAX_CELL_CONFIG_SIZE);
	config = kmalloc(size, GFP_KERNEL);	/* one physically contiguous block */
	if (!config)
		return warden_refuse(message, -ENOMEM, "cell config: no memory for %u bytes", size);
	result = -EFAULT;
	if (copy_from_user(config, user_config, size)) {
		warden_refuse(message, result, "cell config: cannot copy %u bytes", size);
		goto out;
	}
	strscpy(name, config->name, sizeof(name));	/* the config's may lack its NUL */
	if (config->header.total_size != size) {
		result = warden_refuse(message, -EINVAL, "cell '%s': its header says %u bytes, "
				       "%u were given", name, config->header.total_size, size);
		goto out;
	}
	result = config_cpus(config, size, name, &cpus, message);
	if (!result)
		result = config_memory(config, size, name, message);
	if (!result)
		result = take_cpus(name, &cpus, &offlined, message);
	if (result)
		goto out;
	result = warden_hypercall(WARDEN_HC_CELL_CREATE, virt_to_phys(config), 0);
	if (result <= 0 || result >= MAX_CELLS || add_cell(result, name, &cpus, config, size)) {
		if (result > 0)
			warden_hypercall(WARDEN_HC_CELL_DESTROY, result, 0);
		give_back_cpus(&cpus, &offlined);
		if (result == -EPERM) {
			refuse_denied(message, name, NULL, "created");
			goto out;
		}
		result = warden_refuse(message, result < 0 ? result : -ENOMEM,
				       "the hypervisor refused cell '%s' (error %ld): its reason is "
				       "on the hypervisor console (`warden console`)", name, result);
		goto out;
	}
	pr_info("warden: cell '%s' created (id %ld)\n", name, result);
out:
	kfree(config);
	return result;
}

long warden_cell_destroy(u32 id, struct warden_message *message)
{
	struct warden_cell *cell = id < MAX_CELLS ? &cells[id] : NULL;
	long result;

	if (!warden_enabled || !cell || !cell->present)
		return warden_refuse(message, -ENOENT, "there is no cell with id %u", id);
	result = warden_hypercall(WARDEN_HC_CELL_DESTROY, id, 0);
	if (result == -EPERM)
		return refuse_denied(message, cell->name, cell, "destroyed");
	if (result)
		return warden_refuse(message, result, "the hypervisor refused to destroy cell '%s' "
				     "(error %ld)", cell->name, result);
	cell->present = false;
	kobject_put(&cell->kobject);
	kfree(cell->config);
	give_back_cpus(&cell->cpus, &cell->cpus);
	pr_info("warden: cell '%s' destroyed\n", cell->name);
	return 0;
}

static struct warden_cell *present_cell(u32 id, struct warden_message *message, long *error)
{
	struct warden_cell *cell = id < MAX_CELLS ? &cells[id] : NULL;

	*error = 0;
	if (warden_enabled && cell && cell->present)
		return cell;
	*error = warden_refuse(message, -ENOENT, "there is no cell with id %u", id);
	return NULL;
}

/* The host-physical address of [address, address + size) in one loadable region, or 0. */
static u64 loadable_phys(const struct warden_cell *cell, u64 address, u32 size)
{
	const struct warden_config_table *table = &cell->config->memory_regions;
	const struct warden_memory_region *region = config_table(cell->config, cell->config_size,
								 table, sizeof(*region));
	u32 n;

	if (!region)
		return 0;
	for (n = 0; n < table->count; n++, region++)
		if ((region->flags & WARDEN_MEM_LOADABLE) && address >= region->virt_start &&
		    size <= region->size && address - region->virt_start <= region->size - size)
			return region->phys_start + (address - region->virt_start);
	return 0;
}

long warden_cell_load(u32 id, const void __user *image, u32 size, u64 address,
		      struct warden_message *message)
{
	struct warden_cell *cell;
	long error;
	u64 phys;
	void *target;

	cell = present_cell(id, message, &error);
	if (!cell)
		return error;
	phys = size ? loadable_phys(cell, address, size) : 0;
	if (!phys)
		return warden_refuse(message, -EINVAL, "cell '%s': %u bytes at %#llx do not fit "
				     "in one loadable memory region", cell->name, size, address);
	error = warden_hypercall(WARDEN_HC_CELL_SET_LOADABLE, id, 0);
	if (error == -EBUSY)
		return warden_refuse(message, error, "cell '%s' cannot be loaded now: it runs; "
				     "shut it down first (`warden cell shutdown`)", cell->name);
	if (error)
		return warden_refuse(message, error, "cell '%s': the hypervisor cannot give root "
				     "its loadable memory (error %ld)", cell->name, error);
	target = memremap(phys, size, MEMREMAP_WB);
	if (!target)
		return warden_refuse(message, -ENOMEM, "cell '%s': cannot map %#llx+%#x", cell->name,
				     phys, size);
	error = copy_from_user(target, image, size) ? -EFAULT : 0;
	memunmap(target);
	if (error)
		return warden_refuse(message, error, "cell '%s': cannot copy the image", cell->name);
	return 0;
}

/* start or shutdown: one hypercall about a present cell. */
static long cell_call(u32 id, unsigned long code, const char *verb, const char *done,
		      struct warden_message *message)
{
	struct warden_cell *cell;
	long error;

	cell = present_cell(id, message, &error);
	if (!cell)
		return error;
	error = warden_hypercall(code, id, 0);
	if (error == -EPERM && code == WARDEN_HC_CELL_SHUTDOWN)
		return refuse_denied(message, cell->name, cell, "shut down");
	if (error)
		return warden_refuse(message, error, "the hypervisor refused to %s cell '%s' "
				     "(error %ld)", verb, cell->name, error);
	pr_info("warden: cell '%s' %s\n", cell->name, done);
	return 0;
}

long warden_cell_start(u32 id, struct warden_message *message)
{
	return cell_call(id, WARDEN_HC_CELL_START, "start", "started", message);
}

/* The cell stops (asked first unless its comm region is passive); its CPUs stay parked. */
long warden_cell_shutdown(u32 id, struct warden_message *message)
{
	return cell_call(id, WARDEN_HC_CELL_SHUTDOWN, "shut down", "shut down", message);
}

bool warden_cells_exist(void)
{
	unsigned int id;

	for (id = 0; id < MAX_CELLS; id++)
		if (cells[id].present)
			return true;
	return false;
}

int warden_cells_init(struct kobject *parent)
{
	cells_kobject = kobject_create_and_add("cells", parent);
	return cells_kobject ? 0 : -ENOMEM;
}

void warden_cells_exit(void)
{
	kobject_put(cells_kobject);
}
