// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Flattened device tree reader (Devicetree Specification v0.4, 5.2-5.4):
 * header, structure block tokens, strings block. Every read is checked
 * against the block sizes, so a damaged blob gives -SDK_EINVAL or
 * -SDK_ENOENT, never a read outside it.
 */
#include <stddef.h>
#include <inmate/errors.h>
#include <inmate/string.h>
#include "dt.h"

#define FDT_MAGIC	0xd00dfeed
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9

struct blob {
	const uint8_t *structs, *strings;
	uint32_t struct_size, strings_size;
};

uint32_t dt_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static int open_blob(const void *fdt, struct blob *b)
{
	const uint8_t *base = fdt;
	uint32_t total, off_struct, off_strings, version;

	if (!fdt || dt_be32(base) != FDT_MAGIC)
		return -SDK_EINVAL;
	total = dt_be32(base + 4);
	off_struct = dt_be32(base + 8);
	off_strings = dt_be32(base + 12);
	version = dt_be32(base + 20);
	b->strings_size = dt_be32(base + 32);
	b->struct_size = dt_be32(base + 36);
	if (version < 16 || off_struct > total || b->struct_size > total - off_struct ||
	    off_strings > total || b->strings_size > total - off_strings)
		return -SDK_EINVAL;
	b->structs = base + off_struct;
	b->strings = base + off_strings;
	return 0;
}

int dt_check(const void *fdt)
{
	struct blob b;

	return open_blob(fdt, &b);
}

static bool token_at(const struct blob *b, uint32_t offset, uint32_t *token)
{
	if (offset > b->struct_size || b->struct_size - offset < 4)
		return false;
	*token = dt_be32(b->structs + offset);
	return true;
}

/* Offset after a node's name (BEGIN_NODE at offset), 0 if malformed. */
static uint32_t skip_name(const struct blob *b, uint32_t offset)
{
	uint32_t at = offset + 4;

	while (at < b->struct_size && b->structs[at])
		at++;
	if (at >= b->struct_size)
		return 0;
	return (at + 1 + 3) & ~3u;
}

/* Offset after a PROP token's value, 0 if malformed. */
static uint32_t skip_prop(const struct blob *b, uint32_t offset)
{
	uint32_t length;

	if (b->struct_size - offset < 12)
		return 0;
	length = dt_be32(b->structs + offset + 4);
	if (length > b->struct_size - offset - 12)
		return 0;
	return (offset + 12 + length + 3) & ~3u;
}

/* The walk: calls visit for each node with its depth; stops when visit
 * returns non-zero and returns that. */
struct walk {
	int (*visit)(const struct blob *b, int node, int depth, struct walk *w);
	uint32_t cells[DT_MAX_DEPTH + 1][2];	/* #address-/#size-cells per depth */
	const void *data;
	unsigned int count;
	int result;
};

static const void *prop_of(const struct blob *b, uint32_t node, const char *name,
			   uint32_t *length);

static int walk(const struct blob *b, struct walk *w)
{
	uint32_t offset = 0, token, value;
	int depth = -1, stop;

	while (token_at(b, offset, &token)) {
		switch (token) {
		case FDT_BEGIN_NODE:
			if (++depth > DT_MAX_DEPTH)
				return -SDK_EINVAL;
			w->cells[depth][0] = 2;	/* defaults, DT spec 2.3.5 */
			w->cells[depth][1] = 1;
			if (prop_of(b, offset, "#address-cells", NULL))
				w->cells[depth][0] = dt_be32(prop_of(b, offset, "#address-cells",
								      &value));
			if (prop_of(b, offset, "#size-cells", NULL))
				w->cells[depth][1] = dt_be32(prop_of(b, offset, "#size-cells",
								      &value));
			stop = w->visit(b, (int)offset, depth, w);
			if (stop)
				return stop;
			offset = skip_name(b, offset);
			break;
		case FDT_END_NODE:
			depth--;
			offset += 4;
			break;
		case FDT_PROP:
			offset = skip_prop(b, offset);
			break;
		case FDT_NOP:
			offset += 4;
			break;
		case FDT_END:
			return -SDK_ENOENT;
		default:
			return -SDK_EINVAL;
		}
		if (!offset)
			return -SDK_EINVAL;
	}
	return -SDK_EINVAL;
}

/* Properties follow the name, before any child node. A property shorter
 * than 4 bytes asked for as a number counts as absent (length NULL). */
static const void *prop_of(const struct blob *b, uint32_t node, const char *name,
			   uint32_t *length)
{
	uint32_t offset = skip_name(b, node), token, nameoff, len;

	while (offset && token_at(b, offset, &token)) {
		if (token == FDT_NOP) {
			offset += 4;
			continue;
		}
		if (token != FDT_PROP || b->struct_size - offset < 12)
			return NULL;
		len = dt_be32(b->structs + offset + 4);
		nameoff = dt_be32(b->structs + offset + 8);
		if (nameoff < b->strings_size &&
		    strnlen((const char *)b->strings + nameoff, b->strings_size - nameoff) <
			    b->strings_size - nameoff &&
		    strcmp((const char *)b->strings + nameoff, name) == 0) {
			if (len > b->struct_size - offset - 12 || (!length && len < 4))
				return NULL;
			if (length)
				*length = len;
			return b->structs + offset + 12;
		}
		offset = skip_prop(b, offset);
	}
	return NULL;
}

const void *dt_property(const void *fdt, int node, const char *name, uint32_t *length)
{
	struct blob b;
	uint32_t dummy;

	if (open_blob(fdt, &b) || node < 0)
		return NULL;
	return prop_of(&b, (uint32_t)node, name, length ? length : &dummy);
}

