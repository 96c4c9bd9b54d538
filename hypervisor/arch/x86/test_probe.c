// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test images only (built with WARDEN_TEST_HOOKS: warden-hypervisor-test.bin,
 * never installed): probes of the hypervisor's own page tables, so that a
 * QEMU test can see what no guest can observe (tests/hypervisor/nmi.sh).
 * Each access goes through the exception fixups: a fault is an answer.
 */
#include <arch/paging.h>
#include <arch/processor.h>
#include <arch/vcpu.h>
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/pool.h>

#ifdef WARDEN_TEST_HOOKS
static __u64 *host_table(void *context, __u64 pa)
{
	(void)context;
	return (__u64 *)(unsigned long)(WARDEN_HV_LINK_ADDRESS + pa - hypervisor_header.memory_phys);
}

/* The leaf bits of physical address pa in this CPU's identity map, or -ENOENT. */
static s64 host_mapping(u64 pa)
{
	struct paging host = { .levels = hypervisor_header.paging_levels,
			       .phys_to_virt = host_table };
	u64 phys, flags;

	if (paging_translate(&host, read_cr3(), pa, &phys, &flags) || phys != pa)
		return -ENOENT;
	return (s64)(flags & (PAGE_WRITABLE | PAGE_CACHE_DISABLE | PAGE_WRITE_THROUGH |
			      PAGE_PRESENT));
}

/* The leaf bits of guest-physical address in root's nested tables, or -ENOENT. */
static s64 root_mapping(u64 address)
{
	struct paging nested = nested_paging();
	u64 phys, flags;

	if (paging_translate(&nested, root_cell.arch.npt_root, address, &phys, &flags))
		return -ENOENT;
	return (s64)(flags & (PAGE_WRITABLE | PAGE_PRESENT));
}

/* FNV-1a, 64 bits: enough to see a changed byte. */
static u64 checksum(u64 hash, const void *data, u64 size)
{
	const u8 *byte = data;

	while (size--)
		hash = (hash ^ *byte++) * 0x100000001b3ULL;
	return hash;
}

extern const u8 __data_start[];

/* What no guest may change: see WARDEN_TEST_PROBE_CHECKSUM. */
static s64 protected_checksum(u64 id)
{
	u64 hash = 0xcbf29ce484222325ULL;
	struct cell *cell;

	if (id == 0) {
		hash = checksum(hash, (const void *)WARDEN_HV_LINK_ADDRESS,
				(u64)__data_start - WARDEN_HV_LINK_ADDRESS);
		hash = checksum(hash, system_config, system_config->header.total_size);
	} else {
		cell = cell_by_id(id);
		if (!cell)
			return -ENOENT;
		hash = checksum(hash, cell->config, cell->config->header.total_size);
		hash = checksum(hash, arch_cell_comm_region(cell), PAGE_SIZE_4K);
	}
	return (s64)(hash >> 1);
}

#define TEST_NMIS_AT_IRET_MAX	1000000

/*
 * The race of hypervisor.nmi-storm made certain: an NMI that arrives while
 * the hypervisor handles the guest's IRET exit. Sent to this CPU, it is held
 * (GIF is clear) and taken at the VMRUN that resumes the IRET (guest_nmi.h).
 */
void test_probe_iret_exit(struct per_cpu *cpu)
{
	if (!cpu->arch.test_nmis_at_iret)
		return;
	cpu->arch.test_nmis_at_iret--;
	apic_send_nmi(cpu->phys_id);
}

s64 arch_test_probe(struct per_cpu *cpu, u64 operation, u64 argument)
{
	volatile u8 *byte;
	u8 value;

	switch (operation) {
	case WARDEN_TEST_PROBE_WRITE_PERCPU:	/* argument: the CPU whose area */
		if (argument >= MAX_CPUS)
			return -EINVAL;
		byte = &per_cpu(argument)->stack[0];
		if (!read_byte_safe(byte, &value))
			return -EFAULT;
		return write_byte_safe(byte, value) ? 0 : -EFAULT;
	case WARDEN_TEST_PROBE_READ_GUARD:
		return read_byte_safe(&cpu->stack_guard[0], &value) ? 0 : -EFAULT;
	case WARDEN_TEST_PROBE_HOST_MAPPING:	/* argument: a physical address */
		return host_mapping(argument);
	case WARDEN_TEST_PROBE_ROOT_MAPPING:	/* argument: a guest-physical address */
		return root_mapping(argument);
	case WARDEN_TEST_PROBE_CHECKSUM:	/* argument: 0 or a cell id */
		return protected_checksum(argument);
	case WARDEN_TEST_PROBE_EXCEPTION_INTERCEPTS:
		return vcpu_vmcb(cpu)->intercept_exceptions;
	case WARDEN_TEST_PROBE_NMI_AT_IRET:	/* argument: how many IRET exits */
		if (argument > TEST_NMIS_AT_IRET_MAX)
			return -EINVAL;
		cpu->arch.test_nmis_at_iret = (u32)argument;
		return 0;
	default:
		return -EINVAL;
	}
}
#endif
