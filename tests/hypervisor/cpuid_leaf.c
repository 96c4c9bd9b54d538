// SPDX-License-Identifier: GPL-2.0-only
/*
 * cpuid-leaf: prints the hypervisor signature leaf 0x40000000 as seen from
 * user space on the current CPU. Exit 0 when it is Warden's, 1 otherwise.
 */
#include <stdio.h>
#include <string.h>

int main(void)
{
	unsigned int eax, ebx, ecx, edx;
	char signature[13];

	__asm__ volatile("cpuid" : "=a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx)
			 : "a"(0x40000000), "c"(0));
	memcpy(signature, &ebx, 4);
	memcpy(signature + 4, &ecx, 4);
	memcpy(signature + 8, &edx, 4);
	signature[12] = 0;
	for (int i = 0; i < 12; i++)
		if (signature[i] < 0x20 || signature[i] > 0x7e)
			signature[i] = '.';
	printf("leaf 0x40000000: eax=%#x signature '%s'\n", eax, signature);
	return strcmp(signature, "WardenHypvsr") ? 1 : 0;
}
