/* SPDX-License-Identifier: GPL-2.0-only */
/* The few string functions the compiler and the hypervisor need. */
#ifndef WARDEN_HV_STRING_H
#define WARDEN_HV_STRING_H

#include <hv/types.h>

void *memset(void *dest, int c, size_t n);
void *memcpy(void *dest, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif /* WARDEN_HV_STRING_H */
