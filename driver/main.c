// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Warden driver: /dev/warden (ENABLE and DISABLE ioctls, read() gives
 * the hypervisor console), /sys/devices/warden, and a reboot notifier that
 * hands the CPUs back before the machine restarts.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/reboot.h>
#include <linux/uaccess.h>
#include "warden.h"

DEFINE_MUTEX(warden_lock);
bool warden_enabled;
struct device *warden_device;

int warden_enable_init(void);

int warden_refuse(struct warden_message *message, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message->text, sizeof(message->text), fmt, ap);
	va_end(ap);
	pr_err("warden: %s\n", message->text);
	return error;
}

static int reply(u64 address, u32 size, const struct warden_message *message)
{
	size_t length = min_t(size_t, strlen(message->text) + 1, size);

	if (!size || !length)
		return 0;
	if (copy_to_user(u64_to_user_ptr(address), message->text, length))
		return -EFAULT;
	return 0;
}

/* Every request ends with the caller's message buffer (driver_ioctl.h). */
static long ioctl_call(void __user *argument, unsigned int command)
{
	union {
		struct warden_enable_request enable;
		struct warden_disable_request disable;
		struct warden_cell_create_request create;
		struct warden_cell_id_request cell;
		struct warden_cell_load_request load;
	} request;
	struct warden_message message = { "" };
	size_t size = _IOC_SIZE(command);
	u64 address;
	u32 length;
	long error;

	if (size > sizeof(request) || copy_from_user(&request, argument, size))
		return -EFAULT;
	mutex_lock(&warden_lock);
	switch (command) {
	case WARDEN_IOCTL_ENABLE:
		error = warden_enable(u64_to_user_ptr(request.enable.config_address),
				      request.enable.config_size, &message);
		break;
	case WARDEN_IOCTL_DISABLE:
		error = warden_disable(&message);
		break;
	case WARDEN_IOCTL_CELL_CREATE:
		error = warden_cell_create(u64_to_user_ptr(request.create.config_address),
					   request.create.config_size, &message);
		break;
	case WARDEN_IOCTL_CELL_DESTROY:
		error = warden_cell_destroy(request.cell.id, &message);
		break;
	case WARDEN_IOCTL_CELL_LOAD:
		error = warden_cell_load(request.load.id, u64_to_user_ptr(request.load.image_address),
					 request.load.image_size, request.load.load_address,
					 &message);
		break;
	case WARDEN_IOCTL_CELL_SHUTDOWN:
		error = warden_cell_shutdown(request.cell.id, &message);
		break;
	default:
		error = warden_cell_start(request.cell.id, &message);
		break;
	}
	mutex_unlock(&warden_lock);
	/* message_size and message_address end every request. */
	memcpy(&length, (u8 *)&request + size - 12, sizeof(length));
	memcpy(&address, (u8 *)&request + size - 8, sizeof(address));
	if (error < 0 && reply(address, length, &message))
		return -EFAULT;
	return error;
}

static long warden_ioctl(struct file *file, unsigned int command, unsigned long argument)
{
	switch (command) {
	case WARDEN_IOCTL_ENABLE:
	case WARDEN_IOCTL_DISABLE:
	case WARDEN_IOCTL_CELL_CREATE:
	case WARDEN_IOCTL_CELL_DESTROY:
	case WARDEN_IOCTL_CELL_LOAD:
	case WARDEN_IOCTL_CELL_START:
	case WARDEN_IOCTL_CELL_SHUTDOWN:
		return ioctl_call((void __user *)argument, command);
	default:
		return -ENOTTY;
	}
}

/* The hypervisor console, from the oldest byte still kept; 0 at its end. */
static ssize_t warden_read(struct file *file, char __user *buffer, size_t size, loff_t *offset)
{
	char chunk[256];
	u64 position = *offset;
	ssize_t length;

	mutex_lock(&warden_lock);
	length = warden_console_read(chunk, min(size, sizeof(chunk)), &position);
	mutex_unlock(&warden_lock);
	if (length > 0 && copy_to_user(buffer, chunk, length))
		return -EFAULT;
	*offset = position;
	return length;
}

static const struct file_operations warden_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = warden_ioctl,
	.read = warden_read,
	.llseek = noop_llseek,
};

static struct miscdevice warden_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "warden",
	.fops = &warden_fops,
};

static int warden_reboot(struct notifier_block *block, unsigned long action, void *data)
{
	struct warden_message message;

	mutex_lock(&warden_lock);
	if (warden_enabled)
		warden_disable(&message);
	mutex_unlock(&warden_lock);
	return NOTIFY_DONE;
}

static struct notifier_block warden_reboot_notifier = {
	.notifier_call = warden_reboot,
};

static int __init warden_init(void)
{
	int error = warden_enable_init();

	if (error)
		return error;
	error = misc_register(&warden_misc);
	if (error)
		goto free_enable;
	warden_device = warden_misc.this_device;
	error = warden_sysfs_init();
	if (error)
		goto deregister;
	register_reboot_notifier(&warden_reboot_notifier);
	warden_test_hooks_init();
	return 0;
deregister:
	misc_deregister(&warden_misc);
free_enable:
	warden_enable_exit();
	return error;
}

static void __exit warden_exit(void)
{
	struct warden_message message;

	unregister_reboot_notifier(&warden_reboot_notifier);
	mutex_lock(&warden_lock);
	if (warden_enabled)
		warden_disable(&message);
	mutex_unlock(&warden_lock);
	warden_sysfs_exit();
	misc_deregister(&warden_misc);
	warden_enable_exit();
}

module_init(warden_init);
module_exit(warden_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Warden partitioning hypervisor driver");
MODULE_FIRMWARE("warden-hypervisor.bin");
