/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The comm region (include/warden/comm_region.h, docs/cell-abi.md): cell
 * state and the message protocol with the hypervisor, usable from a control
 * loop without blocking: poll once per cycle, reply when ready.
 */
#ifndef INMATE_COMM_H
#define INMATE_COMM_H

#include <stdbool.h>
#include <stdint.h>
#include <warden/comm_region.h>

struct warden_comm_region *comm_region(void);

/* Pending message (WARDEN_MSG_*), WARDEN_MSG_NONE if none. Never blocks. */
uint32_t comm_poll_message(void);

/* Answer the pending message with WARDEN_REPLY_* (clears the message). */
void comm_reply(uint32_t reply);

/* Cell state (WARDEN_CELL_*). */
uint32_t comm_get_state(void);
void comm_set_state(uint32_t state);

/* Handle the usual messages in one call: a shutdown request is approved
 * (returns true: the caller should stop) unless deny_shutdown is set, in
 * which case it is denied; reconfiguration is acknowledged. */
bool comm_service_messages(bool deny_shutdown);

/* Bare mode only (no hypervisor): post a message as the hypervisor would,
 * so that message handling can be tested. -SDK_ENOTSUP in a cell. */
int comm_bare_post_message(uint32_t message);

/* Name of a state / message / reply code, for printing. */
const char *comm_state_name(uint32_t state);
const char *comm_message_name(uint32_t message);
const char *comm_reply_name(uint32_t reply);

#endif /* INMATE_COMM_H */
