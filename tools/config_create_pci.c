// SPDX-License-Identifier: GPL-2.0-only
/*
 * PCI devices of the running machine for `warden config create`: from
 * /sys/bus/pci/devices/DEVICE/: class, config space (capabilities; PCI Local Bus
 * spec 3.0, 6.7 and 6.8) and resource (BARs).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_create.h"
#include "config_proc.h"

/* include/linux/ioport.h resource flags as sysfs "resource" prints them. */
#define IORESOURCE_IO		0x00000100ULL
#define IORESOURCE_MEM		0x00000200ULL
#define IORESOURCE_MEM_64	0x00100000ULL

#define PCI_STATUS_CAP_LIST	0x10
#define PCI_CAP_ID_PM		0x01
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_EXP		0x10
#define PCI_CAP_ID_MSIX		0x11

struct bar {
	__u64 start, end, flags;
};

static unsigned int get16(const unsigned char *p)
{
	return p[0] | p[1] << 8;
}

static unsigned int get32(const unsigned char *p)
{
	return get16(p) | (unsigned int)get16(p + 2) << 16;
}

static int read_bars(const char *root, const char *name, struct bar *bars)
{
	char path[512], line[128];
	FILE *file;
	int i;

	snprintf(path, sizeof(path), "%s/sys/bus/pci/devices/%s/resource", root, name);
	file = fopen(path, "r");
	if (!file) {
		fprintf(stderr, "warden: cannot read '%s'\n", path);
		return -1;
	}
	memset(bars, 0, 6 * sizeof(*bars));
	for (i = 0; i < 6 && fgets(line, sizeof(line), file); i++)
		if (sscanf(line, "%llx %llx %llx", &bars[i].start, &bars[i].end,
			   &bars[i].flags) != 3)
			break;
	fclose(file);
	return 0;
}

static int add_region(struct cell_model *root, __u64 start, __u64 size, __u64 flags)
{
	struct warden_memory_region *r;
	__u64 end = (start + size + 0xfff) & ~0xfffULL;

	if (root->region_count == MODEL_MAX_REGIONS) {
		fprintf(stderr, "warden: more than %d memory regions\n", MODEL_MAX_REGIONS);
		return -1;
	}
	r = &root->regions[root->region_count++];
	r->phys_start = r->virt_start = start & ~0xfffULL;
	r->size = end - r->phys_start;
	r->flags = flags;
	return 0;
}

/* BAR masks (from the BAR sizes) and the memory BARs as root I/O regions. */
static int use_bars(struct cell_model *root, struct warden_pci_device *dev,
		    const struct bar *bars)
{
	__u64 size, mask;
	int i;

	for (i = 0; i < 6; i++) {
		if (!bars[i].end || bars[i].end < bars[i].start)
			continue;
		size = bars[i].end - bars[i].start + 1;
		mask = ~(size - 1);
		if (bars[i].flags & IORESOURCE_IO) {
			dev->bar_mask[i] = (__u32)mask & 0xfffffffc;
			continue;
		}
		if (!(bars[i].flags & IORESOURCE_MEM))
			continue;
		dev->bar_mask[i] = (__u32)mask & 0xfffffff0;
		if ((bars[i].flags & IORESOURCE_MEM_64) && i < 5)
			dev->bar_mask[i + 1] = (__u32)(mask >> 32);
		if (add_region(root, bars[i].start, size,
			       WARDEN_MEM_READ | WARDEN_MEM_WRITE | WARDEN_MEM_IO))
			return -1;
		if (bars[i].flags & IORESOURCE_MEM_64)
			i++;
	}
	return 0;
}

static int add_capability(struct cell_model *root, __u16 id, __u16 start, __u16 length,
			  __u16 flags)
{
	struct warden_pci_capability *cap;

	if (root->cap_count == MODEL_MAX_CAPS) {
		fprintf(stderr, "warden: more than %d PCI capabilities\n", MODEL_MAX_CAPS);
		return -1;
	}
	cap = &root->caps[root->cap_count++];
	cap->id = id;
	cap->start = start;
	cap->length = length;
	cap->flags = flags;
	return 0;
}

