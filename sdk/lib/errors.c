// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
#include <inmate/errors.h>

const char *sdk_strerror(int error)
{
	static const char *const texts[] = {
		[SDK_OK] = "success",
		[SDK_EINVAL] = "invalid argument",
		[SDK_ENOTSUP] = "not supported",
		[SDK_ENOENT] = "not found",
		[SDK_ENOMEM] = "out of memory",
		[SDK_ETIMEDOUT] = "timed out",
		[SDK_EBUSY] = "busy",
		[SDK_ERANGE] = "out of range",
	};

	if (error < 0)
		error = -error;
	if ((unsigned int)error < sizeof(texts) / sizeof(texts[0]) && texts[error])
		return texts[error];
	return "unknown error";
}
