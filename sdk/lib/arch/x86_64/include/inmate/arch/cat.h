/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * L3 cache allocation technology (Intel SDM vol. 3B, 17.19; CPUID leaf 0x10).
 */
#ifndef INMATE_ARCH_CAT_H
#define INMATE_ARCH_CAT_H

#include <stdint.h>

struct cat_info {
	unsigned int mask_bits;		/* capacity bitmask length */
	unsigned int num_classes;	/* classes of service */
	unsigned int class_of_service;	/* this CPU's, from IA32_PQR_ASSOC */
	uint32_t capacity_mask;		/* the cell's L3 ways */
};

/* 0 and *info filled, or -SDK_ENOTSUP if the CPU has no L3 CAT. */
int cat_detect(struct cat_info *info);

#endif /* INMATE_ARCH_CAT_H */
