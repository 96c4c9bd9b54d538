/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Logical destinations of interrupts: which CPU a logical destination names,
 * in xAPIC mode (flat or cluster model, Intel SDM vol. 3, 10.6.2.2; AMD APM
 * vol. 2, 16.6.1) and in x2APIC mode (cluster, derived from the APIC ID,
 * SDM 10.12.10). Pure rules, unit-tested on the host
 * (tests/hypervisor/test_apic_logical.c).
 */
#ifndef WARDEN_ARCH_APIC_LOGICAL_H
#define WARDEN_ARCH_APIC_LOGICAL_H

#include <warden/types.h>

/* xAPIC: an 8-bit destination against a CPU's LDR and DFR registers. */
_Bool xapic_logical_match(__u32 ldr, __u32 dfr, __u32 destination);
/* x2APIC: the read-only LDR of an APIC ID, and a 32-bit destination against it. */
__u32 x2apic_logical_id(__u32 apic_id);
_Bool x2apic_logical_match(__u32 apic_id, __u32 destination);

#endif /* WARDEN_ARCH_APIC_LOGICAL_H */
