/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pieces of `warden config create`: the ACPI tables and the PCI devices of
 * the running machine, read under a root directory ("" or a test tree).
 */
#ifndef WARDEN_TOOLS_CONFIG_CREATE_H
#define WARDEN_TOOLS_CONFIG_CREATE_H

#include "config_model.h"

/*
 * config_acpi.c: MADT (IOAPICs), MCFG (MMCONFIG), FACP (PM timer), DMAR and
 * IVRS (IOMMU units) from /sys/firmware/acpi/tables into system. Tables that
 * are absent are skipped; malformed ones are reported. Returns the number of
 * errors.
 */
int acpi_read_platform(const char *root, struct system_model *system);

/*
 * config_create_pci.c: every device of /sys/bus/pci/devices into the root
 * cell (with MSI/MSI-X capabilities and BAR masks), and each memory BAR as an
 * I/O region. Returns the number of errors.
 */
int pci_read_devices(const char *root, struct system_model *system);

#endif /* WARDEN_TOOLS_CONFIG_CREATE_H */
