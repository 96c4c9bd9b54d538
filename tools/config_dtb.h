/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device-tree blob -> configuration model (the DTS bindings are specified in
 * docs/config-format.md). Every error names the file, the node path, the
 * property and the value; parsing goes on to report as many as possible.
 */
#ifndef WARDEN_TOOLS_CONFIG_DTB_H
#define WARDEN_TOOLS_CONFIG_DTB_H

#include <stddef.h>
#include "config_model.h"

struct config_source;

struct dtb_parser {
	const char *file;	/* named in messages: the source the user gave */
	const void *fdt;
	int errors;
	struct config_source *source;	/* where elements came from; may be NULL */
};

/*
 * Parses a DTB: exactly one of *system / *cell is set on success (malloc'ed).
 * If source is not NULL, the node of each memory region, irqchip, PCI device and
 * capability is noted there (config_source.h). Returns the number of errors (0: success).
 */
int dtb_parse(const char *file, const void *fdt, size_t size, struct config_source *source,
	      struct system_model **system, struct cell_model **cell);

/* config_dtb_cell.c */
void dtb_parse_cell(struct dtb_parser *parser, int node, struct cell_model *cell,
		    int is_root);
void dtb_parse_console(struct dtb_parser *parser, int node, struct warden_console *console);

/* config_dtb_props.c: property readers; on error they report and return def. */
struct dtb_flag {
	const char *name;
	__u64 bit;
};

void dtb_error(struct dtb_parser *parser, int node, const char *property,
	       const char *format, ...) __attribute__((format(printf, 4, 5)));
int dtb_has(struct dtb_parser *parser, int node, const char *property);
/* Notes in parser->source that element index of the (root) cell comes from node. */
void dtb_note(struct dtb_parser *parser, int is_root, const char *element, unsigned int index,
	      int node);
/* A property's value as dtc would write it (<0x1 0x2>, "text"), for messages. */
const char *dtb_shown(struct dtb_parser *parser, int node, const char *property,
		      char *out, size_t size);
__u64 dtb_u64(struct dtb_parser *parser, int node, const char *property, __u64 def,
	      int required);
__u32 dtb_u32(struct dtb_parser *parser, int node, const char *property, __u32 def,
	      __u32 max, int required);
/* Array of 32-bit cells; returns the count (up to max) or -1. */
int dtb_u32_array(struct dtb_parser *parser, int node, const char *property,
		  __u32 *values, int max);
const char *dtb_string(struct dtb_parser *parser, int node, const char *property,
		       int required);
__u64 dtb_flags(struct dtb_parser *parser, int node, const char *property,
		const struct dtb_flag *flags);
/* A string property that must be one of choices (NULL-terminated); index or def. */
int dtb_choice(struct dtb_parser *parser, int node, const char *property,
	       const char *const *choices, int def);
/* Reports properties not in allowed (NULL-terminated); phandles are always allowed. */
void dtb_only_properties(struct dtb_parser *parser, int node, const char *const *allowed);
/* Is the node's name base, optionally followed by @unit, -suffix or digits? */
int dtb_node_is(struct dtb_parser *parser, int node, const char *base);

#endif /* WARDEN_TOOLS_CONFIG_DTB_H */
