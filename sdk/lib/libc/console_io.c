// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * File-descriptor calls for newlib's stdio: descriptors 0, 1 and 2 are the
 * console, a character device (so stdio line-buffers them); there is no
 * file system, so no other descriptor exists (EBADF).
 * write(1|2): the SDK console, atomic against other CPUs per call.
 * read(0): what the console UART has received, never waiting (docs/libc.md,
 * "Input"): 0 bytes ready is -1 with EAGAIN; no UART at all is end of file.
 */
#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include <inmate/console.h>
#include "libc_internal.h"

static int is_console(int fd)
{
	return fd >= STDIN_FILENO && fd <= STDERR_FILENO;
}

static int bad_descriptor(void)
{
	errno = EBADF;
	return -1;
}

/* newlib declares read/write returning _READ_WRITE_RETURN_TYPE (int here):
 * a longer write is a partial one, as on any POSIX system. */
_READ_WRITE_RETURN_TYPE write(int fd, const void *buffer, size_t length)
{
	if (fd != STDOUT_FILENO && fd != STDERR_FILENO)
		return bad_descriptor();
	if (length > INT_MAX)
		length = INT_MAX;
	console_write(buffer, length);
	return (_READ_WRITE_RETURN_TYPE)length;
}

_READ_WRITE_RETURN_TYPE read(int fd, void *buffer, size_t length)
{
	ssize_t count;

	if (fd != STDIN_FILENO)
		return bad_descriptor();
	if (length == 0)
		return 0;
	if (length > INT_MAX)
		length = INT_MAX;
	count = arch_console_read_nonblocking(buffer, length);
	if (count < 0)
		return 0;
	if (count == 0) {
		errno = EAGAIN;
		return -1;
	}
	return (_READ_WRITE_RETURN_TYPE)count;
}

int close(int fd)
{
	return is_console(fd) ? 0 : bad_descriptor();
}

off_t lseek(int fd, off_t offset, int whence)
{
	(void)offset;
	(void)whence;
	if (!is_console(fd))
		return bad_descriptor();
	errno = ESPIPE;
	return -1;
}

int fstat(int fd, struct stat *st)
{
	if (!is_console(fd))
		return bad_descriptor();
	*st = (struct stat){ .st_mode = S_IFCHR | 0620 };
	return 0;
}

int isatty(int fd)
{
	if (is_console(fd))
		return 1;
	errno = EBADF;
	return 0;
}
