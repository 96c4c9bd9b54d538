/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * /dev/warden: the driver's interface to the `warden` command.
 *
 * Every request carries a message buffer: when the driver refuses, it writes
 * a readable reason there (NUL-terminated) besides returning an errno.
 */
#ifndef WARDEN_DRIVER_IOCTL_H
#define WARDEN_DRIVER_IOCTL_H

#include <warden/types.h>
#ifdef __KERNEL__
#include <linux/ioctl.h>
#else
#include <sys/ioctl.h>
#endif

#define WARDEN_DEVICE			"/dev/warden"
#define WARDEN_MESSAGE_SIZE		256

struct warden_enable_request {
	__u64 config_address;		/* user pointer to the system config */
	__u32 config_size;
	__u32 message_size;		/* bytes at message_address */
	__u64 message_address;		/* user pointer: the reason of a refusal */
};

struct warden_disable_request {
	__u32 reserved;
	__u32 message_size;
	__u64 message_address;
};

#define WARDEN_IOCTL_ENABLE	_IOW('W', 0, struct warden_enable_request)
#define WARDEN_IOCTL_DISABLE	_IOW('W', 1, struct warden_disable_request)

_Static_assert(sizeof(struct warden_enable_request) == 24, "warden_enable_request size");
_Static_assert(sizeof(struct warden_disable_request) == 16, "warden_disable_request size");

#endif /* WARDEN_DRIVER_IOCTL_H */
