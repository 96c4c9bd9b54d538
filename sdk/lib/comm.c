// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Comm region protocol (docs/cell-abi.md): the hypervisor clears the reply
 * and then posts a message; the cell clears the message and then posts its
 * reply. The fences keep the two writes in that order.
 */
#include <inmate/inmate.h>
#include "sdk_internal.h"

struct warden_comm_region *comm_region(void)
{
	return (struct warden_comm_region *)arch_comm_region_address();
}

uint32_t comm_poll_message(void)
{
	return __atomic_load_n(&comm_region()->msg_to_cell, __ATOMIC_ACQUIRE);
}

void comm_reply(uint32_t reply)
{
	struct warden_comm_region *comm = comm_region();

	__atomic_store_n(&comm->msg_to_cell, WARDEN_MSG_NONE, __ATOMIC_SEQ_CST);
	__atomic_store_n(&comm->reply_from_cell, reply, __ATOMIC_SEQ_CST);
}

uint32_t comm_get_state(void)
{
	return __atomic_load_n(&comm_region()->cell_state, __ATOMIC_ACQUIRE);
}

void comm_set_state(uint32_t state)
{
	__atomic_store_n(&comm_region()->cell_state, state, __ATOMIC_SEQ_CST);
}

bool comm_service_messages(bool deny_shutdown)
{
	switch (comm_poll_message()) {
	case WARDEN_MSG_NONE:
		return false;
	case WARDEN_MSG_SHUTDOWN_REQUEST:
		comm_reply(deny_shutdown ? WARDEN_REPLY_REQUEST_DENIED
					 : WARDEN_REPLY_REQUEST_APPROVED);
		return !deny_shutdown;
	case WARDEN_MSG_RECONFIG_COMPLETED:
		comm_reply(WARDEN_REPLY_RECEIVED);
		return false;
	default:
		comm_reply(WARDEN_REPLY_UNKNOWN);
		return false;
	}
}

int comm_bare_post_message(uint32_t message)
{
	struct warden_comm_region *comm = comm_region();

	if (!platform_is_bare())
		return -SDK_ENOTSUP;
	__atomic_store_n(&comm->reply_from_cell, WARDEN_REPLY_NONE, __ATOMIC_SEQ_CST);
	__atomic_store_n(&comm->msg_to_cell, message, __ATOMIC_SEQ_CST);
	return 0;
}

const char *comm_state_name(uint32_t state)
{
	switch (state) {
	case WARDEN_CELL_RUNNING:
		return "running";
	case WARDEN_CELL_RUNNING_LOCKED:
		return "running-locked";
	case WARDEN_CELL_SHUT_DOWN:
		return "shut-down";
	case WARDEN_CELL_FAILED:
		return "failed";
	case WARDEN_CELL_FAILED_COMM_REV:
		return "failed-comm-revision";
	}
	return "unknown";
}

const char *comm_message_name(uint32_t message)
{
	switch (message) {
	case WARDEN_MSG_NONE:
		return "none";
	case WARDEN_MSG_SHUTDOWN_REQUEST:
		return "shutdown-request";
	case WARDEN_MSG_RECONFIG_COMPLETED:
		return "reconfig-completed";
	}
	return "unknown";
}

const char *comm_reply_name(uint32_t reply)
{
	switch (reply) {
	case WARDEN_REPLY_NONE:
		return "none";
	case WARDEN_REPLY_UNKNOWN:
		return "unknown-message";
	case WARDEN_REPLY_REQUEST_DENIED:
		return "request-denied";
	case WARDEN_REPLY_REQUEST_APPROVED:
		return "request-approved";
	case WARDEN_REPLY_RECEIVED:
		return "received";
	}
	return "unknown";
}
