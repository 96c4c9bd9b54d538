/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Fixed-width integer types for the Warden ABI headers.
 *
 * The headers in include/warden/ are compiled in three worlds: the Linux
 * kernel module (driver/), host user space (tools/, unit tests) and
 * freestanding code (hypervisor, SDK, inmates). All of them see the same
 * names __u8/__u16/__u32/__u64 (and the signed __s*), with the same
 * underlying C types as the Linux UAPI uses (64-bit = unsigned long long),
 * so that a structure has one layout and printf formats are the same
 * ("%llx" for __u64) everywhere.
 */
#ifndef WARDEN_TYPES_H
#define WARDEN_TYPES_H

#if defined(__KERNEL__)
#include <linux/types.h>
#elif defined(__linux__) && defined(__STDC_HOSTED__) && __STDC_HOSTED__
/* Host user space on Linux: the UAPI header, shared with ioctl definitions. */
#include <linux/types.h>
#elif !defined(WARDEN_HAVE_UAPI_TYPES)
#define WARDEN_HAVE_UAPI_TYPES
/* Freestanding: the same definitions as asm-generic/int-ll64.h. */
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;
#endif

_Static_assert(sizeof(__u8) == 1, "__u8 must be 1 byte");
_Static_assert(sizeof(__u16) == 2, "__u16 must be 2 bytes");
_Static_assert(sizeof(__u32) == 4, "__u32 must be 4 bytes");
_Static_assert(sizeof(__u64) == 8, "__u64 must be 8 bytes");

#endif /* WARDEN_TYPES_H */
