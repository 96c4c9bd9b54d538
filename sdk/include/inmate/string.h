/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* String and memory functions (the compiler may also call mem* itself). */
#ifndef INMATE_STRING_H
#define INMATE_STRING_H

#include <stddef.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
/* Copies at most size - 1 characters and terminates; returns strlen(src). */
size_t strlcpy(char *dest, const char *src, size_t size);

#endif /* INMATE_STRING_H */
