// SPDX-License-Identifier: GPL-2.0-only
/* Host unit test of the command-line parser (sdk/lib/cmdline.c). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "host_check.h"
#include <string.h>
#include <inmate/cmdline.h>
#include <inmate/errors.h>


static void check_string(const char *cmdline, const char *key, int want_err, const char *want)
{
	char buf[32] = "untouched", what[200];
	int err = cmdline_parse_string(cmdline, key, buf, sizeof(buf));

	snprintf(what, sizeof(what), "string '%s' in \"%s\": err %d value \"%s\"", key, cmdline, err,
		 buf);
	expect(err == want_err && (err != 0 || strcmp(buf, want) == 0) &&
	       (err == 0 || strcmp(buf, "untouched") == 0), what);
}

static void check_int(const char *cmdline, const char *key, int want_err, int64_t want)
{
	int64_t value = 12345;
	char what[200];
	int err = cmdline_parse_int(cmdline, key, &value);

	snprintf(what, sizeof(what), "int '%s' in \"%s\": err %d value %lld", key, cmdline, err,
		 (long long)value);
	expect(err == want_err && (err != 0 || value == want) && (err == 0 || value == 12345),
	       what);
}

static void check_bool(const char *cmdline, const char *key, int want_err, bool want)
{
	bool value = !want;
	char what[200];
	int err = cmdline_parse_bool(cmdline, key, &value);

	snprintf(what, sizeof(what), "bool '%s' in \"%s\": err %d", key, cmdline, err);
	expect(err == want_err && (err != 0 || value == want), what);
}

static void strings(void)
{
	check_string("a=1 b=two c", "b", 0, "two");
	check_string("  \ta=1\n b=two  ", "a", 0, "1");
	check_string("greeting=\"hello world\" x=1", "greeting", 0, "hello world");
	check_string("greeting=\"unterminated", "greeting", 0, "unterminated");
	check_string("k=first k=second", "k", 0, "second");
	check_string("key=", "key", 0, "");
	check_string("flag", "flag", 0, "");
	check_string("abc=1", "ab", -SDK_ENOENT, NULL);
	check_string("ab=1", "abc", -SDK_ENOENT, NULL);
	check_string("", "a", -SDK_ENOENT, NULL);
	check_string("a=1", "", -SDK_ENOENT, NULL);
	check_string("image.bin a=x", "image.bin", 0, "");
	check_string("long=0123456789012345678901234567890123456789", "long", -SDK_ERANGE, NULL);
	check_string("v=a=b", "v", 0, "a=b");
}

static void numbers(void)
{
	check_int("n=42", "n", 0, 42);
	check_int("n=-42", "n", 0, -42);
	check_int("n=0x1F", "n", 0, 31);
	check_int("n=0XfF", "n", 0, 255);
	check_int("n=0", "n", 0, 0);
	check_int("n=9223372036854775807", "n", 0, INT64_MAX);
	check_int("n=-9223372036854775808", "n", 0, INT64_MIN);
	check_int("n=9223372036854775808", "n", -SDK_ERANGE, 0);
	check_int("n=0x10000000000000000", "n", -SDK_ERANGE, 0);
	check_int("n=12abc", "n", -SDK_EINVAL, 0);
	check_int("n=0x", "n", -SDK_EINVAL, 0);
	check_int("n=", "n", -SDK_EINVAL, 0);
	check_int("n=-", "n", -SDK_EINVAL, 0);
	check_int("n", "n", -SDK_EINVAL, 0);
	check_int("m=1", "n", -SDK_ENOENT, 0);
	check_int("n=\"77\"", "n", 0, 77);
}

static void bools(void)
{
	check_bool("quiet", "quiet", 0, true);
	check_bool("quiet=1 x", "quiet", 0, true);
	check_bool("quiet=yes", "quiet", 0, true);
	check_bool("quiet=on", "quiet", 0, true);
	check_bool("quiet=true", "quiet", 0, true);
	check_bool("quiet=0", "quiet", 0, false);
	check_bool("quiet=off", "quiet", 0, false);
	check_bool("quiet=no", "quiet", 0, false);
	check_bool("quiet=false", "quiet", 0, false);
	check_bool("quiet=maybe", "quiet", -SDK_EINVAL, false);
	check_bool("loud", "quiet", -SDK_ENOENT, false);
}

int main(void)
{
	int64_t value = 0;

	strings();
	numbers();
	bools();
	expect(cmdline_parse_number("0x3f8", &value) == 0 && value == 0x3f8, "number 0x3f8");
	expect(cmdline_parse_number("3f8", &value) == -SDK_EINVAL, "number 3f8 rejected");
	return check_summary("cmdline_test");
}
