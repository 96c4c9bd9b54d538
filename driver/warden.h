/* SPDX-License-Identifier: GPL-2.0-only */
/* Internal interface of the Warden driver's files. */
#ifndef WARDEN_DRIVER_H
#define WARDEN_DRIVER_H

#include <linux/device.h>
#include <linux/mutex.h>
#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/types.h>
#include <warden/driver_ioctl.h>

extern struct mutex warden_lock;
extern bool warden_enabled;
extern struct device *warden_device;

/* A refusal: message for the caller (and the kernel log), errno to return. */
struct warden_message {
	char text[WARDEN_MESSAGE_SIZE];
};

__printf(3, 4) int warden_refuse(struct warden_message *message, int error,
				  const char *fmt, ...);

/* enable.c, called with warden_lock held */
int warden_enable(const void __user *config, u32 config_size, struct warden_message *message);
int warden_disable(struct warden_message *message);
long warden_hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);
/* Copies console bytes from position *position; returns bytes or -errno. */
ssize_t warden_console_read(char *buffer, size_t size, u64 *position);
void warden_enable_exit(void);

/* host_tables.c */
#define WARDEN_DRIVER_MAX_CPUS	64
struct warden_host_tables {
	void *memory;		/* the hypervisor memory, mapped */
	u64 memory_phys;
	u64 memory_size;
	u64 tables_start;	/* offset of the first table page */
	u64 next_free;		/* offset of the next free page */
	u64 root;		/* physical address of the set being built */
	u64 cpu_roots[WARDEN_DRIVER_MAX_CPUS];	/* each online CPU's top-level table */
	unsigned int levels;
};
struct warden_system_config;
struct warden_hypervisor_header;
int warden_build_host_tables(struct warden_host_tables *tables, unsigned long trampoline,
			     const struct warden_hypervisor_header *header,
			     const struct warden_system_config *system, u32 config_size,
			     struct warden_message *message);

/* test_hooks.c: test-only parameters, off by default; enable.c's hook for them */
int warden_disable_one_cpu(unsigned int cpu);
extern unsigned long warden_test_nmi_window_spin;
void warden_test_hooks_init(void);

/* cells.c, called with warden_lock held */
long warden_cell_create(const void __user *config, u32 size, struct warden_message *message);
long warden_cell_destroy(u32 id, struct warden_message *message);
long warden_cell_load(u32 id, const void __user *image, u32 size, u64 address,
		      struct warden_message *message);
long warden_cell_start(u32 id, struct warden_message *message);
long warden_cell_shutdown(u32 id, struct warden_message *message);
bool warden_cells_exist(void);
extern struct cpumask warden_cell_cpus;
int warden_cells_init(struct kobject *parent);
void warden_cells_exit(void);

/* sysfs.c */
int warden_sysfs_init(void);
void warden_sysfs_exit(void);

#endif /* WARDEN_DRIVER_H */
