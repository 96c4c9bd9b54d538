// SPDX-License-Identifier: GPL-2.0-only
/*
 * warden cell stats NAME|ID [-w] [--json]: the VM exits of a cell's CPUs by
 * reason, from /sys/devices/warden/cpus/<n>/vmexits_<reason>. The driver
 * reads those counters from hypervisor memory by a hypercall on a root CPU:
 * reading them never touches the cell's CPUs, so watching a cell adds no
 * exit there (docs/hypervisor.md). -w prints the table again every second
 * with the exits of the last second, until the cell is gone or ^C.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "json_output.h"

#define CPUS_DIR	"/sys/devices/warden/cpus"
#define EXIT_PREFIX	"vmexits_"
#define MAX_STAT_CPUS	64
#define MAX_REASONS	32
#define STATS_USAGE	"usage: warden cell stats NAME|ID [-w] [--json]\n" \
			"VM exits of the cell's CPUs by reason; -w: again every second.\n"

struct cell_stats {
	int id;
	char name[64];
	unsigned int cpus[MAX_STAT_CPUS], cpu_count;
	char reasons[MAX_REASONS][32];	/* "total" first, then the driver's order by name */
	unsigned int reason_count;
	unsigned long long count[MAX_STAT_CPUS][MAX_REASONS];
};

/* A CPU list as Linux writes it ("3", "1-3", "1,3"); false if malformed. */
static bool parse_cpu_list(const char *text, struct cell_stats *s)
{
	unsigned long first, last;
	char *end;

	s->cpu_count = 0;
	while (*text) {
		first = last = strtoul(text, &end, 10);
		if (end == text)
			return false;
		if (*end == '-') {
			text = end + 1;
			last = strtoul(text, &end, 10);
			if (end == text || last < first)
				return false;
		}
		for (; first <= last; first++) {
			if (s->cpu_count == MAX_STAT_CPUS)
				return false;
			s->cpus[s->cpu_count++] = (unsigned int)first;
		}
		text = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return false;
	}
	return s->cpu_count > 0;
}

