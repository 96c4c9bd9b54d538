/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Why a cell failed (WARDEN_FAILURE_* of hypercall.h), in words, the same
 * for the hypervisor console and the driver's sysfs. Defined once, in
 * hypervisor/failure_reason.c, which both compile.
 */
#ifndef WARDEN_FAILURE_REASON_H
#define WARDEN_FAILURE_REASON_H

const char *failure_reason_text(unsigned int reason);
/* What WARDEN_FAILURE_FIELD_ADDRESS means for the reason, or NULL when it has no address. */
const char *failure_address_name(unsigned int reason);

#endif /* WARDEN_FAILURE_REASON_H */
