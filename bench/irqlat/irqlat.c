// SPDX-License-Identifier: GPL-2.0-only
/*
 * irqlat: timer-interrupt latency of the CPU it runs on.
 *
 * Arms the local APIC timer for a deadline computed on the TSC (TSC-deadline mode where the CPU has
 * it, else one-shot), reads the TSC first thing in the interrupt handler and records latency =
 * entry - deadline, once per period, waiting in HLT in between. The live report (histogram,
 * min/max/sum, overruns) sits in a struct irqlat_shared that another cell can read while the
 * measurement runs; at the end irqlat prints it as JSON lines and as a cyclictest -h histogram,
 * then the test markers. See docs/benchmarks.md.
 *
 * Parameters (command line, key=value):
 *   period-us=1000    timer period
 *   samples=10000     samples to record (after the warm-up); or duration-ms=N: samples = N ms /
 * period warmup=100        samples taken first and discarded bin-ns=10         histogram bin width
 *   bins=2000         histogram bins (at most IRQLAT_MAX_BINS); later values count as overflows
 *   progress=0        print a progress line every N samples (0: print nothing while measuring)
 *   timer=auto        auto | deadline | oneshot
 *   fpu=save          save: the handler runs inside the SDK's FXSAVE/FXRSTOR, as ordinary handlers
 *                     do; skip: it is an IRQ_HANDLER_NO_FPU handler (this file is built with
 *                     -mgeneral-regs-only, so it and what it calls use no FPU state)
 *   report=0          0: the live report lives in the image; else the page-aligned address (below
 *                     4 GiB, identity-mapped) to put it at, e.g. a page range the cell config shares
 *                     with root Linux, which reads it with bench's irqlat-live while irqlat runs
 */
#include <inmate/inmate.h>

#include "irqlat_shared.h"
#include "latency_report.h"
#include "text_line.h"

#define IRQLAT_MAX_BINS	    8192
#define IRQLAT_TIMER_VECTOR 48

struct irqlat_params {
	uint64_t period_ns;
	uint64_t samples;
	uint64_t warmup;
	uint64_t bin_ns;
	uint64_t bins;
	uint64_t progress;
	uint64_t report_address; /* 0: report_region */
	bool deadline_mode;
	bool skip_fpu;
};

/* Live state of the measurement, touched by the handler only (and read by the main loop). */
struct irqlat_run {
	struct irqlat_shared *report;
	uint64_t period_tsc;
	uint64_t deadline; /* TSC value the armed timer waits for */
	uint64_t taken;	   /* samples handled, warm-up included */
	uint64_t early;	   /* one-shot timer fired before the TSC deadline (recorded as 0) */
	uint64_t min_delay_ns; /* one APIC timer tick, the shortest one-shot delay */
	bool deadline_mode;
	int arm_error; /* SDK error that stopped the measurement, 0 if none */
	volatile bool done;
};

/* The report, page-aligned so that it can be given to another cell as a shared page range. */
static _Alignas(4096) unsigned char report_region[IRQLAT_SHARED_BYTES(IRQLAT_MAX_BINS)];

static struct irqlat_run run;

/*
 * Arms the timer for r->deadline. One-shot: the APIC timer counts its own clock, so the TSC
 * distance becomes a delay, at least one timer tick (a shorter one the SDK refuses, and the
 * interrupt would never come). Returns an SDK error, 0 on success.
 */
static int arm_timer(struct irqlat_run *r)
{
	uint64_t now, delay_ns;

	if (r->deadline_mode)
		return timer_start_deadline(r->deadline);
	now = time_tsc();
	delay_ns = r->deadline > now ? time_tsc_to_ns(r->deadline - now) : 0;
	if (delay_ns < r->min_delay_ns)
		delay_ns = r->min_delay_ns;
	return timer_start_oneshot(delay_ns);
}

/* Ends the measurement: from the handler when done, or when the timer could not be armed. */
static void finish(struct irqlat_run *r, enum irqlat_state state, int arm_error)
{
	struct irqlat_shared *s = r->report;

	irqlat_shared_write_begin(s);
	s->state = state;
	irqlat_shared_write_end(s);
	timer_stop();
	r->arm_error = arm_error;
	r->done = true;
}

static void on_timer(uint64_t entry, void *context)
{
	struct irqlat_run *r = context;
	struct irqlat_shared *s = r->report;
	uint64_t latency_ns = 0;
	int err;

	if (entry >= r->deadline)
		latency_ns = time_tsc_to_ns(entry - r->deadline);
	else
		r->early++;
	if (r->taken++ >= s->warmup_samples)
		irqlat_shared_record(s, latency_ns, latency_ns >= s->period_ns);
	else if (r->taken == s->warmup_samples)
		s->state = IRQLAT_STATE_MEASURING;

	if (r->taken >= s->warmup_samples + s->target_samples) {
		finish(r, IRQLAT_STATE_DONE, 0);
		return;
	}
	/* Next deadline: one period later, skipping those already past (this sample overran). */
	r->deadline += r->period_tsc;
	entry = time_tsc();
	while (r->deadline <= entry)
		r->deadline += r->period_tsc;
	err = arm_timer(r);
	if (err)
		finish(r, IRQLAT_STATE_FAILED, err);
}

