// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * PCI configuration access: MMCONFIG (PCI Express base spec, 7.2.2: bus << 20
 * | device << 15 | function << 12 | register) where the platform reports a
 * base, else configuration mechanism #1 (address to port 0xcf8, data at
 * 0xcfc + (register & 3); PCI local bus spec 3.0, 3.2.2.3.2). Command line
 * "pci=port" forces the ports.
 */
#include <inmate/inmate.h>
#include <inmate/arch/x86.h>

#define PCI_CONFIG_ADDRESS	0xcf8
#define PCI_CONFIG_DATA		0xcfc
#define PCI_CONFIG_ENABLE	0x80000000u

static bool valid_access(unsigned int reg, unsigned int size)
{
	return (size == 1 || size == 2 || size == 4) && (reg & (size - 1)) == 0 && reg < 4096;
}

static uint64_t mmconfig_base(void)
{
	static int force_port = -1;
	char method[16] = "";

	if (force_port < 0) {
		cmdline_get_string("pci", method, sizeof(method));
		force_port = strcmp(method, "port") == 0;
	}
	return force_port ? 0 : platform_mmconfig_base();
}

const char *pci_access_method(void)
{
	return mmconfig_base() ? "mmconfig" : "port";
}

/* MMCONFIG address of the register, or 0 after selecting it through port
 * 0xcf8 (returns UINT64_MAX when neither can reach it). */
static uint64_t select_register(uint16_t bdf, unsigned int reg, unsigned int size)
{
	uint64_t base = mmconfig_base();

	if (!valid_access(reg, size))
		return UINT64_MAX;
	if (base)
		return base + ((uint64_t)bdf << 12) + reg;
	/* Cells do not get ports 0xcf8-0xcff: touching them would fail the cell. */
	if (reg >= 256 || !platform_is_bare())
		return UINT64_MAX;
	outl(PCI_CONFIG_ADDRESS, PCI_CONFIG_ENABLE | ((uint32_t)bdf << 8) | (reg & 0xfc));
	return 0;
}

uint32_t pci_read_config(uint16_t bdf, unsigned int reg, unsigned int size)
{
	uint64_t address = select_register(bdf, reg, size);
	uint16_t port = PCI_CONFIG_DATA + (reg & 3);

	if (address == UINT64_MAX)
		return 0xffffffff;
	if (address)
		return size == 1 ? mmio_read8(address) :
		       size == 2 ? mmio_read16(address) : mmio_read32(address);
	return size == 1 ? inb(port) : size == 2 ? inw(port) : inl(port);
}

void pci_write_config(uint16_t bdf, unsigned int reg, uint32_t value, unsigned int size)
{
	uint64_t address = select_register(bdf, reg, size);
	uint16_t port = PCI_CONFIG_DATA + (reg & 3);

	if (address == UINT64_MAX)
		return;
	if (address && size == 1)
		mmio_write8(address, (uint8_t)value);
	else if (address && size == 2)
		mmio_write16(address, (uint16_t)value);
	else if (address)
		mmio_write32(address, value);
	else if (size == 1)
		outb(port, (uint8_t)value);
	else if (size == 2)
		outw(port, (uint16_t)value);
	else
		outl(port, value);
}
