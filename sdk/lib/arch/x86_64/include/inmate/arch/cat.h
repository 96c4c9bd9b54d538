/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * L3 cache allocation technology (Intel SDM vol. 3B, 17.19; CPUID leaf 0x10).
 *
 * In a cell the hypervisor owns CAT: cat_detect() reports the class of
 * service and capacity bitmask the hypervisor gave the cell (the comm
 * region's Warden extension, revision 2) and never reads a CAT MSR, which a
 * cell usually may not (#GP). Without that report it says -SDK_ENOTSUP.
 * Bare (no hypervisor) the inmate owns the cache: cat_detect() reads the
 * CPU's state, and cat_setup() programs a class's mask and puts this CPU in
 * that class. QEMU's CPUs have no CAT (CPUID leaf 0x10 says so): both
 * return -SDK_ENOTSUP there.
 */
#ifndef INMATE_ARCH_CAT_H
#define INMATE_ARCH_CAT_H

#include <stdbool.h>
#include <stdint.h>

struct cpuid_result;

struct cat_info {
	unsigned int mask_bits;		/* capacity bitmask length */
	unsigned int num_classes;	/* classes of service (halved with CDP on) */
	bool cdp_supported;		/* code and data prioritisation */
	bool cdp;			/* on: a data and a code mask per class */
	unsigned int class_of_service;	/* this CPU's (cell: the cell's) */
	uint32_t capacity_mask;		/* its L3 ways (CDP: the data mask) */
};

/* 0 and *info filled, or -SDK_ENOTSUP (no L3 CAT, or a cell whose
 * hypervisor reported no share). */
int cat_detect(struct cat_info *info);

/* Bare only: class cos gets mask (CDP: as code and data mask), and this CPU
 * joins cos. -SDK_ENOTSUP in a cell or without CAT, -SDK_ERANGE for a class
 * the CPU does not have, -SDK_EINVAL for an empty, too long or gapped mask. */
int cat_setup(unsigned int cos, uint32_t mask);

/* The pure parts (cat_logic.c, host-tested). */
bool cat_caps_from_cpuid(uint32_t max_leaf, uint32_t leaf7_ebx, uint32_t leaf10_ebx,
			 const struct cpuid_result *leaf10_1, bool cdp_on, struct cat_info *info);
int cat_check_request(const struct cat_info *caps, unsigned int cos, uint32_t mask);
unsigned int cat_mask_msr(const struct cat_info *caps, unsigned int cos, bool code);
uint64_t cat_pqr_assoc(uint64_t current, unsigned int cos);

#endif /* INMATE_ARCH_CAT_H */
