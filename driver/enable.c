// SPDX-License-Identifier: GPL-2.0-only
/*
 * Enabling and disabling the hypervisor: check the system config and the
 * reserved memory, load the image with request_firmware, lay out image,
 * config and page tables in the hypervisor memory, and enter on every
 * online CPU at once through the trampoline. Disabling asks each CPU's
 * hypervisor to hand the CPU back.
 */
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/tsc.h>
#include <asm/special_insns.h>
#include <warden/config.h>
#include <warden/hypercall.h>
#include <warden/hypervisor_image.h>
#include "warden.h"

#define FIRMWARE_NAME		"warden-hypervisor.bin"
#define MAX_CONFIG_SIZE		(1024 * 1024)
#define CONSOLE_COPY_SIZE	(64 * 1024)
#define MIN_TABLE_PAGES		8	/* the host tables' top levels; more are checked as built */

#define MSR_VM_CR		0xc0010114
#define VM_CR_SVMDIS		(1ULL << 4)	/* AMD APM vol. 2, 15.30.1 */
#define CPUID_EXT1_ECX_SVM	(1U << 2)

int warden_trampoline(u64 entry, u64 cpu, u64 hypervisor_cr3, u64 stack_top, u64 test_spin);
void warden_trampoline_leave(void);

static struct {
	void *memory;			/* mapped hypervisor memory while enabled */
	u64 phys, size;
	struct resource *region;
	struct warden_hypervisor_header *header;
	/* The only hypervisor memory Linux may read while enabled (read-only). */
	const struct warden_console_ring *console;
	struct warden_host_tables tables;
	int results[NR_CPUS];
	u64 efer[NR_CPUS], vm_cr[NR_CPUS];
	bool svm[NR_CPUS];
	struct cpumask entered;		/* the CPUs under the hypervisor */
	int hotplug_state;		/* the cpuhp state of warden_cpu_prepare */
} hv;

/* The last console contents, kept when the hypervisor memory is released. */
static char *console_copy;
static u64 console_copy_head;

static void *hv_pointer(u64 hypervisor_virtual)
{
	return hv.memory + (hypervisor_virtual - WARDEN_HV_LINK_ADDRESS);
}

static const struct warden_system_config *copy_config(const void __user *config, u32 size,
						       struct warden_message *message)
{
	struct warden_system_config *system;

	if (size < sizeof(*system) || size > MAX_CONFIG_SIZE)
		return ERR_PTR(warden_refuse(message, -EINVAL,
					     "system config: size %u is not between %zu and %u bytes",
					     size, sizeof(*system), MAX_CONFIG_SIZE));
	system = vmemdup_user(config, size);
	if (IS_ERR(system))
		return ERR_PTR(warden_refuse(message, PTR_ERR(system),
					     "system config: cannot copy %u bytes", size));
	if (memcmp(system->header.magic, WARDEN_SYSTEM_MAGIC, sizeof(WARDEN_SYSTEM_MAGIC)) ||
	    system->header.total_size != size) {
		warden_refuse(message, -EINVAL, "system config: not a Warden system config "
			      "(magic or total_size %u of %u bytes wrong)",
			      system->header.total_size, size);
		kvfree(system);
		return ERR_PTR(-EINVAL);
	}
	return system;
}

/* The memmap= reservation is what keeps Linux off the hypervisor memory. */
static int claim_memory(const struct warden_system_config *system, struct warden_message *message)
{
	hv.phys = system->hypervisor_memory.phys_start;
	hv.size = system->hypervisor_memory.size;
	if (!hv.size || (hv.phys | hv.size) & (PAGE_SIZE - 1))
		return warden_refuse(message, -EINVAL,
				     "system config: hypervisor_memory %llx+%llx is not page-aligned",
				     hv.phys, hv.size);
	hv.region = request_mem_region(hv.phys, hv.size, "Warden hypervisor");
	if (!hv.region)
		return warden_refuse(message, -EBUSY,
			"hypervisor memory %#llx-%#llx is not reserved (in use by Linux or a driver): "
			"boot with memmap=%lluM$%#llx", hv.phys, hv.phys + hv.size - 1,
			hv.size >> 20, hv.phys);
	hv.memory = memremap(hv.phys, hv.size, MEMREMAP_WB);
	if (!hv.memory) {
		release_mem_region(hv.phys, hv.size);
		return warden_refuse(message, -ENOMEM, "cannot map the hypervisor memory %#llx+%#llx",
				     hv.phys, hv.size);
	}
	return 0;
}

