/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Where the elements of a config compiled from device-tree source came from: the validator works on
 * the binary and names elements by index ("cell 'x': memory region 1: ..."); with this map the tool
 * also names the source node of that element ("/memory/more").
 */
#ifndef WARDEN_TOOLS_CONFIG_SOURCE_H
#define WARDEN_TOOLS_CONFIG_SOURCE_H

struct config_source;

struct config_source *config_source_new(void);
void config_source_free(struct config_source *source);

/*
 * Notes that element INDEX of kind ELEMENT (as the validator names it: "memory region", "irqchip",
 * "pci device", "pci capability") of the root cell (is_root) or of the cell comes from node PATH.
 * Returns 0, or -1 when out of memory (the map then stays as it was).
 */
int config_source_add(struct config_source *source, int is_root, const char *element,
		      unsigned int index, const char *path);

/* The node path a validator message is about, or NULL if it names no noted element. */
const char *config_source_node(const struct config_source *source, const char *message);

#endif /* WARDEN_TOOLS_CONFIG_SOURCE_H */
