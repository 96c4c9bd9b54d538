// SPDX-License-Identifier: GPL-2.0-only
/* The image header: the first bytes of warden-hypervisor.bin (hypervisor.lds). */
#include <hv/control.h>
#include <hv/printk.h>
#include <hv/string.h>

extern u8 __image_file_end[], __image_core_end[];
extern struct per_cpu per_cpu_areas[MAX_CPUS];
extern struct warden_linux_cpu linux_cpus[MAX_CPUS];
extern u8 console_ring_pages[];

void arch_entry(void);

struct warden_hypervisor_header hypervisor_header
	__attribute__((section(".header"), used)) = {
	.magic = WARDEN_HV_MAGIC,
	.revision = WARDEN_HV_REVISION,
	.max_cpus = MAX_CPUS,
	.link_address = WARDEN_HV_LINK_ADDRESS,
	.entry = (u64)(unsigned long)arch_entry,
	.file_size = (u64)(unsigned long)__image_file_end - WARDEN_HV_LINK_ADDRESS,
	.core_size = (u64)(unsigned long)__image_core_end - WARDEN_HV_LINK_ADDRESS,
	.percpu_base = (u64)(unsigned long)per_cpu_areas,
	.percpu_size = sizeof(struct per_cpu),
	.percpu_stack_top = offsetof(struct per_cpu, stack) + STACK_SIZE,
	.percpu_stack_guard = offsetof(struct per_cpu, stack_guard),
	.linux_cpus = (u64)(unsigned long)linux_cpus,
	.console_ring = (u64)(unsigned long)console_ring_pages,
	.console_ring_size = CONSOLE_RING_PAGES * 4096,
};
