// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test-only module parameters (tests/hypervisor/nmi.sh); both are off unless
 * set at insmod.
 * - test_nmi_window_spin: PAUSE loops the trampoline spends on the
 *   hypervisor's page tables with Linux's IDT loaded, so that injected NMIs
 *   land where they once could crash the machine.
 * - test_lint1_nmi: lets every CPU take NMIs from LINT1, where QEMU's
 *   monitor injects them; Linux leaves LINT1 masked on all but CPU 0.
 * - test_invlpga: writing 1 runs INVLPGA in the kernel on the writing CPU;
 *   reading gives "ud" when it raised #UD (what the hypervisor injects: SVM
 *   is hidden), "executed" when it ran (it would flush the TLB entries of
 *   any ASID), "none" before the first write.
 * - test_disable_cpu: writing N asks the hypervisor to disable on CPU N
 *   alone; reading gives the result (the hypervisor must refuse: -110).
 * - test_probe: writing "OPERATION ARGUMENT" runs WARDEN_HC_TEST_PROBE on
 *   the writing CPU (test images of the hypervisor only); reading gives the
 *   result.
 * - test_hypercall: writing "CODE ARG1 ARG2" issues that hypercall from the
 *   writing CPU as it is, past the driver's own checks; reading gives the
 *   result (tests/attacks: hostile hypercalls from root).
 * - test_send_ipi: writing "CPU ICR DESTINATION" makes Linux CPU CPU write
 *   that interrupt command (ICR low word, APIC ID or logical destination) to
 *   its local APIC, as Linux writes its own (tests/hypervisor/root-irq.sh);
 *   reading gives how many were sent.
 * - test_nmi_flood: writing "TARGET COUNT" sends COUNT NMI IPIs from the
 *   writing CPU to CPU TARGET, each as soon as the target's handler counted
 *   the one before, so that the next lands while the target returns from
 *   its NMI handler (the IRET the hypervisor intercepts); reading gives
 *   "SENT HANDLED TIMEOUTS" of the last flood.
 * - test_ioapic: writing "REGISTER" reads that register of the IOAPIC at
 *   0xfec00000 (IOREGSEL, then IOWIN), "REGISTER VALUE" writes it; reading
 *   gives the last value read. busybox devmem cannot: the kernel keeps the
 *   IOAPIC's range from /dev/mem (CONFIG_IO_STRICT_DEVMEM). Linux's own
 *   IOAPIC lock is not exported: the tests use a pin no device drives.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/smp.h>
#include <asm/apic.h>
#include <asm/asm.h>
#include <asm/nmi.h>
#include <warden/hypercall.h>
#include "warden.h"

unsigned long warden_test_nmi_window_spin;
module_param_named(test_nmi_window_spin, warden_test_nmi_window_spin, ulong, 0644);
MODULE_PARM_DESC(test_nmi_window_spin, "test only: widen the NMI windows of enable (PAUSE loops)");

static bool test_lint1_nmi;
module_param(test_lint1_nmi, bool, 0444);
MODULE_PARM_DESC(test_lint1_nmi, "test only: unmask LINT1 as NMI on every CPU at load");

static const char *invlpga_result = "none";

static int run_invlpga(const char *value, const struct kernel_param *param)
{
	int raised = 1;

	if (!sysfs_streq(value, "1"))
		return -EINVAL;
	/* A #UD jumps to 2 through the exception table, leaving raised at 1. */
	asm volatile("1: invlpga %%rax, %%ecx\n"
		     "movl $0, %0\n"
		     "2:\n"
		     _ASM_EXTABLE(1b, 2b)
		     : "+r"(raised) : "a"(0UL), "c"(0) : "memory");
	invlpga_result = raised ? "ud" : "executed";
	return 0;
}

static int show_invlpga(char *buffer, const struct kernel_param *param)
{
	return sysfs_emit(buffer, "%s\n", invlpga_result);
}

static const struct kernel_param_ops invlpga_ops = { .set = run_invlpga, .get = show_invlpga };
module_param_cb(test_invlpga, &invlpga_ops, NULL, 0644);
MODULE_PARM_DESC(test_invlpga, "test only: write 1 to run INVLPGA, read the outcome");