static void release_memory(void)
{
	memunmap(hv.memory);
	release_mem_region(hv.phys, hv.size);
	hv.memory = NULL;
	hv.header = NULL;
}

static int load_image(struct warden_message *message)
{
	const struct warden_hypervisor_header *image;
	const struct firmware *firmware;
	int error;

	error = request_firmware(&firmware, FIRMWARE_NAME, warden_device);
	if (error)
		return warden_refuse(message, error,
				     "cannot load /lib/firmware/%s (error %d)", FIRMWARE_NAME, error);
	image = (const void *)firmware->data;
	error = -EINVAL;
	if (firmware->size < sizeof(*image) ||
	    memcmp(image->magic, WARDEN_HV_MAGIC, sizeof(WARDEN_HV_MAGIC)) ||
	    image->revision != WARDEN_HV_REVISION)
		warden_refuse(message, error, "%s is not a Warden hypervisor image of revision %u",
			      FIRMWARE_NAME, WARDEN_HV_REVISION);
	else if (image->core_size > hv.size / 2 || firmware->size > image->core_size)
		warden_refuse(message, error, "%s: image of %llu bytes does not fit the "
			      "hypervisor memory (%llu bytes)", FIRMWARE_NAME, image->core_size,
			      hv.size);
	else if (image->link_address != WARDEN_HV_LINK_ADDRESS)
		warden_refuse(message, error, "%s: linked at %llx, not at %llx", FIRMWARE_NAME,
			      image->link_address, WARDEN_HV_LINK_ADDRESS);
	else
		error = 0;
	if (!error) {
		memset(hv.memory, 0, image->core_size);
		memcpy(hv.memory, firmware->data, firmware->size);
		hv.header = hv.memory;
	}
	release_firmware(firmware);
	return error;
}

static int lay_out(const struct warden_system_config *system, u32 config_size,
		   struct warden_message *message)
{
	struct warden_hypervisor_header *header = hv.header;
	u64 config_offset = PAGE_ALIGN(header->core_size);
	int error;

	if (num_online_cpus() > header->max_cpus || nr_cpu_ids > header->max_cpus)
		return warden_refuse(message, -E2BIG, "%u CPUs (ids up to %u): the hypervisor "
				     "supports %u", num_online_cpus(), nr_cpu_ids, header->max_cpus);
	/* Image, config and at least the page tables' top pages must fit before anything is copied. */
	if (config_offset + PAGE_ALIGN(config_size) + MIN_TABLE_PAGES * PAGE_SIZE > hv.size)
		return warden_refuse(message, -E2BIG, "system config: %u bytes do not fit the "
				     "hypervisor memory (%llu bytes, the image takes %llu): make "
				     "hypervisor_memory larger", config_size, hv.size, config_offset);
	memcpy(hv.memory + config_offset, system, config_size);
	hv.tables = (struct warden_host_tables){
		.memory = hv.memory, .memory_phys = hv.phys, .memory_size = hv.size,
		.next_free = PAGE_ALIGN(config_offset + config_size),
	};
	error = warden_build_host_tables(&hv.tables, (unsigned long)warden_trampoline, header,
					 system, config_size, message);
	if (error)
		return error;
	if (((unsigned long)warden_trampoline ^ (unsigned long)warden_trampoline_leave) & PAGE_MASK)
		return warden_refuse(message, -EFAULT, "trampoline routines span two pages");
	header->memory_phys = hv.phys;
	header->memory_size = hv.size;
	header->config = WARDEN_HV_LINK_ADDRESS + config_offset;
	header->config_size = config_size;
	header->pool_start = WARDEN_HV_LINK_ADDRESS + hv.tables.next_free;
	header->host_cr3 = hv.tables.cpu_roots[cpumask_first(cpu_online_mask)];
	header->trampoline_leave = (unsigned long)warden_trampoline_leave;
	header->online_cpus = num_online_cpus();
	header->tsc_khz = tsc_khz;
	header->paging_levels = hv.tables.levels;
	hv.console = hv_pointer(header->console_ring);
	return 0;
}

