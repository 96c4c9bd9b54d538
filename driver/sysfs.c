// SPDX-License-Identifier: GPL-2.0-only
/*
 * /sys/devices/warden: enabled, mem_pool_size, mem_pool_used (pages),
 * nested_paging_levels, and
 * cpus/<n>/{state,vmexits_<reason>} read from the hypervisor by hypercall
 * while it is enabled.
 */
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <warden/hypercall.h>
#include "warden.h"

static struct device *root;
static struct kobject *cpus_kobject;
static struct kobject **cpu_kobjects;

/* A hypercall result for sysfs: a value, or -ENODEV when not enabled. */
static long query(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	long value = -ENODEV;

	mutex_lock(&warden_lock);
	if (warden_enabled)
		value = warden_hypercall(code, arg1, arg2);
	mutex_unlock(&warden_lock);
	return value;
}

static ssize_t show_value(char *buffer, long value)
{
	return value < 0 ? value : sysfs_emit(buffer, "%ld\n", value);
}

static ssize_t enabled_show(struct device *dev, struct device_attribute *attr, char *buffer)
{
	return sysfs_emit(buffer, "%d\n", warden_enabled);
}

static ssize_t mem_pool_size_show(struct device *dev, struct device_attribute *attr,
				  char *buffer)
{
	return show_value(buffer, query(WARDEN_HC_HYPERVISOR_GET_INFO,
					WARDEN_INFO_MEM_POOL_SIZE, 0));
}

static ssize_t mem_pool_used_show(struct device *dev, struct device_attribute *attr,
				  char *buffer)
{
	return show_value(buffer, query(WARDEN_HC_HYPERVISOR_GET_INFO,
					WARDEN_INFO_MEM_POOL_USED, 0));
}

static ssize_t nested_paging_levels_show(struct device *dev, struct device_attribute *attr,
					 char *buffer)
{
	return show_value(buffer, query(WARDEN_HC_HYPERVISOR_GET_INFO,
					WARDEN_INFO_NESTED_PAGING_LEVELS, 0));
}

static DEVICE_ATTR_RO(enabled);
static DEVICE_ATTR_RO(nested_paging_levels);
static DEVICE_ATTR_RO(mem_pool_size);
static DEVICE_ATTR_RO(mem_pool_used);

static struct attribute *root_attributes[] = {
	&dev_attr_enabled.attr,
	&dev_attr_mem_pool_size.attr,
	&dev_attr_mem_pool_used.attr,
	&dev_attr_nested_paging_levels.attr,
	NULL,
};

static const struct attribute_group root_group = { .attrs = root_attributes };

/* Per CPU: the file name gives the counter (order of WARDEN_EXIT_*). */
static const char *const exit_files[WARDEN_EXIT_COUNT] = {
	"vmexits_total", "vmexits_cpuid", "vmexits_hypercall", "vmexits_msr",
	"vmexits_pio", "vmexits_mmio", "vmexits_xapic", "vmexits_ipi",
	"vmexits_init_sipi", "vmexits_other", "vmexits_exception",
	"vmexits_nmi", "vmexits_ioapic",
};

static ssize_t cpu_show(struct kobject *kobject, struct kobj_attribute *attr, char *buffer)
{
	unsigned long cpu;
	unsigned int n;

	if (kstrtoul(kobject->name, 10, &cpu))
		return -EINVAL;
	if (!strcmp(attr->attr.name, "state"))
		return show_value(buffer, query(WARDEN_HC_CPU_GET_INFO, cpu,
						WARDEN_CPU_INFO_STATE));
	for (n = 0; n < WARDEN_EXIT_COUNT; n++)
		if (!strcmp(attr->attr.name, exit_files[n]))
			return show_value(buffer, query(WARDEN_HC_CPU_GET_INFO, cpu,
							WARDEN_CPU_INFO_EXITS_BASE + n));
	return -EINVAL;
}

static struct kobj_attribute cpu_attributes[WARDEN_EXIT_COUNT + 1];
static struct attribute *cpu_attribute_list[WARDEN_EXIT_COUNT + 2];
static const struct attribute_group cpu_group = { .attrs = cpu_attribute_list };

static int add_cpus(void)
{
	char name[16];
	unsigned int cpu, n;

	for (n = 0; n <= WARDEN_EXIT_COUNT; n++) {
		cpu_attributes[n].attr.name = n < WARDEN_EXIT_COUNT ? exit_files[n] : "state";
		cpu_attributes[n].attr.mode = 0444;
		cpu_attributes[n].show = cpu_show;
		cpu_attribute_list[n] = &cpu_attributes[n].attr;
	}
	cpus_kobject = kobject_create_and_add("cpus", &root->kobj);
	cpu_kobjects = kcalloc(nr_cpu_ids, sizeof(*cpu_kobjects), GFP_KERNEL);
	if (!cpus_kobject || !cpu_kobjects)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		snprintf(name, sizeof(name), "%u", cpu);
		cpu_kobjects[cpu] = kobject_create_and_add(name, cpus_kobject);
		if (!cpu_kobjects[cpu] || sysfs_create_group(cpu_kobjects[cpu], &cpu_group))
			return -ENOMEM;
	}
	return 0;
}

void warden_sysfs_exit(void)
{
	unsigned int cpu;

	if (cpu_kobjects)
		for_each_possible_cpu(cpu)
			kobject_put(cpu_kobjects[cpu]);
	kfree(cpu_kobjects);
	cpu_kobjects = NULL;
	kobject_put(cpus_kobject);
	warden_cells_exit();
	if (root) {
		sysfs_remove_group(&root->kobj, &root_group);
		root_device_unregister(root);
	}
	root = NULL;
}

int warden_sysfs_init(void)
{
	int error;

	root = root_device_register("warden");
	if (IS_ERR(root)) {
		error = PTR_ERR(root);
		root = NULL;
		return error;
	}
	error = sysfs_create_group(&root->kobj, &root_group);
	if (!error)
		error = add_cpus();
	if (!error)
		error = warden_cells_init(&root->kobj);
	if (error)
		warden_sysfs_exit();
	return error;
}
