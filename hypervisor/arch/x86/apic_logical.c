// SPDX-License-Identifier: GPL-2.0-only
/* The rules of include/arch/apic_logical.h: which CPU a logical destination names. */
#include <arch/apic_logical.h>

#define DFR_FLAT		0xf0000000U	/* DFR bits 31:28: 1111 flat, 0000 cluster */
#define XAPIC_ALL_CLUSTERS	0xf
#define X2APIC_ALL_CLUSTERS	0xffff

_Bool xapic_logical_match(__u32 ldr, __u32 dfr, __u32 destination)
{
	__u32 id = ldr >> 24;

	destination &= 0xff;
	if ((dfr & DFR_FLAT) == DFR_FLAT)
		return (destination & id) != 0;
	/* Cluster model: cluster in bits 7:4 (15 = every cluster), a CPU mask in 3:0. */
	if (destination >> 4 != XAPIC_ALL_CLUSTERS && destination >> 4 != id >> 4)
		return 0;
	return (destination & id & 0xf) != 0;
}

__u32 x2apic_logical_id(__u32 apic_id)
{
	return ((apic_id >> 4) << 16) | (1U << (apic_id & 0xf));
}

_Bool x2apic_logical_match(__u32 apic_id, __u32 destination)
{
	__u32 ldr = x2apic_logical_id(apic_id), cluster = destination >> 16;

	if (cluster != X2APIC_ALL_CLUSTERS && cluster != ldr >> 16)
		return 0;
	return (destination & ldr & 0xffff) != 0;
}
