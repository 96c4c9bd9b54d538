// SPDX-License-Identifier: GPL-2.0-only
/*
 * Entering the hypervisor: every online CPU arrives here from the driver.
 * The first one sets up what all share (console, config, pool, root cell),
 * all then set up their vCPU, meet, and either all start running Linux as
 * the root cell or all return the same error with Linux as it was.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>
#include <hv/printk.h>
#include <hv/string.h>
#include <warden/failure_reason.h>

struct per_cpu per_cpu_areas[MAX_CPUS] __attribute__((section(".bss.percpu")));
struct warden_linux_cpu linux_cpus[MAX_CPUS];
struct cell root_cell __attribute__((section(".bss.page_aligned")));
unsigned int num_cells;
const struct warden_system_config *system_config;

static unsigned int arrived, set_up, ready;
static int enable_error;

struct per_cpu *per_cpu(unsigned int id)
{
	return &per_cpu_areas[id];
}

/* Records the first failure of all CPUs: one errno and one reason. */
int enable_fail(int error, const char *fmt, ...)
{
	__builtin_va_list ap;
	int expected = 0;

	if (__atomic_compare_exchange_n(&enable_error, &expected, -error, false,
					__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
		__builtin_va_start(ap, fmt);
		format_string(hypervisor_header.error, WARDEN_HV_ERROR_SIZE, fmt, ap);
		__builtin_va_end(ap);
		printk("warden: enable failed: %s\n", hypervisor_header.error);
	}
	return -error;
}

static void report_error(void *context, const char *message)
{
	(void)context;
	printk("warden: config: %s\n", message);
}

static int check_config(void)
{
	const struct warden_hypervisor_header *h = &hypervisor_header;
	struct config_check_report report = {
		.emit = report_error,
		.expected_architecture = WARDEN_ARCH_X86_64,
	};

	if (!hv_memory_contains(hv_virt_to_phys((void *)(unsigned long)h->config),
				h->config_size))
		return enable_fail(EINVAL, "system config at %llx (%llu bytes) lies outside the hypervisor memory",
			    h->config, h->config_size);
	system_config = (const void *)(unsigned long)h->config;
	if (config_check_system(system_config, h->config_size, &report))
		return enable_fail(EINVAL, "system config: %s", report.first);
	if (system_config->hypervisor_memory.phys_start != h->memory_phys ||
	    system_config->hypervisor_memory.size != h->memory_size)
		return enable_fail(EINVAL, "hypervisor memory %llx+%llx is not the config's %llx+%llx",
			    h->memory_phys, h->memory_size,
			    system_config->hypervisor_memory.phys_start,
			    system_config->hypervisor_memory.size);
	return 0;
}

static int check_cpus(void)
{
	const struct warden_cell_config *root = config_root_cell(system_config);
	unsigned int n;

	if (hypervisor_header.online_cpus > MAX_CPUS)
		return enable_fail(E2BIG, "%u CPUs online, the hypervisor supports %u",
			    hypervisor_header.online_cpus, MAX_CPUS);
	for (n = 0; n < MAX_CPUS; n++)
		if (linux_cpus[n].cr3 && !config_cell_has_cpu(root, n))
			return enable_fail(EINVAL, "CPU %u is online but not in the root cell's cpus", n);
	return 0;
}

static int set_up_shared(void)
{
	const struct warden_hypervisor_header *h = &hypervisor_header;
	u64 pool_end = WARDEN_HV_LINK_ADDRESS + h->memory_size;
	int error;

	memory_set_base(h->memory_phys, h->memory_size);
	console_init((void *)(unsigned long)h->console_ring, (u32)h->console_ring_size);
	printk("\nWarden hypervisor: %u CPUs entering, %u-level paging\n",
	       h->online_cpus, h->paging_levels);
	error = check_config();
	if (error)
		return error;
	arch_console_init(&system_config->debug_console);
	if (h->pool_start < WARDEN_HV_LINK_ADDRESS + h->core_size || h->pool_start >= pool_end ||
	    h->pool_start & 0xfff)
		return enable_fail(EINVAL, "pool start %llx is not inside the hypervisor memory", h->pool_start);
	pool_init((void *)(unsigned long)h->pool_start, (pool_end - h->pool_start) / 4096);
	error = check_cpus();
	if (error)
		return error;
	root_cell.config = config_root_cell(system_config);
	error = arch_cell_init(&root_cell);
	if (error)
		return enable_fail(-error, "root cell '%s': nested page tables or permission maps failed (%d)",
			    root_cell.config->name, error);
	num_cells = 1;
	return 0;
}

static void wait_for(unsigned int *counter, unsigned int value)
{
	while (__atomic_load_n(counter, __ATOMIC_ACQUIRE) < value)
		arch_cpu_relax();
}

int hypervisor_enter(struct per_cpu *cpu)
{
	unsigned int online = hypervisor_header.online_cpus;
	bool vcpu_ready = false;
	int error;

	if (__atomic_fetch_add(&arrived, 1, __ATOMIC_SEQ_CST) == 0) {
		set_up_shared();
		__atomic_store_n(&set_up, 1, __ATOMIC_RELEASE);
	}
	wait_for(&set_up, 1);

	if (!__atomic_load_n(&enable_error, __ATOMIC_ACQUIRE)) {
		cpu->cell = &root_cell;
		error = arch_vcpu_init(cpu);
		if (error)
			enable_fail(-error, "CPU %u: %s", cpu->id, "cannot enter SVM guest mode");
		else
			vcpu_ready = true;
	}
	__atomic_fetch_add(&ready, 1, __ATOMIC_SEQ_CST);
	wait_for(&ready, online);

	error = __atomic_load_n(&enable_error, __ATOMIC_ACQUIRE);
	if (error) {
		if (vcpu_ready)
			arch_vcpu_undo(cpu);
		cpu->state = WARDEN_CPU_FAILED;
		arch_cpu_restore_linux_tables(cpu);
		return error;
	}
	if (cpu->id == 0)
		printk("Warden: root cell '%s' running on %u CPUs, pool %llu/%llu pages used\n",
		       root_cell.config->name, online, pool_used_pages(), pool_size_pages());
	cpu->state = WARDEN_CPU_RUNNING;
	arch_vcpu_run(cpu);
}

void __noreturn panic_stop(struct per_cpu *cpu, const char *reason)
{
	/* A cell's fault is the cell's: it fails, root and the other cells go on. */
	if (cpu && cpu->cell && cpu->cell != &root_cell) {
		printk("warden: CPU %u: %s\n", cpu->id, reason);
		guest_fault(cpu, WARDEN_FAILURE_UNEXPECTED_EXIT, 0, 0);
	}
	printk("warden: CPU %u stopped: %s\n", cpu ? cpu->id : ~0U, reason);
	if (cpu)
		cpu->state = WARDEN_CPU_FAILED;
	arch_cpu_stop();
}

void __noreturn guest_fault(struct per_cpu *cpu, u32 reason, u64 address, u64 rip)
{
	struct cell *cell = cpu->cell;
	const char *address_name = failure_address_name(reason);
	u32 none = WARDEN_FAILURE_NONE;

	if (cell == &root_cell)
		panic_stop(cpu, failure_reason_text(reason));
	/* One printk per line: the cell's other CPUs may be faulting at this moment too. */
	if (address_name)
		printk("warden: CPU %u: cell '%s' failed: %s (%s %llx) at RIP %llx\n", cpu->id,
		       cell->config->name, failure_reason_text(reason), address_name, address, rip);
	else
		printk("warden: CPU %u: cell '%s' failed: %s at RIP %llx\n", cpu->id,
		       cell->config->name, failure_reason_text(reason), rip);
	/*
	 * The first of the cell's CPUs to fault is the one `cell list`
	 * reports: it claims the record, fills it, then publishes the reason.
	 */
	if (__atomic_compare_exchange_n(&cell->failure.reason, &none, WARDEN_FAILURE_REASONS,
					false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		cell->failure.cpu = cpu->id;
		cell->failure.address = address;
		cell->failure.rip = rip;
		__atomic_store_n(&cell->failure.reason, reason, __ATOMIC_RELEASE);
	}
	cell->failed = true;
	cpu->state = WARDEN_CPU_FAILED;
	arch_cell_cpu_failed(cpu);
}
