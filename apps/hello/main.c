// SPDX-License-Identifier: GPL-2.0-only
/*
 * hello: prints the platform facts the inmate sees (comm region or, bare,
 * what the SDK found itself) and checks the basic services: clock, command
 * line, heap, CAT detection, PCI configuration and capability walk, MSI,
 * IOAPIC routing.
 *
 * With a virtio PCI device (e.g. QEMU -device virtio-rng-pci) it also sets
 * up MSI-X entry 0 and reads the table entry back.
 *
 * Command line: expect-cpus=N (check the CPU count), greeting="text",
 * stack-kib=N (use N KiB of stack, then check the high-water mark).
 */
#include <inmate/inmate.h>
#ifdef __x86_64__	/* CAT, IOAPIC, MTRR, PM timer, PCI: x86 only */
#include <inmate/arch/cat.h>
#include <inmate/arch/ioapic.h>
#include <inmate/arch/x86.h>
#endif

#define ICH9_AHCI		PCI_BDF(0, 0x1f, 2)	/* docs/platform.md */
#define MSI_TEST_VECTOR		0x40
#define MSIX_TEST_VECTOR	0x42
#define VIRTIO_VENDOR		0x1af4
#define IOAPIC_TEST_PIN		10
#define IOAPIC_TEST_VECTOR	0x41

/* kib KiB of stack, one frame per KiB (not a tail call: the sum uses it) */
static unsigned int use_stack(unsigned int kib)
{
	volatile uint8_t block[1024];

	block[0] = 1;
	block[sizeof(block) - 1] = 1;
	return kib ? use_stack(kib - 1) + block[0] : 0;
}

static void check_stack_and_heap(void)
{
	unsigned int kib = (unsigned int)cmdline_get_int("stack-kib", 0);

	printk("heap: %zu bytes, stack of CPU 0: %zu bytes\n", heap_size(), smp_stack_size(0));
	if (!kib)
		return;
	use_stack(kib);
	TEST_CHECK("stack-high-water", smp_stack_high_water(0) >= kib * 1024 &&
		   smp_stack_high_water(0) < smp_stack_size(0),
		   "%zu bytes used after a %u KiB recursion, of %zu", smp_stack_high_water(0), kib,
		   smp_stack_size(0));
}

static void check_platform(void)
{
	int64_t expected = cmdline_get_int("expect-cpus", 0);

	test_step("platform");
	platform_print();
#ifdef __x86_64__
	/* the SDK enables the MTRRs at boot where they were off (Jailhouse cells) */
	printk("mtrr default type: 0x%llx\n", (unsigned long long)rdmsr(MSR_MTRR_DEF_TYPE));
#endif
	TEST_CHECK("comm-region", memcmp(comm_region()->signature, "JHCOMM", 6) == 0 &&
		   comm_region()->revision == 2, "signature or revision wrong");
	TEST_CHECK("tsc-calibrated", platform_tsc_khz() > 100000,
		   "TSC %u kHz is implausible", platform_tsc_khz());
#ifdef __x86_64__
	TEST_CHECK("pm-timer", platform_pm_timer_port() != 0, "no PM timer port");
#endif
	if (expected)
		TEST_CHECK("cpu-count", platform_num_cpus() == expected, "%u CPUs, expected %lld",
			   platform_num_cpus(), (long long)expected);
}

#ifdef __x86_64__
/* A 10 ms TSC delay measured with the independent PM timer. Generous
 * upper bound: under TCG the host may deschedule the vCPU. */
static void check_clock(void)
{
	uint64_t start, elapsed;

	test_step("clock");
	start = pm_timer_ns();
	delay_us(10000);
	elapsed = pm_timer_ns() - start;
	printk("delay_us(10000) took %llu us by the PM timer\n",
	       (unsigned long long)(elapsed / 1000));
	TEST_CHECK("delay-vs-pm-timer", elapsed >= 9500000 && elapsed < 60000000,
		   "10 ms delay measured %llu ns", (unsigned long long)elapsed);
}