static int read_capabilities(struct cell_model *root, struct warden_pci_device *dev,
			     const unsigned char *config, size_t size, const struct bar *bars)
{
	unsigned int at, id, control, length, steps, table;
	__u16 flags;

	if (size < 0x40 || !(get16(config + 6) & PCI_STATUS_CAP_LIST))
		return 0;
	dev->caps_start = (__u16)root->cap_count;
	at = config[0x34] & 0xfc;
	for (steps = 0; at >= 0x40 && at + 4 <= size && steps < 48; steps++) {
		id = config[at];
		control = get16(config + at + 2);
		length = 2;
		flags = 0;
		if (id == PCI_CAP_ID_MSI) {
			dev->msi_vectors = (__u16)(1U << ((control >> 1) & 7));
			dev->flags |= (control & 0x80 ? WARDEN_PCI_MSI_64BIT : 0) |
				(control & 0x100 ? WARDEN_PCI_MSI_MASKABLE : 0);
			length = 10 + (control & 0x80 ? 4 : 0) + (control & 0x100 ? 10 : 0);
			flags = WARDEN_PCI_CAP_WRITE;
		} else if (id == PCI_CAP_ID_MSIX && at + 8 <= size) {
			dev->msix_vectors = (__u16)((control & 0x7ff) + 1);
			table = get32(config + at + 4);
			dev->msix_address = bars[table & 7].start + (table & ~7U);
			length = 12;
			flags = WARDEN_PCI_CAP_WRITE;
		} else if (id == PCI_CAP_ID_PM) {
			length = 8;
			flags = WARDEN_PCI_CAP_WRITE;
		} else if (id == PCI_CAP_ID_EXP) {
			length = 60;
		}
		if (at + length > 0x100)
			length = 0x100 - at;
		if (add_capability(root, (__u16)id, (__u16)at, (__u16)length, flags))
			return -1;
		at = config[at + 1] & 0xfc;
	}
	dev->caps_count = (__u16)(root->cap_count - dev->caps_start);
	if (!dev->caps_count)
		dev->caps_start = 0;
	return 0;
}

static int read_device(const char *root_dir, const char *name, struct system_model *system)
{
	struct cell_model *root = &system->root;
	struct warden_pci_device *dev;
	unsigned int domain, bus, device, function;
	char path[512], text[32];
	struct bar bars[6];
	void *config = NULL;
	size_t size = 0;
	int result;

	if (sscanf(name, "%x:%x:%x.%x", &domain, &bus, &device, &function) != 4)
		return 0;
	if (root->pci_count == MODEL_MAX_PCI) {
		fprintf(stderr, "warden: more than %d PCI devices\n", MODEL_MAX_PCI);
		return 1;
	}
	dev = &root->pci[root->pci_count++];
	dev->domain = (__u16)domain;
	dev->bdf = (__u16)(bus << 8 | device << 3 | function);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/class", name);
	dev->type = !text_read(root_dir, path, text, sizeof(text)) &&
		(strtoul(text, NULL, 16) >> 8) == 0x0604 ?
		WARDEN_PCI_TYPE_BRIDGE : WARDEN_PCI_TYPE_DEVICE;
	/* Which unit translates which device is in the DMAR/IVRS scopes; the
	 * first unit covers everything on the machines we know (INCLUDE_PCI_ALL). */
	dev->iommu = system->iommu_count ? 0 : WARDEN_PCI_NO_IOMMU;
	if (read_bars(root_dir, name, bars))
		return 1;
	snprintf(path, sizeof(path), "%s/sys/bus/pci/devices/%s/config", root_dir, name);
	if (file_read(path, &config, &size))
		return 1;
	result = use_bars(root, dev, bars) || read_capabilities(root, dev, config, size, bars);
	free(config);
	return result;
}

int pci_read_devices(const char *root, struct system_model *system)
{
	struct dirent **entries;
	char path[512];
	int count, i, errors = 0;

	count = scandir(proc_path(path, sizeof(path), root, "/sys/bus/pci/devices"), &entries,
			NULL, alphasort);
	if (count < 0)
		return 0;	/* no PCI bus */
	for (i = 0; i < count; i++) {
		if (entries[i]->d_name[0] != '.')
			errors += read_device(root, entries[i]->d_name, system);
		free(entries[i]);
	}
	free(entries);
	return errors;
}
