// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Path calls: an inmate has no file system, so every path names nothing
 * (ENOENT); fopen() and remove() fail cleanly instead of failing to link.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int no_such_file(void)
{
	errno = ENOENT;
	return -1;
}

int open(const char *path, int flags, ...)
{
	(void)path;
	(void)flags;
	return no_such_file();
}

int stat(const char *path, struct stat *st)
{
	(void)path;
	(void)st;
	return no_such_file();
}

int link(const char *existing, const char *new_path)
{
	(void)existing;
	(void)new_path;
	return no_such_file();
}

int unlink(const char *path)
{
	(void)path;
	return no_such_file();
}