static int disable_result;

static int disable_one(const char *value, const struct kernel_param *param)
{
	unsigned int cpu;

	if (kstrtouint(value, 10, &cpu))
		return -EINVAL;
	disable_result = warden_disable_one_cpu(cpu);
	return 0;
}

static int show_disable_result(char *buffer, const struct kernel_param *param)
{
	return sysfs_emit(buffer, "%d\n", disable_result);
}

static const struct kernel_param_ops disable_ops = {
	.set = disable_one, .get = show_disable_result,
};
module_param_cb(test_disable_cpu, &disable_ops, NULL, 0644);
MODULE_PARM_DESC(test_disable_cpu, "test only: write N to disable on CPU N alone, read the result");

/* A hypercall from the writing CPU, as the driver issues them; its result for reading. */
static int issue_hypercall(long *result, u64 code, u64 arg1, u64 arg2)
{
	mutex_lock(&warden_lock);
	*result = warden_enabled ? warden_hypercall(code, arg1, arg2) : -ENODEV;
	mutex_unlock(&warden_lock);
	return 0;
}

static long probe_result;

static int run_probe(const char *value, const struct kernel_param *param)
{
	unsigned long operation, argument;

	if (sscanf(value, "%lu %li", &operation, &argument) != 2)
		return -EINVAL;
	return issue_hypercall(&probe_result, WARDEN_HC_TEST_PROBE, operation, argument);
}

static const struct kernel_param_ops probe_ops = { .set = run_probe, .get = param_get_long };
module_param_cb(test_probe, &probe_ops, &probe_result, 0644);
MODULE_PARM_DESC(test_probe, "test only: write 'OPERATION ARGUMENT' for the test image's probe hypercall");

static long hypercall_result;

static int run_hypercall(const char *value, const struct kernel_param *param)
{
	unsigned long long code, arg1, arg2;

	if (sscanf(value, "%lli %lli %lli", &code, &arg1, &arg2) != 3)
		return -EINVAL;
	return issue_hypercall(&hypercall_result, code, arg1, arg2);
}

static const struct kernel_param_ops hypercall_ops = { .set = run_hypercall, .get = param_get_long };
module_param_cb(test_hypercall, &hypercall_ops, &hypercall_result, 0644);
MODULE_PARM_DESC(test_hypercall, "test only: write 'CODE ARG1 ARG2' to issue that hypercall");

struct icr_write {
	u32 command, destination;
};

static void write_icr(void *data)
{
	struct icr_write *icr = data;

	apic_wait_icr_idle();
	apic_icr_write(icr->command, icr->destination);
}

static unsigned int ipis_sent;

static int send_ipi(const char *value, const struct kernel_param *param)
{
	struct icr_write icr;
	unsigned int cpu;
	int command, destination, error;

	if (sscanf(value, "%u %i %i", &cpu, &command, &destination) != 3)
		return -EINVAL;
	icr.command = command;
	icr.destination = destination;
	error = smp_call_function_single(cpu, write_icr, &icr, 1);
	if (!error)
		ipis_sent++;
	return error;
}

static int show_ipis_sent(char *buffer, const struct kernel_param *param)
{
	return sysfs_emit(buffer, "%u\n", ipis_sent);
}

static const struct kernel_param_ops send_ipi_ops = { .set = send_ipi, .get = show_ipis_sent };
module_param_cb(test_send_ipi, &send_ipi_ops, NULL, 0644);
MODULE_PARM_DESC(test_send_ipi, "test only: write 'CPU ICR DESTINATION' to send that IPI from CPU");

#define TEST_IOAPIC	0xfec00000UL	/* q35's, docs/platform.md */
#define IOREGSEL	0x00
#define IOWIN		0x10

static u32 ioapic_value;

static int access_ioapic(const char *value, const struct kernel_param *param)
{
	int reg, data;
	void __iomem *ioapic;
	int fields = sscanf(value, "%i %i", &reg, &data);

	if (fields < 1)
		return -EINVAL;
	ioapic = ioremap(TEST_IOAPIC, PAGE_SIZE);
	if (!ioapic)
		return -ENOMEM;
	writel(reg, ioapic + IOREGSEL);
	if (fields == 2)
		writel(data, ioapic + IOWIN);
	else
		ioapic_value = readl(ioapic + IOWIN);
	iounmap(ioapic);
	return 0;
}

