/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Hypercalls: root Linux (driver) and cells call the hypervisor with
 * VMMCALL (x86) or HVC (arm64). Code in RAX / x0, arguments in RDI, RSI
 * (x1, x2), result in RAX / x0: >= 0 success, < 0 a negative errno.
 *
 * The numbers follow Jailhouse's published hypercall numbering where the
 * call exists there, so that the two are easy to compare.
 */
#ifndef WARDEN_HYPERCALL_H
#define WARDEN_HYPERCALL_H

#define WARDEN_HC_DISABLE		0
#define WARDEN_HC_CELL_CREATE		1
#define WARDEN_HC_CELL_START		2
#define WARDEN_HC_CELL_SET_LOADABLE	3
#define WARDEN_HC_CELL_DESTROY		4
#define WARDEN_HC_HYPERVISOR_GET_INFO	5	/* arg1: WARDEN_INFO_* */
#define WARDEN_HC_CELL_GET_STATE	6
#define WARDEN_HC_CPU_GET_INFO		7	/* arg1: CPU, arg2: WARDEN_CPU_INFO_* */
#define WARDEN_HC_DEBUG_CONSOLE_PUTC	8	/* arg1: character */
/*
 * Warden's own calls, above Jailhouse's range (its numbers end at 8),
 * from the root cell. CELL_SHUTDOWN: arg1 cell id; asks the cell, parks its
 * CPUs; it may be loaded and started again. CELL_GET_FAILURE: why a failed
 * cell failed; arg1 cell id, arg2 a WARDEN_FAILURE_FIELD_*; -ENOENT for no
 * such cell.
 */
#define WARDEN_HC_CELL_SHUTDOWN		0x100
#define WARDEN_HC_CELL_GET_FAILURE	0x101
#define WARDEN_FAILURE_FIELD_REASON	0	/* WARDEN_FAILURE_*, NONE while it did not fail */
#define WARDEN_FAILURE_FIELD_CPU	1	/* the CPU that faulted */
#define WARDEN_FAILURE_FIELD_ADDRESS	2	/* guest-physical address, port or MSR */
#define WARDEN_FAILURE_FIELD_RIP	3	/* the guest's instruction pointer */

/* Why a cell failed (texts: hypervisor/failure_reason.c). */
#define WARDEN_FAILURE_NONE		0
#define WARDEN_FAILURE_MEMORY		1	/* address: guest-physical */
#define WARDEN_FAILURE_PORT		2	/* address: the port */
#define WARDEN_FAILURE_TRIPLE_FAULT	3
#define WARDEN_FAILURE_XAPIC		4	/* address: guest-physical */
#define WARDEN_FAILURE_GUEST_STATE	5	/* VMRUN refused it */
#define WARDEN_FAILURE_UNEXPECTED_EXIT	6	/* address: the exit code */
#define WARDEN_FAILURE_NO_REPLY		7	/* a shutdown request went unanswered */
#define WARDEN_FAILURE_REASONS		8

/*
 * Test images only (WARDEN_TEST_HOOKS): probes of the hypervisor's own
 * mappings, from the root cell. arg1: WARDEN_TEST_PROBE_*, arg2: its argument.
 */
#define WARDEN_HC_TEST_PROBE		0x7e5
#define WARDEN_TEST_PROBE_WRITE_PERCPU	1	/* write a byte of CPU arg2's area: 0 or -EFAULT */
#define WARDEN_TEST_PROBE_READ_GUARD	2	/* read this CPU's stack guard: 0 or -EFAULT */
#define WARDEN_TEST_PROBE_HOST_MAPPING	3	/* leaf bits of physical arg2, or -ENOENT */
#define WARDEN_TEST_PROBE_ROOT_MAPPING	4	/* leaf bits of arg2 in root's nested tables */
/* A checksum (>= 0) of what must never change: arg2 0, the hypervisor's code, read-only
 * data and system config; arg2 a cell id, that cell's config and comm region. */
#define WARDEN_TEST_PROBE_CHECKSUM	5
/* The exceptions this CPU's VMCB intercepts (a bitmap of vectors). */
#define WARDEN_TEST_PROBE_EXCEPTION_INTERCEPTS	6
/* The next arg2 IRET exits of this CPU each send it an NMI, taken at the VMRUN after: 0. */
#define WARDEN_TEST_PROBE_NMI_AT_IRET	7

/* WARDEN_HC_HYPERVISOR_GET_INFO: what to return. */
#define WARDEN_INFO_MEM_POOL_SIZE	0	/* pages */
#define WARDEN_INFO_MEM_POOL_USED	1	/* pages */
#define WARDEN_INFO_NUM_CELLS		4
#define WARDEN_INFO_CONSOLE_HEAD	16	/* bytes ever written to the ring */
#define WARDEN_INFO_NESTED_PAGING_LEVELS 17	/* 4 or 5: depth of the nested page tables */

/* WARDEN_HC_CPU_GET_INFO: CPU state, or a VM-exit counter. */
#define WARDEN_CPU_INFO_STATE		0
#define WARDEN_CPU_INFO_EXITS_BASE	1000	/* + WARDEN_EXIT_* */

#define WARDEN_CPU_RUNNING		0
#define WARDEN_CPU_OFF			1
#define WARDEN_CPU_FAILED		2
#define WARDEN_CPU_PARKED		3	/* in a cell that does not run */

/* VM-exit counters kept per CPU, by reason. */
#define WARDEN_EXIT_TOTAL		0
#define WARDEN_EXIT_CPUID		1
#define WARDEN_EXIT_HYPERCALL		2
#define WARDEN_EXIT_MSR			3
#define WARDEN_EXIT_PIO			4
#define WARDEN_EXIT_MMIO		5	/* nested page faults */
#define WARDEN_EXIT_XAPIC		6	/* part of MMIO: the xAPIC page */
#define WARDEN_EXIT_IPI			7	/* ICR writes checked */
#define WARDEN_EXIT_INIT_SIPI		8
#define WARDEN_EXIT_OTHER		9
#define WARDEN_EXIT_EXCEPTION		10	/* intercepted #DB, #AC: reinjected */
#define WARDEN_EXIT_NMI			11	/* NMIs (management or reinjected), IRET after one */
#define WARDEN_EXIT_IOAPIC		12	/* part of MMIO: root's IOAPIC windows */
#define WARDEN_EXIT_COUNT		13

/* The hypervisor's CPUID leaves (root and cells see them). */
#define WARDEN_CPUID_SIGNATURE		0x40000000
/* EBX, ECX, EDX of the signature leaf: "WardenHypvsr". */
#define WARDEN_CPUID_SIGNATURE_EBX	0x64726157	/* "Ward" */
#define WARDEN_CPUID_SIGNATURE_ECX	0x79486e65	/* "enHy" */
#define WARDEN_CPUID_SIGNATURE_EDX	0x72737670	/* "pvsr" */

#endif /* WARDEN_HYPERCALL_H */
