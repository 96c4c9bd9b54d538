// SPDX-License-Identifier: GPL-2.0-only
/*
 * irqlat-live: reads the live report of an irqlat that runs in a cell, from root Linux, while it
 * measures. The cell's config shares the report's pages with root (a "root-shared" memory region)
 * and irqlat is told to put its report there (report=ADDRESS, bench/irqlat); this tool maps the
 * same physical pages from /dev/mem and takes a consistent snapshot (irqlat_shared.h: a seqlock
 * the writer never waits on, so reading never delays the measurement).
 *
 *   irqlat-live PHYS [--save FILE] [--since FILE] [--memory FILE]
 *
 * Prints one line of key=value figures in ns: state, samples, overruns, min, p50, p99, max. With
 * --since, the figures are those of the samples taken after the snapshot FILE holds (written by an
 * earlier --save): the timing of a stretch of time, such as one attempt of the isolation suite.
 * --memory reads another file than /dev/mem (a test's copy of the memory).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "irqlat_shared.h"

#define SNAPSHOT_ATTEMPTS 100000
#define MAX_REPORT_BYTES  (1u << 20)

struct options {
	unsigned long long address;
	const char *save;
	const char *since;
	const char *memory;
};

static int usage(void)
{
	fprintf(stderr, "usage: irqlat-live PHYS-ADDRESS [--save FILE] [--since FILE] "
			"[--memory FILE]\n");
	return 2;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	char *end;
	int i;

	o->save = o->since = NULL;
	o->memory = "/dev/mem";
	if (argc < 2)
		return -1;
	errno = 0;
	o->address = strtoull(argv[1], &end, 0);
	if (errno || *end || !*argv[1] || o->address % 4096) {
		fprintf(stderr, "irqlat-live: address '%s': expected a page-aligned number\n",
			argv[1]);
		return -1;
	}
	for (i = 2; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--save"))
			o->save = argv[i + 1];
		else if (!strcmp(argv[i], "--since"))
			o->since = argv[i + 1];
		else if (!strcmp(argv[i], "--memory"))
			o->memory = argv[i + 1];
		else
			break;
	}
	return i == argc ? 0 : -1;
}

/* Maps `bytes` of the memory file at the address; NULL (and says why) on failure. */
static void *map_report(const struct options *o, size_t bytes)
{
	void *map;
	int fd = open(o->memory, O_RDONLY | O_SYNC);

	if (fd < 0) {
		fprintf(stderr, "irqlat-live: %s: %s\n", o->memory, strerror(errno));
		return NULL;
	}
	map = mmap(NULL, bytes, PROT_READ, MAP_SHARED, fd, (off_t)o->address);
	close(fd);
	if (map == MAP_FAILED) {
		fprintf(stderr, "irqlat-live: mapping %zu bytes of %s at 0x%llx: %s\n", bytes,
			o->memory, o->address, strerror(errno));
		return NULL;
	}
	return map;
}

/* A consistent copy of the report at the address, malloc'ed; NULL (and says why) on failure. */
static struct irqlat_shared *take_snapshot(const struct options *o)
{
	const struct irqlat_shared *header;
	struct irqlat_shared *copy;
	enum irqlat_snapshot_result result;
	size_t bytes;

	header = map_report(o, 4096);
	if (!header)
		return NULL;
	bytes = header->magic == IRQLAT_SHARED_MAGIC ? header->total_bytes : 4096;
	munmap((void *)header, 4096);
	if (bytes < IRQLAT_SHARED_BYTES(0) || bytes > MAX_REPORT_BYTES)
		bytes = 4096;	/* the snapshot below says what is wrong */
	header = map_report(o, (bytes + 4095) & ~(size_t)4095);
	copy = malloc(bytes);
	if (!header || !copy) {
		free(copy);
		return NULL;
	}
	result = irqlat_shared_snapshot(header, copy, bytes, SNAPSHOT_ATTEMPTS);
	munmap((void *)header, (bytes + 4095) & ~(size_t)4095);
	if (result != IRQLAT_SNAPSHOT_OK) {
		fprintf(stderr, "irqlat-live: report at 0x%llx: %s\n", o->address,
			irqlat_snapshot_result_name(result));
		free(copy);
		return NULL;
	}
	return copy;
}

static int save_snapshot(const char *path, const struct irqlat_shared *s)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(s, s->total_bytes, 1, f) != 1 || fclose(f)) {
		fprintf(stderr, "irqlat-live: writing %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* The snapshot an earlier --save wrote, checked as a report; NULL (and says why) otherwise. */
static struct irqlat_shared *load_snapshot(const char *path)
{
	static char buffer[MAX_REPORT_BYTES];
	struct irqlat_shared *copy;
	size_t bytes;
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "irqlat-live: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	bytes = fread(buffer, 1, sizeof(buffer), f);
	fclose(f);
	copy = malloc(bytes ? bytes : 1);
	if (!copy || irqlat_shared_snapshot(buffer, copy, bytes, 1) != IRQLAT_SNAPSHOT_OK ||
	    copy->total_bytes != bytes) {
		fprintf(stderr, "irqlat-live: %s: not a snapshot saved by irqlat-live --save\n",
			path);
		free(copy);
		return NULL;
	}
	return copy;
}

static const char *state_name(uint32_t state)
{
	static const char *const names[] = { "setup", "warmup", "measuring", "done", "failed" };

	return state < sizeof(names) / sizeof(names[0]) ? names[state] : "unknown";
}

static void print_figures(const struct latency_histogram *h, uint32_t state, uint64_t overruns)
{
	struct latency_summary s;

	latency_summary_compute(h, &s);
	printf("state=%s samples=%llu overruns=%llu min_ns=%llu p50_ns=%llu p99_ns=%llu "
	       "max_ns=%llu beyond_range=%llu\n",
	       state_name(state), (unsigned long long)s.samples, (unsigned long long)overruns,
	       (unsigned long long)s.min, (unsigned long long)s.p50, (unsigned long long)s.p99,
	       (unsigned long long)s.max, (unsigned long long)s.overflows);
}

/* The samples since `earlier`: the difference of the two histograms. */
static int print_window(const struct irqlat_shared *earlier, struct irqlat_shared *later)
{
	struct latency_histogram *before = irqlat_shared_histogram((struct irqlat_shared *)earlier);
	struct latency_histogram *after = irqlat_shared_histogram(later);
	struct latency_histogram *window = malloc(LATENCY_HISTOGRAM_BYTES(after->bin_count));

	if (!window || later->overruns < earlier->overruns ||
	    latency_histogram_window(window, before, after)) {
		fprintf(stderr, "irqlat-live: the saved snapshot is not an earlier one of this "
				"report (another run, or other histogram settings)\n");
		free(window);
		return -1;
	}
	print_figures(window, later->state, later->overruns - earlier->overruns);
	free(window);
	return 0;
}

int main(int argc, char **argv)
{
	struct irqlat_shared *now, *earlier = NULL;
	struct options o;
	int err = 0;

	if (parse_options(argc, argv, &o))
		return usage();
	if (o.since && !(earlier = load_snapshot(o.since)))
		return 1;
	now = take_snapshot(&o);
	if (!now)
		return 1;
	if (earlier)
		err = print_window(earlier, now);
	else
		print_figures(irqlat_shared_histogram(now), now->state, now->overruns);
	if (!err && o.save)
		err = save_snapshot(o.save, now);
	free(now);
	free(earlier);
	return err ? 1 : 0;
}
