// SPDX-License-Identifier: GPL-2.0-only
/*
 * map-range-arm64: QEMU virt with 10 GiB of RAM (from 1 GiB up) has RAM at 8 GiB that the boot map
 * leaves device memory (it maps GiB 1-7 write-back). map_range() makes 8 MiB of it write-back:
 * the CPU's own translation (AT S1E1R, PAR_EL1.ATTR: the MAIR attribute, ARM DDI 0487 D17.2.113)
 * must then say Normal write-back, the memory is written and read back, GiB 9 becomes
 * write-through, another type on GiB 8 is refused, and a range below 4 GiB too.
 */
#include <inmate/inmate.h>
#include <inmate/map.h>

#define GIB		(1ull << 30)
#define MAPPED		(8ull << 20)
#define ATTR_DEVICE	0x04	/* MAIR attributes the SDK uses (sysreg.h) */
#define ATTR_WB		0xff
#define ATTR_WT		0xbb

/* The memory attribute of the translation of address, or -1 if it does not translate. */
static int translation_attr(uint64_t address)
{
	uint64_t par;

	__asm__ volatile("at s1e1r, %1\n\tisb\n\tmrs %0, par_el1" : "=r"(par) : "r"(address));
	return (par & 1) ? -1 : (int)(par >> 56);
}

void inmate_main(void)
{
	uint64_t i, bad = 0;
	int err;

	test_step("map-range");
	TEST_CHECK("boot-map-device", translation_attr(8 * GIB) == ATTR_DEVICE,
		   "GiB 8 attribute 0x%x before map_range", translation_attr(8 * GIB));
	err = map_range(8 * GIB, MAPPED, MAP_CACHE_WB);
	if (!TEST_CHECK("map", err == 0, "map_range: %s", sdk_strerror(err)))
		test_done();
	TEST_CHECK("write-back", translation_attr(8 * GIB + MAPPED - 8) == ATTR_WB,
		   "attribute 0x%x after map_range", translation_attr(8 * GIB + MAPPED - 8));
	for (i = 0; i < MAPPED; i += 4096)
		*(volatile uint64_t *)(uintptr_t)(8 * GIB + i) = 8 * GIB + i;
	for (i = 0; i < MAPPED; i += 4096)
		if (*(volatile uint64_t *)(uintptr_t)(8 * GIB + i) != 8 * GIB + i)
			bad++;
	printk("map-range: %llu MiB at 0x%llx mapped write-back, %llu of %llu pages read back wrong\n",
	       (unsigned long long)(MAPPED >> 20), (unsigned long long)(8 * GIB),
	       (unsigned long long)bad, (unsigned long long)(MAPPED / 4096));
	TEST_CHECK("readback", bad == 0, "%llu pages wrong", (unsigned long long)bad);
	err = map_range(9 * GIB, 4096, MAP_CACHE_WT);
	TEST_CHECK("write-through", err == 0 && translation_attr(9 * GIB) == ATTR_WT,
		   "map_range: %s, attribute 0x%x", sdk_strerror(err), translation_attr(9 * GIB));
	TEST_CHECK("other-type-refused", map_range(8 * GIB, 4096, MAP_CACHE_UC) == -SDK_EBUSY,
		   "GiB 8 given another type");
	TEST_CHECK("refused-below-4g", map_range(0x1000, 4096, MAP_CACHE_UC) == -SDK_EINVAL,
		   "a range below 4 GiB was not refused");
	test_done();
}