/* The two ways in (fpu=save|skip); reading the TSC is the first thing in both: the measurement. */
static void timer_handler(unsigned int vector, void *context)
{
	(void)vector;
	on_timer(time_tsc(), context);
}

static IRQ_HANDLER_NO_FPU(timer_handler_no_fpu)
{
	(void)vector;
	on_timer(time_tsc(), context);
}

/*
 * A numeric parameter in [min, max], default when absent. A bad value fails the run (test marker
 * naming key and value) rather than measuring with settings nobody asked for.
 */
static int number_param(const char *key, int64_t default_value, int64_t min, int64_t max,
			uint64_t *out)
{
	int64_t value = default_value;
	int err = cmdline_parse_int(cmdline(), key, &value);
	char text[32] = "?";

	if (err && err != -SDK_ENOENT) {
		cmdline_parse_string(cmdline(), key, text, sizeof(text));
		test_fail("irqlat", "parameter %s=%s: %s", key, text, sdk_strerror(err));
		return -1;
	}
	if (value < min || value > max) {
		test_fail("irqlat", "parameter %s=%lld out of range %lld..%lld", key,
			  (long long)value, (long long)min, (long long)max);
		return -1;
	}
	*out = (uint64_t)value;
	return 0;
}

static int read_timer_param(struct irqlat_params *p)
{
	char timer[16] = "auto";
	int err = cmdline_parse_string(cmdline(), "timer", timer, sizeof(timer));

	if (err && err != -SDK_ENOENT) {
		test_fail("irqlat", "parameter timer: %s", sdk_strerror(err));
		return -1;
	}
	if (!strcmp(timer, "auto") || !strcmp(timer, "deadline")) {
		p->deadline_mode = timer_has_deadline_mode();
		if (!p->deadline_mode && !strcmp(timer, "deadline")) {
			test_fail("irqlat", "timer=deadline: this CPU has no TSC-deadline mode");
			return -1;
		}
		return 0;
	}
	if (!strcmp(timer, "oneshot")) {
		p->deadline_mode = false;
		return 0;
	}
	test_fail("irqlat", "timer=%s: expected auto, deadline or oneshot", timer);
	return -1;
}

static int read_fpu_param(struct irqlat_params *p)
{
	char fpu[8] = "save";
	int err = cmdline_parse_string(cmdline(), "fpu", fpu, sizeof(fpu));

	if ((err && err != -SDK_ENOENT) || (strcmp(fpu, "save") && strcmp(fpu, "skip"))) {
		test_fail("irqlat", "parameter fpu: expected save or skip");
		return -1;
	}
	p->skip_fpu = !strcmp(fpu, "skip");
	return 0;
}

static int read_params(struct irqlat_params *p)
{
	uint64_t period_us, duration_ms;

	if (number_param("period-us", 1000, 1, 1000000, &period_us) ||
	    number_param("samples", 10000, 1, 100000000, &p->samples) ||
	    number_param("duration-ms", 0, 0, 100000000, &duration_ms) ||
	    number_param("warmup", 100, 0, 100000000, &p->warmup) ||
	    number_param("bin-ns", 10, 1, 1000000, &p->bin_ns) ||
	    number_param("bins", 2000, 1, IRQLAT_MAX_BINS, &p->bins) ||
	    number_param("progress", 0, 0, 100000000, &p->progress) ||
	    number_param("report", 0, 0, 0xffffffffll, &p->report_address) ||
	    read_timer_param(p) || read_fpu_param(p))
		return -1;
	if (p->report_address % 4096 ||
	    p->report_address + IRQLAT_SHARED_BYTES(p->bins) > 0x100000000ull) {
		test_fail("irqlat", "parameter report=0x%llx: not page-aligned, or the report "
			  "(%llu bytes) does not end below 4 GiB",
			  (unsigned long long)p->report_address,
			  (unsigned long long)IRQLAT_SHARED_BYTES(p->bins));
		return -1;
	}
	p->period_ns = period_us * 1000;
	if (duration_ms)
		p->samples = duration_ms * 1000000 / p->period_ns;
	if (!p->samples) {
		test_fail("irqlat", "duration-ms=%llu gives no sample at period %llu us",
			  (unsigned long long)duration_ms, (unsigned long long)period_us);
		return -1;
	}
	return 0;
}

static void emit_console(void *context, const char *line)
{
	(void)context;
	console_write(line, strlen(line));
	console_write("\n", 1);
}

static const struct report_sink console_sink = { emit_console, NULL };

