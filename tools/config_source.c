// SPDX-License-Identifier: GPL-2.0-only
/*
 * The source map of a config compiled from device-tree source (config_source.h).
 */
#include <stdlib.h>
#include <string.h>

#include "config_source.h"

struct source_element {
	int is_root;
	const char *element;	/* a string literal of the parser */
	unsigned int index;
	char *path;
};

struct config_source {
	struct source_element *elements;
	unsigned int count, capacity;
};

struct config_source *config_source_new(void)
{
	return calloc(1, sizeof(struct config_source));
}

void config_source_free(struct config_source *source)
{
	unsigned int i;

	if (!source)
		return;
	for (i = 0; i < source->count; i++)
		free(source->elements[i].path);
	free(source->elements);
	free(source);
}

int config_source_add(struct config_source *source, int is_root, const char *element,
		      unsigned int index, const char *path)
{
	struct source_element *grown;
	unsigned int capacity;
	char *copy;

	if (source->count == source->capacity) {
		capacity = source->capacity ? 2 * source->capacity : 16;
		grown = realloc(source->elements, capacity * sizeof(*grown));
		if (!grown)
			return -1;
		source->elements = grown;
		source->capacity = capacity;
	}
	copy = strdup(path);
	if (!copy)
		return -1;
	source->elements[source->count++] = (struct source_element){ is_root, element, index, copy };
	return 0;
}

/* Does text start with "ELEMENT INDEX" followed by ':' or ' ' (so that region 1 is not region 10)? */
static int names_element(const char *text, const struct source_element *e)
{
	size_t length = strlen(e->element);
	char *end;

	if (strncmp(text, e->element, length) || text[length] != ' ')
		return 0;
	return strtoul(text + length + 1, &end, 10) == e->index && end != text + length + 1 &&
		(*end == ':' || *end == ' ');
}

const char *config_source_node(const struct config_source *source, const char *message)
{
	const char *rest;
	unsigned int i;
	int is_root;

	/* Messages begin with the config: "root cell 'NAME': " or "cell 'NAME': ". */
	if (!strncmp(message, "root cell '", 11))
		is_root = 1;
	else if (!strncmp(message, "cell '", 6))
		is_root = 0;
	else
		return NULL;
	rest = strstr(message, "': ");
	if (!source || !rest)
		return NULL;
	rest += 3;
	for (i = 0; i < source->count; i++)
		if (source->elements[i].is_root == is_root && names_element(rest, &source->elements[i]))
			return source->elements[i].path;
	return NULL;
}
