// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* PCI device search and capability walk (PCI local bus spec 3.0, 6.7). */
#include <inmate/inmate.h>

#define CAP_WALK_LIMIT 48	/* a looping list stops here */

int pci_find_device(uint16_t vendor, uint16_t device, uint16_t *bdf)
{
	uint32_t bdf_next, id;

	for (bdf_next = *bdf; bdf_next <= 0xffff; bdf_next++) {
		id = pci_read_config((uint16_t)bdf_next, PCI_CFG_VENDOR_ID, 4);
		if ((id & 0xffff) == 0xffff)
			continue;
		if ((vendor == 0xffff || (id & 0xffff) == vendor) &&
		    (device == 0xffff || (id >> 16) == device)) {
			*bdf = (uint16_t)bdf_next;
			return 0;
		}
	}
	return -SDK_ENOENT;
}

int pci_find_capability(uint16_t bdf, uint8_t id)
{
	unsigned int pointer, steps;

	if (!(pci_read_config(bdf, PCI_CFG_STATUS, 2) & PCI_STATUS_CAP_LIST))
		return -SDK_ENOENT;
	pointer = pci_read_config(bdf, PCI_CFG_CAP_PTR, 1) & 0xfc;
	for (steps = 0; pointer && steps < CAP_WALK_LIMIT; steps++) {
		if (pci_read_config(bdf, pointer, 1) == id)
			return (int)pointer;
		pointer = pci_read_config(bdf, pointer + 1, 1) & 0xfc;
	}
	return -SDK_ENOENT;
}
