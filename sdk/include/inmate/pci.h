/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * PCI configuration space (MMCONFIG when the platform has it, else the
 * CF8/CFC ports), capability walk, MSI and MSI-X. Devices are named by
 * bus/device/function: PCI_BDF(bus, dev, fn).
 */
#ifndef INMATE_PCI_H
#define INMATE_PCI_H

#include <stdint.h>

#define PCI_BDF(bus, dev, fn)	((uint16_t)(((bus) << 8) | ((dev) << 3) | (fn)))
#define PCI_BDF_BUS(bdf)	((bdf) >> 8)
#define PCI_BDF_DEV(bdf)	(((bdf) >> 3) & 0x1f)
#define PCI_BDF_FN(bdf)		((bdf) & 0x7)

#define PCI_CFG_VENDOR_ID	0x00
#define PCI_CFG_DEVICE_ID	0x02
#define PCI_CFG_COMMAND		0x04
#define PCI_CFG_STATUS		0x06
#define PCI_CFG_CLASS_REV	0x08
#define PCI_CFG_BAR0		0x10
#define PCI_CFG_CAP_PTR		0x34

#define PCI_CMD_MEMORY		0x0002
#define PCI_CMD_MASTER		0x0004
#define PCI_CMD_INTX_OFF	0x0400
#define PCI_STATUS_CAP_LIST	0x0010

#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_MSIX		0x11

/* size: 1, 2 or 4 bytes; reg aligned to size. 0xffffffff when absent. */
uint32_t pci_read_config(uint16_t bdf, unsigned int reg, unsigned int size);
void pci_write_config(uint16_t bdf, unsigned int reg, uint32_t value, unsigned int size);
const char *pci_access_method(void);	/* "mmconfig" or "port" */

/* Next function at or after *bdf with vendor/device (0xffff: any);
 * returns 0 and updates *bdf, or -SDK_ENOENT. */
int pci_find_device(uint16_t vendor, uint16_t device, uint16_t *bdf);

/* Config-space offset of capability id, or -SDK_ENOENT. */
int pci_find_capability(uint16_t bdf, uint8_t id);

/* Point MSI / MSI-X table entry at a vector on a CPU (by APIC ID), enable
 * it and bus mastering, disable INTx. */
int pci_msi_enable(uint16_t bdf, uint32_t apic_id, unsigned int vector);
int pci_msix_enable(uint16_t bdf, unsigned int entry, uint32_t apic_id, unsigned int vector);

#endif /* INMATE_PCI_H */
