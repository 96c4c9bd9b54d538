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

/* A cell config to create a cell from; the ioctl returns the new cell's id. */
struct warden_cell_create_request {
	__u64 config_address;		/* user pointer to the cell config */
	__u32 config_size;
	__u32 message_size;
	__u64 message_address;
};

/* A request about one cell: destroy, start, shutdown. */
struct warden_cell_id_request {
	__u32 id;			/* from /sys/devices/warden/cells */
	__u32 message_size;
	__u64 message_address;
};

/* Copies an image into a cell's loadable memory, at a guest-physical address of the cell. */
struct warden_cell_load_request {
	__u64 image_address;		/* user pointer */
	__u64 load_address;		/* guest-physical, in one loadable region */
	__u32 id;
	__u32 image_size;
	__u32 reserved;
	__u32 message_size;
	__u64 message_address;
};

#define WARDEN_IOCTL_ENABLE		_IOW('W', 0, struct warden_enable_request)
#define WARDEN_IOCTL_DISABLE		_IOW('W', 1, struct warden_disable_request)
#define WARDEN_IOCTL_CELL_CREATE	_IOW('W', 2, struct warden_cell_create_request)
#define WARDEN_IOCTL_CELL_DESTROY	_IOW('W', 3, struct warden_cell_id_request)
#define WARDEN_IOCTL_CELL_LOAD		_IOW('W', 4, struct warden_cell_load_request)
#define WARDEN_IOCTL_CELL_START		_IOW('W', 5, struct warden_cell_id_request)
#define WARDEN_IOCTL_CELL_SHUTDOWN	_IOW('W', 6, struct warden_cell_id_request)

_Static_assert(sizeof(struct warden_enable_request) == 24, "warden_enable_request size");
_Static_assert(sizeof(struct warden_disable_request) == 16, "warden_disable_request size");
_Static_assert(sizeof(struct warden_cell_create_request) == 24, "warden_cell_create_request size");
_Static_assert(sizeof(struct warden_cell_id_request) == 16, "warden_cell_id_request size");
/* The driver finds the message buffer at the same place from the end of each. */
#define WARDEN_IOCTL_ASSERT_MESSAGE(type) \
	_Static_assert(__builtin_offsetof(struct type, message_size) == sizeof(struct type) - 12 && \
		       __builtin_offsetof(struct type, message_address) == sizeof(struct type) - 8, \
		       #type ": message buffer last")
WARDEN_IOCTL_ASSERT_MESSAGE(warden_enable_request);
WARDEN_IOCTL_ASSERT_MESSAGE(warden_disable_request);
WARDEN_IOCTL_ASSERT_MESSAGE(warden_cell_create_request);
WARDEN_IOCTL_ASSERT_MESSAGE(warden_cell_id_request);
WARDEN_IOCTL_ASSERT_MESSAGE(warden_cell_load_request);
_Static_assert(sizeof(struct warden_cell_load_request) == 40, "warden_cell_load_request size");

#endif /* WARDEN_DRIVER_IOCTL_H */