static int reason_order(const struct dirent **a, const struct dirent **b)
{
	bool a_total = !strcmp((*a)->d_name, EXIT_PREFIX "total");
	bool b_total = !strcmp((*b)->d_name, EXIT_PREFIX "total");

	if (a_total != b_total)
		return a_total ? -1 : 1;
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_exit_file(const struct dirent *entry)
{
	return !strncmp(entry->d_name, EXIT_PREFIX, strlen(EXIT_PREFIX));
}

/* The reasons the driver offers, from the first CPU's files. */
static bool find_reasons(struct cell_stats *s)
{
	struct dirent **entries;
	char path[128];
	int n, i;

	snprintf(path, sizeof(path), CPUS_DIR "/%u", s->cpus[0]);
	n = scandir(path, &entries, is_exit_file, reason_order);
	if (n < 0)
		return false;
	s->reason_count = 0;
	for (i = 0; i < n; i++) {
		if (s->reason_count < MAX_REASONS)
			snprintf(s->reasons[s->reason_count++], sizeof(s->reasons[0]), "%s",
				 entries[i]->d_name + strlen(EXIT_PREFIX));
		free(entries[i]);
	}
	free(entries);
	return s->reason_count > 0;
}

/* Every counter of every CPU of the cell; false if one cannot be read. */
static bool read_counts(struct cell_stats *s, const char **failed)
{
	static char path[160];
	unsigned int c, r;
	FILE *file;
	int ok;

	for (c = 0; c < s->cpu_count; c++)
		for (r = 0; r < s->reason_count; r++) {
			snprintf(path, sizeof(path), CPUS_DIR "/%u/" EXIT_PREFIX "%s", s->cpus[c],
				 s->reasons[r]);
			file = fopen(path, "r");
			ok = file && fscanf(file, "%llu", &s->count[c][r]) == 1;
			if (file)
				fclose(file);
			if (!ok) {
				*failed = path;
				return false;
			}
		}
	return true;
}

static void print_table(const struct cell_stats *s, const struct cell_stats *before)
{
	unsigned int c, r;
	char head[32];

	printf("cell '%s' (id %d): VM exits by reason and CPU%s\n", s->name, s->id,
	       before ? " (+ in the last second)" : "");
	printf("%-12s", "REASON");
	for (c = 0; c < s->cpu_count; c++) {
		snprintf(head, sizeof(head), "CPU %u", s->cpus[c]);
		printf(" %*s", before ? 24 : 14, head);
	}
	printf("\n");
	for (r = 0; r < s->reason_count; r++) {
		printf("%-12s", s->reasons[r]);
		for (c = 0; c < s->cpu_count; c++)
			if (before)
				printf(" %14llu %+9lld", s->count[c][r],
				       (long long)(s->count[c][r] - before->count[c][r]));
			else
				printf(" %14llu", s->count[c][r]);
		printf("\n");
	}
	fflush(stdout);
}

static void print_json(const struct cell_stats *s, const char *failed)
{
	struct json_writer json;
	unsigned int c, r;

	json_begin(&json, stdout);
	json_object_begin(&json, NULL);
	json_command_header(&json, "cell stats", !failed);
	json_array_begin(&json, "errors");
	if (failed) {
		json_object_begin(&json, NULL);
		json_string(&json, "file", failed);
		json_string(&json, "message", "cannot be read: is the hypervisor enabled?");
		json_object_end(&json);
	}
	json_array_end(&json);
	json_number(&json, "id", (unsigned long long)s->id);
	json_string(&json, "name", s->name);
	json_array_begin(&json, "cpus");
	for (c = 0; !failed && c < s->cpu_count; c++) {
		json_object_begin(&json, NULL);
		json_number(&json, "cpu", s->cpus[c]);
		json_object_begin(&json, "vmexits");
		for (r = 0; r < s->reason_count; r++)
			json_number(&json, s->reasons[r], s->count[c][r]);
		json_object_end(&json);
		json_object_end(&json);
	}
	json_array_end(&json);
	json_object_end(&json);
	json_end(&json);
}

/* The cell's id, name and CPUs, or an error printed and false. */
static bool find_stats_cell(const char *name, struct cell_stats *s)
{
	char id[16], cpus[128];

	s->id = find_cell(name);
	if (s->id < 0) {
		fprintf(stderr, "warden cell stats: no cell named or numbered '%s'\n", name);
		return false;
	}
	snprintf(id, sizeof(id), "%d", s->id);
	if (read_attribute(id, "name", s->name, sizeof(s->name)) ||
	    read_attribute(id, "cpus", cpus, sizeof(cpus))) {
		fprintf(stderr, "warden cell stats: cell '%s' vanished while being read\n", name);
		return false;
	}
	if (!parse_cpu_list(cpus, s)) {
		fprintf(stderr, "warden cell stats: cell '%s': CPU list '%s' not understood\n",
			s->name, cpus);
		return false;
	}
	if (!find_reasons(s)) {
		fprintf(stderr, "warden cell stats: cell '%s': no exit counters under "
			CPUS_DIR "/%u: is the hypervisor enabled?\n", s->name, s->cpus[0]);
		return false;
	}
	return true;
}

int cell_stats(int argc, char **argv)
{
	static struct cell_stats now, before;
	bool watch = false, json_output = false;
	const char *name = NULL, *failed = NULL;
	int i;

	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(STATS_USAGE, stdout);
			return 0;
		}
		if (!strcmp(argv[i], "-w"))
			watch = true;
		else if (!strcmp(argv[i], "--json"))
			json_output = true;
		else if (!name && argv[i][0] != '-')
			name = argv[i];
		else
			break;
	}
	if (!name || i < argc) {
		fputs(STATS_USAGE, stderr);
		return EXIT_USAGE;
	}
	if (!find_stats_cell(name, &now))
		return EXIT_INVALID;
	for (;;) {
		if (!read_counts(&now, &failed)) {
			if (json_output)
				print_json(&now, failed);
			fprintf(stderr, "warden cell stats: cell '%s': %s cannot be read: "
				"is the hypervisor enabled?\n", now.name, failed);
			return EXIT_INVALID;
		}
		if (json_output)
			print_json(&now, NULL);
		else
			print_table(&now, watch && before.cpu_count ? &before : NULL);
		if (!watch)
			return 0;
		before = now;
		sleep(1);
		if (find_cell(now.name) != now.id) {
			printf("cell '%s' (id %d) is gone\n", now.name, now.id);
			return 0;
		}
		if (!json_output && isatty(STDOUT_FILENO))
			printf("\033[H\033[J");	/* clear the terminal: a live view */
		else if (!json_output)
			printf("\n");
	}
}
