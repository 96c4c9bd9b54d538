// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * MSI and MSI-X (PCI local bus spec 3.0, 6.8.1 and 6.8.2) with the x86
 * message format (Intel SDM vol. 3A, 10.11): address 0xfee00000 |
 * destination APIC ID << 12 (physical mode), data = vector (fixed, edge).
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>

#define MSI_ADDRESS_BASE	0xfee00000u
#define MSI_CONTROL		2
#define MSI_ADDRESS_LOW		4
#define MSI_CONTROL_ENABLE	0x0001
#define MSI_CONTROL_64BIT	0x0080
#define MSI_CONTROL_MME_MASK	0x0070	/* multiple message enable */
#define MSIX_CONTROL		2
#define MSIX_TABLE		4
#define MSIX_CONTROL_SIZE	0x07ff
#define MSIX_CONTROL_MASKALL	0x4000
#define MSIX_CONTROL_ENABLE	0x8000
#define MSIX_ENTRY_SIZE		16
#define MSIX_VECTOR_MASKED	0x1
#define PCI_BAR_IO		0x1
#define PCI_BAR_64BIT		0x4

static int check_target(uint32_t apic_id, unsigned int vector)
{
	if (apic_id > 0xff || vector < IRQ_VECTOR_FIRST || vector > IRQ_VECTOR_LAST)
		return -SDK_EINVAL;
	return 0;
}

static void enable_bus_master(uint16_t bdf)
{
	uint32_t command = pci_read_config(bdf, PCI_CFG_COMMAND, 2);

	pci_write_config(bdf, PCI_CFG_COMMAND,
			 command | PCI_CMD_MASTER | PCI_CMD_MEMORY | PCI_CMD_INTX_OFF, 2);
}

int pci_msi_enable(uint16_t bdf, uint32_t apic_id, unsigned int vector)
{
	int cap = pci_find_capability(bdf, PCI_CAP_ID_MSI), err = check_target(apic_id, vector);
	uint32_t control;
	unsigned int data_reg;

	if (err)
		return err;
	if (cap < 0)
		return cap;
	control = pci_read_config(bdf, cap + MSI_CONTROL, 2);
	data_reg = cap + ((control & MSI_CONTROL_64BIT) ? 12 : 8);
	pci_write_config(bdf, cap + MSI_ADDRESS_LOW, MSI_ADDRESS_BASE | (apic_id << 12), 4);
	if (control & MSI_CONTROL_64BIT)
		pci_write_config(bdf, cap + MSI_ADDRESS_LOW + 4, 0, 4);
	pci_write_config(bdf, data_reg, vector, 2);
	control = (control & ~MSI_CONTROL_MME_MASK) | MSI_CONTROL_ENABLE;
	pci_write_config(bdf, cap + MSI_CONTROL, control, 2);
	enable_bus_master(bdf);
	return 0;
}

static uint64_t bar_address(uint16_t bdf, unsigned int bar)
{
	unsigned int reg = PCI_CFG_BAR0 + 4 * bar;
	uint32_t low = pci_read_config(bdf, reg, 4);
	uint64_t address = low & ~0xfu;

	if (low & PCI_BAR_IO)
		return 0;
	if (low & PCI_BAR_64BIT)
		address |= (uint64_t)pci_read_config(bdf, reg + 4, 4) << 32;
	return address;
}

int pci_msix_enable(uint16_t bdf, unsigned int entry, uint32_t apic_id, unsigned int vector)
{
	int cap = pci_find_capability(bdf, PCI_CAP_ID_MSIX), err = check_target(apic_id, vector);
	uint32_t control, table;
	uint64_t address;

	if (err)
		return err;
	if (cap < 0)
		return cap;
	control = pci_read_config(bdf, cap + MSIX_CONTROL, 2);
	if (entry > (control & MSIX_CONTROL_SIZE))
		return -SDK_ERANGE;
	table = pci_read_config(bdf, cap + MSIX_TABLE, 4);
	address = bar_address(bdf, table & 0x7);
	if (!address || address >= 0x100000000ull)
		return -SDK_ENOTSUP;	/* unassigned, or outside the identity map */
	address += (table & ~0x7u) + entry * MSIX_ENTRY_SIZE;
	pci_write_config(bdf, cap + MSIX_CONTROL, control | MSIX_CONTROL_MASKALL, 2);
	enable_bus_master(bdf);
	mmio_write32(address + 0, MSI_ADDRESS_BASE | (apic_id << 12));
	mmio_write32(address + 4, 0);
	mmio_write32(address + 8, vector);
	mmio_write32(address + 12, 0);		/* unmask the entry */
	control = (control | MSIX_CONTROL_ENABLE) & ~MSIX_CONTROL_MASKALL;
	pci_write_config(bdf, cap + MSIX_CONTROL, control, 2);
	return 0;
}
