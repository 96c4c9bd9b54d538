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

static void test_document(void)
{
	struct json_writer json;
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	json_begin(&json, out);
	json_object_begin(&json, NULL);
	json_command_header(&json, "info", true);
	json_array_begin(&json, "errors");
	json_array_end(&json);
	json_object_begin(&json, "pool");
	json_number(&json, "size_pages", 18446744073709551615ULL);
	json_null(&json, "used_pages");
	json_object_end(&json);
	json_array_begin(&json, "list");
	json_string(&json, NULL, "a");
	json_bool(&json, NULL, false);
	json_string(&json, NULL, NULL);
	json_array_end(&json);
	json_object_end(&json);
	json_end(&json);
	fclose(out);
	expect("document", text,
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
	free(text);
}

static void test_escaping(void)
{
	struct json_writer json;
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	json_begin(&json, out);
	json_string(&json, NULL, "q\" b\\ n\n t\t r\r c\001\037 \x7f caf\xc3\xa9 /");
	json_end(&json);
	fclose(out);
	expect("escaping", text,
	       "\"q\\\" b\\\\ n\\n t\\t r\\r c\\u0001\\u001f \x7f caf\xc3\xa9 /\"\n");
	free(text);
}

int main(void)
{
	test_document();
	test_escaping();
	printf("%d failed\n", failures);
	return failures ? 1 : 0;
}
