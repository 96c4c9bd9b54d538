// SPDX-License-Identifier: GPL-2.0-only
/* The rules of include/arch/region_bits.h. */
#include <arch/paging.h>
#include <arch/region_bits.h>
#include <warden/config.h>

int region_nested_bits(__u64 region_flags, __u64 *bits)
{
	if ((region_flags & WARDEN_MEM_COMM_REGION) || !(region_flags & WARDEN_MEM_READ))
		return 0;
	/* Nested walks are user accesses (15.25.5): every leaf has U. */
	*bits = PAGE_USER;
	if (region_flags & WARDEN_MEM_WRITE)
		*bits |= PAGE_WRITABLE;
	if (!(region_flags & WARDEN_MEM_EXECUTE))
		*bits |= PAGE_NO_EXECUTE;
	/*
	 * Device memory uncached in the nested tables: the stricter of the
	 * guest's and the nested type wins (15.25.8), so no guest PAT can
	 * make it write-back.
	 */
	if (region_flags & WARDEN_MEM_IO)
		*bits |= PAGE_CACHE_DISABLE | PAGE_WRITE_THROUGH;
	return 1;
}

int region_host_bits(__u64 region_flags, __u64 *bits)
{
	if (region_flags & (WARDEN_MEM_IO | WARDEN_MEM_COMM_REGION))
		return 0;
	*bits = PAGE_WRITABLE | PAGE_NO_EXECUTE;
	return 1;
}