static u16 segment_attributes(const struct desc_ptr *gdt, u16 selector)
{
	const struct desc_struct *d;

	if (!(selector & ~3) || (selector & 4))
		return 0;			/* null or LDT selector */
	d = (const struct desc_struct *)gdt->address + (selector >> 3);
	/* SVM packs type, S, DPL, P, AVL, L, D/B, G into 12 bits (AMD APM vol. 2, 15.5.1). */
	return d->type | d->s << 4 | d->dpl << 5 | d->p << 7 | d->avl << 8 | d->l << 9 |
	       d->d << 10 | d->g << 11;
}

static void record_linux_state(struct warden_linux_cpu *state)
{
	struct desc_ptr gdt, idt;

	native_store_gdt(&gdt);
	store_idt(&idt);
	state->cr3 = __read_cr3();
	state->gdtr_base = gdt.address;
	state->gdtr_limit = gdt.size;
	state->idtr_base = idt.address;
	state->idtr_limit = idt.size;
	savesegment(cs, state->cs);
	savesegment(ss, state->ss);
	savesegment(ds, state->ds);
	savesegment(es, state->es);
	state->cs_attributes = segment_attributes(&gdt, state->cs);
	state->ss_attributes = segment_attributes(&gdt, state->ss);
	state->ds_attributes = segment_attributes(&gdt, state->ds);
	state->es_attributes = segment_attributes(&gdt, state->es);
}

static void record_cpu(void *unused)
{
	struct warden_linux_cpu *states = hv_pointer(hv.header->linux_cpus);
	unsigned int cpu = smp_processor_id();

	record_linux_state(&states[cpu]);
	hv.svm[cpu] = cpuid_ecx(0x80000001) & CPUID_EXT1_ECX_SVM;
	rdmsrl(MSR_EFER, hv.efer[cpu]);
	if (!hv.svm[cpu] || rdmsrl_safe(MSR_VM_CR, &hv.vm_cr[cpu]))
		hv.vm_cr[cpu] = VM_CR_SVMDIS;
}

/*
 * The trampoline sets EFER.SVME and runs CLGI before anything else: refuse
 * here, with a reason, where that would fault or take SVM from its owner.
 */
static int check_cpus_can_enter(struct warden_message *message)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		/*
		 * CPUID itself, not boot_cpu_has(): a CPU Linux brought up under
		 * the hypervisor saw SVM hidden, and Linux then cleared the flag
		 * for the boot CPU too.
		 */
		if (!hv.svm[cpu])
			return warden_refuse(message, -ENODEV, "CPU %u has no AMD SVM (CPUID "
					     "8000_0001 ECX bit 2): not supported yet", cpu);
		if (hv.vm_cr[cpu] & VM_CR_SVMDIS)
			return warden_refuse(message, -EPERM, "CPU %u: SVM is disabled by the "
					     "firmware (VM_CR.SVMDIS)", cpu);
		if (hv.efer[cpu] & EFER_SVME)
			return warden_refuse(message, -EBUSY, "CPU %u: EFER.SVME is already set: "
					     "another hypervisor (kvm_amd with a guest?) uses SVM",
					     cpu);
	}
	return 0;
}

