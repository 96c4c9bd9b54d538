/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Error codes returned (negated) by SDK functions. */
#ifndef INMATE_ERRORS_H
#define INMATE_ERRORS_H

#define SDK_OK			0
#define SDK_EINVAL		1	/* invalid argument */
#define SDK_ENOTSUP		2	/* not supported by this CPU/platform */
#define SDK_ENOENT		3	/* not found */
#define SDK_ENOMEM		4	/* out of memory */
#define SDK_ETIMEDOUT		5	/* did not happen in time */
#define SDK_EBUSY		6	/* already in use */
#define SDK_ERANGE		7	/* value out of range */

/* Text for an SDK error code (positive or negative). */
const char *sdk_strerror(int error);

#endif /* INMATE_ERRORS_H */
