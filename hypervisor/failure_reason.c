// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why a cell failed, in words: the hypervisor console and the driver's
 * sysfs (cells/<id>/failure) say the same. Freestanding: the driver
 * compiles this file too (driver/shared-sources).
 */
#include <warden/failure_reason.h>
#include <warden/hypercall.h>

static const char *const texts[WARDEN_FAILURE_REASONS] = {
	[WARDEN_FAILURE_NONE] = "did not fail",
	[WARDEN_FAILURE_MEMORY] = "access outside the cell's memory",
	[WARDEN_FAILURE_PORT] = "access to a port the cell does not own",
	[WARDEN_FAILURE_TRIPLE_FAULT] = "the guest triple-faulted",
	[WARDEN_FAILURE_XAPIC] = "xAPIC page used as page table or code, or not by MOV",
	[WARDEN_FAILURE_GUEST_STATE] = "VMRUN refused the guest state",
	[WARDEN_FAILURE_UNEXPECTED_EXIT] = "unexpected VM exit",
	[WARDEN_FAILURE_NO_REPLY] = "no reply to a shutdown request in time",
};

const char *failure_reason_text(unsigned int reason)
{
	return reason < WARDEN_FAILURE_REASONS ? texts[reason] : "unknown reason";
}

/* What the address field means for the reason, or NULL when it has none. */
const char *failure_address_name(unsigned int reason)
{
	switch (reason) {
	case WARDEN_FAILURE_MEMORY:
	case WARDEN_FAILURE_XAPIC:
		return "address";
	case WARDEN_FAILURE_PORT:
		return "port";
	case WARDEN_FAILURE_UNEXPECTED_EXIT:
		return "exit code";
	default:
		return 0;
	}
}
