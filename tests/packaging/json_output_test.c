// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the --json writer (tools/json_output.c): layout, nesting,
 * empty containers, every value kind and string escaping (RFC 8259 section 7).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_output.h"

static int failures;

static void expect(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want)) {
		printf("FAIL %s:\n--- want\n%s--- got\n%s---\n", name, want, got);
		failures++;
	} else {
		printf("ok   %s\n", name);
	}
}

/* Runs write on a writer into memory and compares the text with want. */
static void expect_output(const char *name, void (*write)(struct json_writer *json), const char *want)
{
	struct json_writer json;
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	json_begin(&json, out);
	write(&json);
	json_end(&json);
	fclose(out);
	expect(name, text, want);
	free(text);
}

static void write_document(struct json_writer *json)
{
	json_object_begin(json, NULL);
	json_command_header(json, "info", true);
	json_array_begin(json, "errors");
	json_array_end(json);
	json_object_begin(json, "pool");
	json_number(json, "size_pages", 18446744073709551615ULL);
	json_null(json, "used_pages");
	json_object_end(json);
	json_array_begin(json, "list");
	json_string(json, NULL, "a");
	json_bool(json, NULL, false);
	json_string(json, NULL, NULL);
	json_array_end(json);
	json_object_end(json);
}

static void write_escapes(struct json_writer *json)
{
	json_string(json, NULL, "q\" b\\ n\n t\t r\r c\001\037 \x7f caf\xc3\xa9 /");
}

int main(void)
{
	expect_output("document", write_document,
		      "{\n"
		      "  \"command\": \"info\",\n"
		      "  \"format_version\": 1,\n"
		      "  \"ok\": true,\n"
		      "  \"errors\": [],\n"
		      "  \"pool\": {\n"
		      "    \"size_pages\": 18446744073709551615,\n"
		      "    \"used_pages\": null\n"
		      "  },\n"
		      "  \"list\": [\n"
		      "    \"a\",\n"
		      "    false,\n"
		      "    null\n"
		      "  ]\n"
		      "}\n");
	expect_output("escaping", write_escapes,
		      "\"q\\\" b\\\\ n\\n t\\t r\\r c\\u0001\\u001f \x7f caf\xc3\xa9 /\"\n");
	printf("%d failed\n", failures);
	return failures ? 1 : 0;
}