static void print_config(const struct irqlat_params *p)
{
	printk("{\"type\":\"config\",\"source\":\"irqlat\",\"period_ns\":%llu,\"samples\":%llu,\"warmup\":%llu,"
	       "\"bin_ns\":%llu,\"bins\":%llu,\"progress\":%llu,\"timer\":\"%s\",\"fpu\":\"%s\",\"tsc_khz\":%u,"
	       "\"report_addr\":%llu,\"report_bytes\":%u,\"bare\":%s}\n",
	       (unsigned long long)p->period_ns, (unsigned long long)p->samples,
	       (unsigned long long)p->warmup, (unsigned long long)p->bin_ns,
	       (unsigned long long)p->bins, (unsigned long long)p->progress,
	       p->deadline_mode ? "tsc-deadline" : "oneshot", p->skip_fpu ? "skip" : "save",
	       platform_tsc_khz(),
	       (unsigned long long)(uintptr_t)run.report, (unsigned int)run.report->total_bytes,
	       platform_is_bare() ? "true" : "false");
}

static void print_progress(const struct irqlat_shared *s)
{
	const struct latency_histogram *h = irqlat_shared_histogram((struct irqlat_shared *)s);
	struct text_line line;

	text_line_clear(&line);
	text_line_add(&line, "{\"type\":\"progress\",\"source\":\"irqlat\",\"samples\":");
	text_line_add_u64(&line, h->samples, 1);
	text_line_add(&line, ",\"min\":");
	text_line_add_u64(&line, h->samples ? h->min : 0, 1);
	text_line_add(&line, ",\"max\":");
	text_line_add_u64(&line, h->max, 1);
	text_line_add(&line, ",\"overruns\":");
	text_line_add_u64(&line, s->overruns, 1);
	text_line_add(&line, "}");
	emit_console(NULL, line.text);
}

/* Waits in HLT until the handler says done; prints progress between interrupts if asked to. */
static void wait_until_done(const struct irqlat_params *p)
{
	const struct latency_histogram *h = irqlat_shared_histogram(run.report);
	uint64_t next_progress = p->progress;

	for (;;) {
		irq_disable();
		if (run.done)
			break;
		if (p->progress && h->samples >= next_progress) {
			irq_enable();
			print_progress(run.report);
			next_progress += p->progress;
			continue;
		}
		cpu_wait_for_interrupt(); /* enables interrupts and halts, atomically */
	}
	irq_enable();
}

static void print_results(void)
{
	struct irqlat_shared *s = run.report;
	const struct latency_histogram *h = irqlat_shared_histogram(s);
	struct latency_summary summary;

	latency_summary_compute(h, &summary);
	report_json_summary(&console_sink, "irqlat", &summary, s->overruns);
	printk("{\"type\":\"details\",\"source\":\"irqlat\",\"early\":%llu,\"taken\":%llu}\n",
	       (unsigned long long)run.early, (unsigned long long)run.taken);
	report_cyclictest_histogram(&console_sink, h);
	TEST_CHECK("irqlat",
		   h->samples == s->target_samples && latency_histogram_total(h) == h->samples,
		   "%llu samples, expected %llu; histogram holds %llu",
		   (unsigned long long)h->samples, (unsigned long long)s->target_samples,
		   (unsigned long long)latency_histogram_total(h));
}

void inmate_main(void)
{
	struct irqlat_params params;
	struct irqlat_shared *s = (struct irqlat_shared *)report_region;
	int err;

	test_step("irqlat");
	if (read_params(&params))
		test_done();
	if (params.report_address)
		s = (struct irqlat_shared *)(uintptr_t)params.report_address;
	irqlat_shared_init(s, (uint32_t)params.bins, params.bin_ns);
	s->timer_mode = params.deadline_mode ? IRQLAT_TIMER_TSC_DEADLINE : IRQLAT_TIMER_ONESHOT;
	s->tsc_khz = platform_tsc_khz();
	s->period_ns = params.period_ns;
	s->target_samples = params.samples;
	s->warmup_samples = params.warmup;
	s->state = params.warmup ? IRQLAT_STATE_WARMUP : IRQLAT_STATE_MEASURING;
	run.report = s;
	run.deadline_mode = params.deadline_mode;
	run.period_tsc = time_ns_to_tsc(params.period_ns);
	run.min_delay_ns = 1000000 / (timer_khz() ? timer_khz() : 1) + 1;
	print_config(&params);

	err = timer_setup(IRQLAT_TIMER_VECTOR,
			  params.skip_fpu ? timer_handler_no_fpu : timer_handler, &run);
	if (err) {
		test_fail("irqlat", "timer_setup(vector %u): %s", IRQLAT_TIMER_VECTOR,
			  sdk_strerror(err));
		test_done();
	}
	irq_disable();
	run.deadline = time_tsc() + run.period_tsc;
	err = arm_timer(&run);
	if (err) {
		test_fail("irqlat", "arming the %s timer: %s",
			  run.deadline_mode ? "TSC-deadline" : "one-shot", sdk_strerror(err));
		test_done();
	}
	wait_until_done(&params);
	if (run.arm_error)
		test_fail("irqlat", "re-arming the timer after %llu samples: %s",
			  (unsigned long long)run.taken, sdk_strerror(run.arm_error));
	print_results();
	test_done();
}
