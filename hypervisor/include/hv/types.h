/* SPDX-License-Identifier: GPL-2.0-only */
/* Short type names for hypervisor code. */
#ifndef WARDEN_HV_TYPES_H
#define WARDEN_HV_TYPES_H

#include <warden/types.h>

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s64 s64;
typedef unsigned long size_t;
typedef _Bool bool;

#define true	1
#define false	0
#define NULL	((void *)0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)	(((x) + (a) - 1) & ~((__typeof__(x))(a) - 1))
#define offsetof(t, m)	__builtin_offsetof(t, m)
#define __aligned(n)	__attribute__((aligned(n)))
#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))

/* Linux's errno values: the hypercall ABI returns them negated. */
#define EPERM	1
#define ENOENT	2
#define EIO	5
#define E2BIG	7
#define EFAULT	14
#define ENOMEM	12
#define EBUSY	16
#define EEXIST	17
#define EINVAL	22
#define ERANGE	34
#define ENOSYS	38
#define ETIMEDOUT	110

#endif /* WARDEN_HV_TYPES_H */