const char *dt_property_string(const void *fdt, int node, const char *name)
{
	uint32_t length;
	const char *value = dt_property(fdt, node, name, &length);

	if (!value || length == 0 || value[length - 1] != '\0')
		return NULL;
	return value;
}

bool dt_property_u32(const void *fdt, int node, const char *name, unsigned int index,
		     uint32_t *value)
{
	uint32_t length;
	const uint8_t *p = dt_property(fdt, node, name, &length);

	if (!p || length / 4 <= index)
		return false;
	*value = dt_be32(p + 4 * index);
	return true;
}

static bool list_has(const char *list, uint32_t length, const char *item)
{
	uint32_t at = 0;

	while (at < length) {
		size_t n = strnlen(list + at, length - at);

		if (n < length - at && strcmp(list + at, item) == 0)
			return true;
		at += n + 1;
	}
	return false;
}

static int visit_compatible(const struct blob *b, int node, int depth, struct walk *w)
{
	uint32_t length;
	const char *list;

	if (node <= w->result)
		return 0;
	list = prop_of(b, (uint32_t)node, "compatible", &length);
	return list && list_has(list, length, w->data) ? node : 0;
}

int dt_find_compatible(const void *fdt, int after, const char *compat)
{
	struct walk w = { .visit = visit_compatible, .data = compat, .result = after };
	struct blob b;
	int found;

	if (open_blob(fdt, &b))
		return -SDK_EINVAL;
	found = walk(&b, &w);
	return found > 0 ? found : (found == 0 ? -SDK_ENOENT : found);
}

/* Path lookup: w->data the remaining path, w->count the depth matched. */
static bool name_is(const struct blob *b, int node, const char *want, size_t length)
{
	const char *name = (const char *)b->structs + node + 4;
	size_t n = strnlen(name, b->struct_size - (uint32_t)node - 4);

	if (n == length && memcmp(name, want, length) == 0)
		return true;
	return n > length && name[length] == '@' && memcmp(name, want, length) == 0;
}

static int visit_path(const struct blob *b, int node, int depth, struct walk *w)
{
	const char *path = w->data, *end;

	if (depth == 0)
		return *path ? 0 : node;
	if ((unsigned int)depth != w->count + 1)
		return 0;
	end = strchr(path, '/');
	if (!end)
		end = path + strlen(path);
	if (!name_is(b, node, path, (size_t)(end - path)))
		return 0;
	w->count++;
	w->data = *end ? end + 1 : end;
	return *end ? 0 : node;
}

int dt_find_path(const void *fdt, const char *path)
{
	struct walk w = { .visit = visit_path };
	struct blob b;
	int found;

	if (open_blob(fdt, &b) || path[0] != '/')
		return -SDK_EINVAL;
	w.data = path + 1;
	found = walk(&b, &w);
	return found > 0 ? found : (found == 0 && !path[1] ? 0 : -SDK_ENOENT);
}

/* The cells of a node's parent: w->result the node. */
static int visit_parent_cells(const struct blob *b, int node, int depth, struct walk *w)
{
	if (node != w->result)
		return 0;
	w->count = depth > 0 ? (unsigned int)depth - 1 : 0;
	return 1;
}

static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
	return cells == 2 ? (uint64_t)dt_be32(p) << 32 | dt_be32(p + 4) : (cells ? dt_be32(p) : 0);
}

int dt_reg(const void *fdt, int node, unsigned int index, uint64_t *address, uint64_t *size)
{
	struct walk w = { .visit = visit_parent_cells, .result = node };
	struct blob b;
	uint32_t length, ac, sc, entry;
	const uint8_t *reg;

	if (open_blob(fdt, &b) || node < 0 || walk(&b, &w) != 1)
		return -SDK_ENOENT;
	ac = w.cells[w.count][0];
	sc = w.cells[w.count][1];
	reg = prop_of(&b, (uint32_t)node, "reg", &length);
	entry = 4 * (ac + sc);
	if (!reg || ac > 2 || sc > 2 || ac == 0 || length / entry <= index)
		return -SDK_ENOENT;
	*address = read_cells(reg + index * entry, ac);
	*size = read_cells(reg + index * entry + 4 * ac, sc);
	return 0;
}

/* The index-th child of /cpus (w->result) with device_type "cpu". */
static int visit_cpu(const struct blob *b, int node, int depth, struct walk *w)
{
	uint32_t length;
	const char *type;

	if (depth != 2 || (uint32_t)node < (uint32_t)w->result)
		return 0;
	type = prop_of(b, (uint32_t)node, "device_type", &length);
	if (!type || length != 4 || memcmp(type, "cpu", 4) != 0)
		return 0;
	return w->count++ == (unsigned int)(uintptr_t)w->data ? node : 0;
}

static int find_cpu(const void *fdt, unsigned int index, unsigned int *seen)
{
	int cpus = dt_find_path(fdt, "/cpus");
	struct walk w = { .visit = visit_cpu, .data = (const void *)(uintptr_t)index };
	struct blob b;
	int found;

	if (cpus < 0 || open_blob(fdt, &b))
		return -SDK_ENOENT;
	w.result = cpus;
	found = walk(&b, &w);
	*seen = w.count;
	return found > 0 ? found : -SDK_ENOENT;
}

int dt_cpu_count(const void *fdt)
{
	unsigned int seen = 0;

	find_cpu(fdt, ~0u, &seen);
	return (int)seen;
}

int dt_cpu_mpidr(const void *fdt, unsigned int index, uint64_t *mpidr)
{
	unsigned int seen;
	uint64_t size;
	int node = find_cpu(fdt, index, &seen);

	if (node < 0)
		return node;
	return dt_reg(fdt, node, 0, mpidr, &size);
}
