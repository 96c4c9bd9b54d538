// SPDX-License-Identifier: GPL-2.0-only
/*
 * irqlat-live on the host: a report written by irqlat's own writer code into a file at a page
 * offset stands in for the shared pages (--memory FILE instead of /dev/mem). Checks the figures of
 * one snapshot, of the window since a saved one, and the refusals: no report there, a saved
 * snapshot of other histogram settings, an unaligned address.
 *
 * usage: test_irqlat_live IRQLAT-LIVE WORK-DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"
#include "irqlat_shared.h"

#define OFFSET 0x3000 /* where the "physical" report sits in the memory file */
#define BINS   100

static const char *tool, *dir;
static _Alignas(8) unsigned char report[IRQLAT_SHARED_BYTES(BINS)];

static void write_memory(const char *name)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fseek(f, OFFSET, SEEK_SET);
	fwrite(report, sizeof(report), 1, f);
	fwrite(report, 4096 - sizeof(report) % 4096, 1, f); /* pad to a page: mmap's unit */
	fclose(f);
}

/* Runs the tool; its first output line (stdout and stderr) goes to out; returns its exit code. */
static int run(const char *arguments, char *out, size_t size)
{
	char command[1024], rest[512];
	FILE *p;
	int status;

	snprintf(command, sizeof(command), "cd %s && %s %s 2>&1", dir, tool, arguments);
	p = popen(command, "r");
	out[0] = '\0';
	if (!p || !fgets(out, (int)size, p))
		out[0] = '\0';
	while (p && fgets(rest, sizeof(rest), p))
		; /* read it all: a closed pipe would kill the tool before it exits */
	status = p ? pclose(p) : -1;
	out[strcspn(out, "\n")] = '\0';
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void record(uint64_t latency_ns)
{
	irqlat_shared_record((struct irqlat_shared *)report, latency_ns, latency_ns >= 1000000);
}

int main(int argc, char **argv)
{
	struct irqlat_shared *s = (struct irqlat_shared *)report;
	char out[512];

	if (argc != 3) {
		fprintf(stderr, "usage: test_irqlat_live IRQLAT-LIVE WORK-DIR\n");
		return 2;
	}
	tool = argv[1];
	dir = argv[2];
	irqlat_shared_init(s, BINS, 1000); /* 1 us bins up to 100 us */
	s->state = IRQLAT_STATE_MEASURING;
	s->period_ns = 1000000;
	record(2500);
	record(7100);
	write_memory("memory1");
	CHECK(run("0x3000 --memory memory1 --save before", out, sizeof(out)) == 0);
	CHECK_STR(out, "state=measuring samples=2 overruns=0 min_ns=2500 p50_ns=2500 p99_ns=7000 "
		       "max_ns=7100 beyond_range=0");

	/* Three more samples, then the window since the saved snapshot: the largest is the top of
	 * 40's bin (the run's maximum, 7100, came before the window); an overrun is counted. */
	record(40200);
	record(3300);
	record(1200000);
	write_memory("memory2");
	CHECK(run("0x3000 --memory memory2 --since before", out, sizeof(out)) == 0);
	CHECK_STR(out, "state=measuring samples=3 overruns=1 min_ns=3000 p50_ns=40000 "
		       "p99_ns=100000 max_ns=1200000 beyond_range=1");
	/* One sample below the run's maximum: the window's largest is the top of its bin. */
	CHECK(run("0x3000 --memory memory2 --save before2", out, sizeof(out)) == 0);
	record(45000);
	write_memory("memory3");
	CHECK(run("0x3000 --memory memory3 --since before2", out, sizeof(out)) == 0);
	CHECK_STR(out, "state=measuring samples=1 overruns=0 min_ns=45000 p50_ns=45000 p99_ns=45000 "
		       "max_ns=45999 beyond_range=0");
	CHECK(run("0x3000 --memory memory3 --since before", out, sizeof(out)) == 0);
	CHECK(strstr(out, " samples=4 ") != NULL);

	/* Refusals, each with its reason. */
	CHECK(run("0x2000 --memory memory1", out, sizeof(out)) == 1);
	CHECK(strstr(out, "report at 0x2000: no irqlat report") != NULL);
	CHECK(run("0x3001 --memory memory1", out, sizeof(out)) == 2);
	CHECK(strstr(out, "expected a page-aligned number") != NULL);
	CHECK(run("0x3000 --memory memory1 --since memory1", out, sizeof(out)) == 1);
	CHECK(strstr(out, "not a snapshot saved by irqlat-live --save") != NULL);
	irqlat_shared_init(s, BINS, 500); /* other bins: not an earlier snapshot of this report */
	write_memory("memory4");
	CHECK(run("0x3000 --memory memory4 --since before", out, sizeof(out)) == 1);
	CHECK(strstr(out, "not an earlier one of this report") != NULL);
	CHECK(run("0x3000 --memory missing-file", out, sizeof(out)) == 1);
	CHECK(strstr(out, "missing-file: No such file") != NULL);
	return check_report("test_irqlat_live");
}
