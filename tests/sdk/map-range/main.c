// SPDX-License-Identifier: GPL-2.0-only
/*
 * map-range: QEMU's q35 with 3 GiB puts 1 GiB of its RAM at 4 GiB. Map 8 MiB of it with
 * map_range(), write and read it back through the new mapping, then read just past the mapped
 * range: that must page-fault at exactly that address (the run ends in the fault report).
 */
#include <inmate/inmate.h>

#define HIGH_RAM	0x100000000ull
#define MAPPED		(8ull << 20)

void inmate_main(void)
{
	volatile uint64_t *word;
	uint64_t i, bad = 0;
	int err;

	test_step("map-range");
	err = map_range(HIGH_RAM, MAPPED, MAP_CACHE_WB);
	if (!TEST_CHECK("map", err == 0, "map_range: %s", sdk_strerror(err)))
		test_done();
	for (i = 0; i < MAPPED; i += 4096) {
		word = (volatile uint64_t *)(uintptr_t)(HIGH_RAM + i);
		*word = HIGH_RAM + i;
	}
	for (i = 0; i < MAPPED; i += 4096)
		if (*(volatile uint64_t *)(uintptr_t)(HIGH_RAM + i) != HIGH_RAM + i)
			bad++;
	printk("map-range: %llu MiB at 0x%llx mapped, %llu of %llu pages read back wrong\n",
	       (unsigned long long)(MAPPED >> 20), (unsigned long long)HIGH_RAM,
	       (unsigned long long)bad, (unsigned long long)(MAPPED / 4096));
	TEST_CHECK("readback", bad == 0, "%llu pages wrong", (unsigned long long)bad);
	TEST_CHECK("refused-below-4g", map_range(0x1000, 4096, MAP_CACHE_UC) == -SDK_EINVAL,
		   "a range below 4 GiB was not refused");
	test_expect_fault("unmapped-beyond", 14, HIGH_RAM + MAPPED);
	(void)*(volatile uint64_t *)(uintptr_t)(HIGH_RAM + MAPPED);
	test_fail("unmapped-beyond", "reading past the mapped range did not fault");
	test_done();
}