#endif

static void check_services(void)
{
	char greeting[64];
	void *a, *b;
	int64_t hv_cpu;
#ifdef __x86_64__
	struct cat_info cat;
	int err;
#endif

	test_step("services");
	if (cmdline_get_string("greeting", greeting, sizeof(greeting)))
		printk("greeting: %s\n", greeting);
	a = heap_alloc(100);
	b = heap_alloc_aligned(10, 256);
	TEST_CHECK("heap", a && b && ((uintptr_t)b & 255) == 0 && (char *)b >= (char *)a + 100,
		   "heap_alloc gave %p and %p", a, b);
#ifdef __x86_64__
	err = cat_detect(&cat);
	if (err == 0)
		printk("CAT: %u-bit masks, %u classes%s, class %u, mask 0x%x\n", cat.mask_bits,
		       cat.num_classes, cat.cdp ? " (CDP)" : "", cat.class_of_service,
		       cat.capacity_mask);
	else
		printk("CAT: %s\n", sdk_strerror(err));
	TEST_CHECK("cat-detect", err == 0 || err == -SDK_ENOTSUP, "cat_detect: %s",
		   sdk_strerror(err));
#endif
	/* bare on QEMU there is no Warden: the CPU information calls must say so, not #UD */
	hv_cpu = hypervisor_cpu_number(0);
	printk("hypervisor: %s, CPU 0 is the hypervisor's CPU %lld, its exits: %lld\n",
	       hypervisor_present() ? "Warden" : "none", (long long)hv_cpu,
	       (long long)(hv_cpu < 0 ? hv_cpu : hypervisor_cpu_exits((unsigned int)hv_cpu,
								    WARDEN_EXIT_TOTAL)));
	if (hypervisor_present())
		TEST_CHECK("hypervisor-cpu-info", hv_cpu >= 0 &&
			   hypervisor_cpu_exits((unsigned int)hv_cpu, WARDEN_EXIT_TOTAL) > 0,
			   "CPU 0 of the cell: hypervisor CPU %lld", (long long)hv_cpu);
	if (!hypervisor_present())
		TEST_CHECK("hypervisor-info-without-hypervisor",
			   hypervisor_cpu_state(0) == -SDK_ENOTSUP, "hypervisor_cpu_state(0) = %lld",
			   (long long)hypervisor_cpu_state(0));
#ifdef __x86_64__
	if (err == 0 && cmdline_get_int("cat-cell-mask", 0))	/* what the test's comm region gives */
		TEST_CHECK("cat-cell-share", cat.capacity_mask == cmdline_get_int("cat-cell-mask", 0) &&
			   cat.class_of_service == cmdline_get_int("cat-cell-class", 0),
			   "class %u mask 0x%x", cat.class_of_service, cat.capacity_mask);
#endif
}

#ifdef __x86_64__
static void check_pci(void)
{
	uint16_t bdf = 0;
	unsigned int count = 0;
	int cap, err;

	test_step("pci");
	while (pci_find_device(0xffff, 0xffff, &bdf) == 0) {
		uint32_t id = pci_read_config(bdf, PCI_CFG_VENDOR_ID, 4);

		printk("pci %02x:%02x.%x %04x:%04x class %06x\n", PCI_BDF_BUS(bdf),
		       PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf), id & 0xffff, id >> 16,
		       pci_read_config(bdf, PCI_CFG_CLASS_REV, 4) >> 8);
		count++;
		if (bdf == 0xffff)
			break;
		bdf++;
	}
	printk("pci: %u functions found through %s access\n", count, pci_access_method());
	TEST_CHECK("pci-scan", count > 0, "no PCI function found (%s access)",
		   pci_access_method());
	if (pci_read_config(ICH9_AHCI, PCI_CFG_VENDOR_ID, 2) != 0x8086)
		return;		/* not QEMU q35: nothing more to check */
	cap = pci_find_capability(ICH9_AHCI, PCI_CAP_ID_MSI);
	TEST_CHECK("pci-msi-capability", cap > 0, "AHCI 00:1f.2 has no MSI capability: %s",
		   sdk_strerror(cap));
	err = pci_msi_enable(ICH9_AHCI, platform_cpu_apic_id(0), MSI_TEST_VECTOR);
	TEST_CHECK("pci-msi-enable", err == 0 && cap > 0 &&
		   (pci_read_config(ICH9_AHCI, cap + 4, 4) & 0xfff00000) == 0xfee00000 &&
		   (pci_read_config(ICH9_AHCI, cap + 2, 2) & 1),
		   "MSI not set up: %s", sdk_strerror(err));
}

