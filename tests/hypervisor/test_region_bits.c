// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/arch/x86/region_bits.c: which config regions
 * are mapped, and how, in nested page tables and the hypervisor's own map.
 */
#include <stdio.h>
#include <arch/paging.h>
#include <arch/region_bits.h>
#include <warden/config.h>

static int failures, checks;

#define EXPECT(cond) do { checks++; if (!(cond)) { \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

#define RWX	(WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_EXECUTE)
#define UNCACHED (PAGE_CACHE_DISABLE | PAGE_WRITE_THROUGH)

int main(void)
{
	__u64 bits = 0;

	EXPECT(region_nested_bits(RWX, &bits) && bits == (PAGE_USER | PAGE_WRITABLE));
	EXPECT(region_nested_bits(WARDEN_MEM_READ, &bits) &&
	       bits == (PAGE_USER | PAGE_NO_EXECUTE));
	EXPECT(region_nested_bits(WARDEN_MEM_READ | WARDEN_MEM_EXECUTE, &bits) &&
	       bits == PAGE_USER);
	/* No read: never present, whatever else the region allows. */
	EXPECT(!region_nested_bits(WARDEN_MEM_WRITE, &bits));
	EXPECT(!region_nested_bits(WARDEN_MEM_WRITE | WARDEN_MEM_EXECUTE, &bits));
	EXPECT(!region_nested_bits(0, &bits));
	EXPECT(!region_nested_bits(RWX | WARDEN_MEM_COMM_REGION, &bits));
	/* Device memory: uncached, never executable. */
	EXPECT(region_nested_bits(WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_IO, &bits) &&
	       bits == (PAGE_USER | PAGE_WRITABLE | PAGE_NO_EXECUTE | UNCACHED));
	/* The hypervisor's own map: RAM write-back and not executable, no devices. */
	EXPECT(region_host_bits(RWX | WARDEN_MEM_DMA, &bits) &&
	       bits == (PAGE_WRITABLE | PAGE_NO_EXECUTE));
	EXPECT(region_host_bits(WARDEN_MEM_READ | WARDEN_MEM_EXECUTE, &bits) &&
	       !(bits & UNCACHED));
	EXPECT(!region_host_bits(WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_IO, &bits));
	EXPECT(!region_host_bits(RWX | WARDEN_MEM_COMM_REGION, &bits));
	printf("region bits: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