/* Runs on every online CPU at once, interrupts off. */
static void enter_cpu(void *unused)
{
	const struct warden_hypervisor_header *header = hv.header;
	unsigned int cpu = smp_processor_id();
	struct warden_linux_cpu *states = hv_pointer(header->linux_cpus);
	u64 stack_top = header->percpu_base + cpu * header->percpu_size +
			header->percpu_stack_top;

	record_linux_state(&states[cpu]);
	hv.results[cpu] = warden_trampoline(header->entry, cpu, hv.tables.cpu_roots[cpu], stack_top,
					    warden_test_nmi_window_spin);
}

static void keep_console(void)
{
	const struct warden_console_ring *ring = hv.console;
	u64 head = READ_ONCE(ring->head), n, start;

	if (!console_copy)
		return;
	start = head > ring->size ? head - ring->size : 0;
	if (head - start > CONSOLE_COPY_SIZE)
		start = head - CONSOLE_COPY_SIZE;
	for (n = start; n < head; n++)
		console_copy[n % CONSOLE_COPY_SIZE] = ring->data[n % ring->size];
	console_copy_head = head;
}

static int enter_all_cpus(struct warden_message *message)
{
	unsigned int cpu;
	int error = 0;

	on_each_cpu(record_cpu, NULL, 1);
	error = check_cpus_can_enter(message);
	if (error)
		return error;
	on_each_cpu(enter_cpu, NULL, 1);
	for_each_online_cpu(cpu)
		if (hv.results[cpu] && !error)
			error = hv.results[cpu];
	if (error == -EBUSY && !hv.header->error[0])
		return warden_refuse(message, error, "EFER.SVME was set when entering: another "
				     "hypervisor took SVM meanwhile");
	if (error) {
		keep_console();
		return warden_refuse(message, error, "the hypervisor refused: %s",
				     hv.header->error[0] ? hv.header->error : "(no reason given)");
	}
	return 0;
}

int warden_enable(const void __user *config, u32 config_size, struct warden_message *message)
{
	const struct warden_system_config *system;
	int error;

	if (warden_enabled)
		return warden_refuse(message, -EBUSY, "the hypervisor is already enabled: "
				     "run `warden disable` first");
	system = copy_config(config, config_size, message);
	if (IS_ERR(system))
		return PTR_ERR(system);
	error = claim_memory(system, message);
	if (error)
		goto out;
	error = load_image(message);
	cpus_read_lock();
	if (!error)
		error = lay_out(system, config_size, message);
	if (!error)
		error = enter_all_cpus(message);
	if (!error) {
		/* CPUs may go offline and come back (the hypervisor emulates INIT/SIPI). */
		cpumask_copy(&hv.entered, cpu_online_mask);
		warden_enabled = true;
	}
	cpus_read_unlock();
	if (error)
		release_memory();
	else
		pr_info("warden: hypervisor enabled on %u CPUs\n", num_online_cpus());
out:
	kvfree(system);
	return error;
}

long warden_hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	long result;

	asm volatile("vmmcall" : "=a"(result) : "a"(code), "D"(arg1), "S"(arg2) : "memory");
	return result;
}

static void disable_cpu(void *unused)
{
	unsigned long code = WARDEN_HC_DISABLE, arg1 = 0, arg2 = 0;
	long result;

	/* The hypervisor returns through the trampoline: only callee-saved registers survive. */
	asm volatile("vmmcall"
		     : "=a"(result), "+D"(arg1), "+S"(arg2)
		     : "a"(code)
		     : "rcx", "rdx", "r8", "r9", "r10", "r11", "memory", "cc");
	hv.results[smp_processor_id()] = (int)result;
}

/*
 * Test only (test_hooks.c): DISABLE on one CPU alone, which the hypervisor
 * must refuse, since the others do not come. Returns its result.
 */
int warden_disable_one_cpu(unsigned int cpu)
{
	int error = -EINVAL;

	mutex_lock(&warden_lock);
	if (warden_enabled && cpu < nr_cpu_ids) {
		hv.results[cpu] = 0;
		error = smp_call_function_single(cpu, disable_cpu, NULL, 1);
		if (!error)
			error = hv.results[cpu];
	}
	mutex_unlock(&warden_lock);
	return error;
}