/* MSI-X table entry 0 of the first virtio function, if there is one. */
static void check_msix(void)
{
	uint16_t bdf = 0;
	uint32_t table, bar, control;
	uint64_t entry;
	int cap, err;

	if (pci_find_device(VIRTIO_VENDOR, 0xffff, &bdf) != 0)
		return;
	cap = pci_find_capability(bdf, PCI_CAP_ID_MSIX);
	if (!TEST_CHECK("pci-msix-capability", cap > 0, "virtio %02x:%02x.%x: no MSI-X: %s",
			PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf), sdk_strerror(cap)))
		return;
	err = pci_msix_enable(bdf, 0, platform_cpu_apic_id(0), MSIX_TEST_VECTOR);
	table = pci_read_config(bdf, cap + 4, 4);
	bar = pci_read_config(bdf, PCI_CFG_BAR0 + 4 * (table & 7), 4);
	entry = (bar & ~0xfu) + (table & ~7u);
	control = pci_read_config(bdf, cap + 2, 2);
	printk("msix: %02x:%02x.%x table in BAR%u at 0x%llx, control 0x%x: %s\n",
	       PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf), table & 7,
	       (unsigned long long)entry, control, sdk_strerror(err));
	TEST_CHECK("pci-msix-enable", err == 0 && (control & 0x8000) && !(control & 0x4000) &&
		   *(volatile uint32_t *)entry == (0xfee00000u | (platform_cpu_apic_id(0) << 12)) &&
		   *(volatile uint32_t *)(entry + 8) == MSIX_TEST_VECTOR &&
		   !(*(volatile uint32_t *)(entry + 12) & 1),
		   "MSI-X entry 0 not as programmed (%s)", sdk_strerror(err));
}

static void check_ioapic(void)
{
	uint64_t entry;
	int err;

	test_step("ioapic");
	printk("ioapic: %u pins\n", ioapic_pin_count());
	err = ioapic_route_pin(IOAPIC_TEST_PIN, IOAPIC_TEST_VECTOR, platform_cpu_apic_id(0),
			       IOAPIC_LEVEL | IOAPIC_ACTIVE_LOW);
	entry = ioapic_read_entry(IOAPIC_TEST_PIN);
	TEST_CHECK("ioapic-route", err == 0 && (entry & 0xff) == IOAPIC_TEST_VECTOR &&
		   (entry & (1u << 15)) && (entry & (1u << 13)) && !(entry & (1u << 16)),
		   "entry 0x%llx after routing (%s)", (unsigned long long)entry, sdk_strerror(err));
	ioapic_mask_pin(IOAPIC_TEST_PIN);
	TEST_CHECK("ioapic-mask", ioapic_read_entry(IOAPIC_TEST_PIN) & (1u << 16),
		   "pin %u not masked", IOAPIC_TEST_PIN);
}

#endif

void inmate_main(void)
{
	printk("Hello from a Warden inmate!\n");
	check_platform();
#ifdef __x86_64__
	check_clock();
#endif
	check_services();
	check_stack_and_heap();
#ifdef __x86_64__
	/* A cell touches only what its config gives it: no PCI ports or IOAPIC yet. */
	if (platform_is_bare()) {
		check_pci();
		check_msix();
		check_ioapic();
	} else {
		printk("pci, msi-x, ioapic: not checked in a cell (not given to cells yet)\n");
	}
#endif
	test_done();
}
