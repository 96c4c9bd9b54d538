// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reads of a cell's guest-physical memory on its behalf: through the cell's
 * nested page tables (AMD APM vol. 2, 15.25.5), and only from ordinary
 * readable RAM the cell's config gives it.
 */
#include <arch/guest_memory.h>

static int overlaps(__u64 start, __u64 size, __u64 other, __u64 other_size)
{
	return start < other + other_size && other < start + size;
}

static int region_contains(const struct warden_memory_region *region, __u64 start, __u64 size)
{
	return start >= region->phys_start && size <= region->size &&
	       start - region->phys_start <= region->size - size;
}

/* RAM, not device memory (reads of MMIO can have side effects). */
static int readable_ram(const struct guest_memory *memory, __u64 hpa, __u64 size)
{
	const struct warden_memory_region *region = memory->regions;
	unsigned int n;

	if (hpa >= memory->host_limit || size > memory->host_limit - hpa)
		return 0;
	if (overlaps(hpa, size, memory->hv_start, memory->hv_size))
		return 0;
	for (n = 0; n < memory->region_count; n++, region++) {
		if (region->flags & (WARDEN_MEM_IO | WARDEN_MEM_COMM_REGION))
			continue;
		if ((region->flags & WARDEN_MEM_READ) && region_contains(region, hpa, size))
			return 1;
	}
	return 0;
}

int guest_memory_read(void *context, __u64 gpa, void *buffer, unsigned int size)
{
	struct guest_memory *memory = context;
	const volatile __u8 *page;
	__u64 hpa, flags;
	unsigned int n;

	memory->refused_host = ~0ULL;
	if (!size || size > PAGE_SIZE_4K - (gpa & (PAGE_SIZE_4K - 1)))
		return -1;
	if (paging_translate(memory->nested, memory->nested_root, gpa, &hpa, &flags))
		return -1;		/* not mapped for the cell: the xAPIC page, holes */
	if (!readable_ram(memory, hpa, size)) {
		memory->refused_host = hpa;
		return -1;
	}
	page = (const volatile __u8 *)memory->nested->phys_to_virt(memory->nested->context,
								    hpa & ~(PAGE_SIZE_4K - 1));
	for (n = 0; n < size; n++)
		((__u8 *)buffer)[n] = page[(hpa & (PAGE_SIZE_4K - 1)) + n];
	return 0;
}