/*
 * Every CPU under the hypervisor must take part in disabling it: those Linux
 * took offline meanwhile come back first.
 */
static int online_entered_cpus(struct warden_message *message)
{
	unsigned int cpu;
	int error;

	for_each_cpu(cpu, &hv.entered) {
		if (cpu_online(cpu))
			continue;
		error = add_cpu(cpu);
		if (error)
			return warden_refuse(message, error, "CPU %u is offline and did not come "
					     "back online (error %d): the hypervisor stays enabled",
					     cpu, error);
	}
	return 0;
}

int warden_disable(struct warden_message *message)
{
	unsigned int cpu;
	int error = 0;

	if (!warden_enabled)
		return warden_refuse(message, -EINVAL, "the hypervisor is not enabled");
	if (warden_cells_exist())
		return warden_refuse(message, -EBUSY, "cells exist: destroy them first "
				     "(`warden cell list`)");
	error = online_entered_cpus(message);
	if (error)
		return error;
	cpus_read_lock();
	if (!cpumask_equal(cpu_online_mask, &hv.entered)) {
		cpus_read_unlock();
		return warden_refuse(message, -EBUSY, "CPUs went offline while disabling: try again");
	}
	on_each_cpu(disable_cpu, NULL, 1);
	cpus_read_unlock();
	for_each_online_cpu(cpu)
		if (hv.results[cpu] && !error)
			error = hv.results[cpu];
	if (error == -EBUSY)
		return warden_refuse(message, error, "the hypervisor refused to disable: cells "
				     "other than the root cell exist; destroy them first");
	if (error)
		return warden_refuse(message, error, "the hypervisor refused to disable (error %d)",
				     error);
	warden_enabled = false;
	keep_console();
	release_memory();
	pr_info("warden: hypervisor disabled\n");
	return 0;
}

ssize_t warden_console_read(char *buffer, size_t size, u64 *position)
{
	const struct warden_console_ring *ring;
	u64 head, start, n;

	if (warden_enabled) {
		ring = hv.console;
		head = READ_ONCE(ring->head);
		start = head > ring->size ? head - ring->size : 0;
	} else {
		ring = NULL;
		head = console_copy_head;
		start = head > CONSOLE_COPY_SIZE ? head - CONSOLE_COPY_SIZE : 0;
	}
	if (*position < start || *position > head)
		*position = start;	/* overwritten, or a new session began */
	for (n = 0; n < size && *position < head; n++, (*position)++)
		buffer[n] = ring ? ring->data[*position % ring->size] :
				   console_copy[*position % CONSOLE_COPY_SIZE];
	return n;
}

/*
 * Before Linux brings a CPU up: only a CPU that entered the hypervisor may
 * come back while it runs; any other would run Linux outside of it.
 */
static int warden_cpu_prepare(unsigned int cpu)
{
	if (READ_ONCE(warden_enabled) && cpumask_test_cpu(cpu, &warden_cell_cpus)) {
		pr_err("warden: CPU %u belongs to a cell: it comes back when the cell is "
		       "destroyed\n", cpu);
		return -EBUSY;
	}
	if (READ_ONCE(warden_enabled) && !cpumask_test_cpu(cpu, &hv.entered)) {
		pr_err("warden: CPU %u was offline when the hypervisor was enabled: it stays "
		       "offline until `warden disable`\n", cpu);
		return -EPERM;
	}
	return 0;
}

int warden_enable_init(void);
int warden_enable_init(void)
{
	console_copy = vzalloc(CONSOLE_COPY_SIZE);
	if (!console_copy)
		return -ENOMEM;
	hv.hotplug_state = cpuhp_setup_state_nocalls(CPUHP_BP_PREPARE_DYN, "warden:prepare",
						     warden_cpu_prepare, NULL);
	if (hv.hotplug_state < 0) {
		vfree(console_copy);
		return hv.hotplug_state;
	}
	return 0;
}

void warden_enable_exit(void)
{
	cpuhp_remove_state_nocalls(hv.hotplug_state);
	vfree(console_copy);
}