static int show_ioapic_value(char *buffer, const struct kernel_param *param)
{
	return sysfs_emit(buffer, "0x%08x\n", ioapic_value);
}

static const struct kernel_param_ops ioapic_ops = {
	.set = access_ioapic, .get = show_ioapic_value,
};
module_param_cb(test_ioapic, &ioapic_ops, NULL, 0644);
MODULE_PARM_DESC(test_ioapic, "test only: write 'REGISTER [VALUE]' to read or write an IOAPIC register");

/*
 * The NMI flood: the target's NMIs are claimed and counted while it runs
 * (Linux would print two lines per unknown NMI), nothing else's.
 */
#define FLOOD_MAX		1000000
#define FLOOD_WAIT_NS		(50 * NSEC_PER_MSEC)	/* one NMI's round trip, at most */

static int flood_target = -1;
static unsigned long flood_handled;
static unsigned int flood_sent, flood_timeouts;

static int count_flood_nmi(unsigned int reason, struct pt_regs *regs)
{
	if (smp_processor_id() != READ_ONCE(flood_target))
		return NMI_DONE;
	WRITE_ONCE(flood_handled, flood_handled + 1);
	return NMI_HANDLED;
}

/* Sends one NMI to target and waits until its handler has counted it. */
static bool send_flood_nmi(unsigned int target)
{
	unsigned long before = READ_ONCE(flood_handled);
	u64 deadline = ktime_get_ns() + FLOOD_WAIT_NS;

	apic->send_IPI(target, NMI_VECTOR);
	while (READ_ONCE(flood_handled) == before) {
		if (ktime_get_ns() > deadline)
			return false;
		cpu_relax();
	}
	return true;
}

static int run_nmi_flood(const char *value, const struct kernel_param *param)
{
	unsigned int target, count, sender, i;
	int error = 0;

	if (sscanf(value, "%u %u", &target, &count) != 2 || !count || count > FLOOD_MAX ||
	    target >= nr_cpu_ids || !cpu_online(target))
		return -EINVAL;
	flood_sent = flood_timeouts = 0;
	flood_handled = 0;
	/* Only while a flood runs: no handler in every NMI's path otherwise. */
	error = register_nmi_handler(NMI_LOCAL, count_flood_nmi, 0, "warden_test_flood");
	if (error)
		return error;
	sender = get_cpu();
	if (sender == target) {
		error = -EINVAL;
		goto out;
	}
	WRITE_ONCE(flood_target, target);
	for (i = 0; i < count; i++) {
		flood_sent++;
		if (!send_flood_nmi(target))
			flood_timeouts++;
	}
	/* The last NMI may still come after a timeout: let it be counted, then stop claiming. */
	mdelay(FLOOD_WAIT_NS / NSEC_PER_MSEC);
	WRITE_ONCE(flood_target, -1);
out:
	put_cpu();
	unregister_nmi_handler(NMI_LOCAL, "warden_test_flood");
	return error;
}

static int show_nmi_flood(char *buffer, const struct kernel_param *param)
{
	return sysfs_emit(buffer, "%u %lu %u\n", flood_sent, READ_ONCE(flood_handled),
			  flood_timeouts);
}

static const struct kernel_param_ops nmi_flood_ops = { .set = run_nmi_flood, .get = show_nmi_flood };
module_param_cb(test_nmi_flood, &nmi_flood_ops, NULL, 0644);
MODULE_PARM_DESC(test_nmi_flood, "test only: write 'TARGET COUNT' to send COUNT NMIs to CPU TARGET");

static void unmask_lint1_nmi(void *unused)
{
	apic_write(APIC_LVT1, APIC_DM_NMI);
}

void warden_test_hooks_init(void)
{
	if (test_lint1_nmi)
		on_each_cpu(unmask_lint1_nmi, NULL, 1);
}
