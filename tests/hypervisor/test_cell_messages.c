// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of hypervisor/cell_messages.c: the shutdown request and
 * its reply in the comm region, the reply timeout counted in TSC cycles,
 * passive cells, and which cell holds the configuration lock. The "cell"
 * answers from the stub of arch_cpu_relax(), after a set number of polls.
 * Built against the hypervisor's own headers, so no libc headers here.
 */
#include <hv/arch.h>
#include <hv/cell.h>
#include <hv/control.h>
#include <hv/printk.h>
#include <warden/comm_region.h>

int printf(const char *fmt, ...);
int vsnprintf(char *buffer, unsigned long size, const char *fmt, __builtin_va_list args);
char *strstr(const char *haystack, const char *needle);

struct warden_hypervisor_header hypervisor_header = { .tsc_khz = 1000 };	/* 1 MHz */
static struct warden_system_config system;
const struct warden_system_config *system_config = &system;

static struct cell cells[3];
static struct warden_cell_config configs[3];
static struct warden_comm_region comms[3];
static u64 now;			/* the fake TSC: 10 cycles per poll */
static int answer_after = -1;	/* polls until the cell replies; -1: never */
static u32 answer;
static struct cell *asked;
static char console[512];

void *arch_cell_comm_region(struct cell *cell)
{
	return &comms[cell - cells];
}

u64 arch_cpu_cycles(void)
{
	return now;
}

void arch_cpu_relax(void)
{
	now += 10;
	if (answer_after >= 0 && answer_after-- == 0) {
		struct warden_comm_region *comm = arch_cell_comm_region(asked);

		comm->msg_to_cell = WARDEN_MSG_NONE;
		comm->reply_from_cell = answer;
	}
}

void printk(const char *fmt, ...)
{
	__builtin_va_list args;

	__builtin_va_start(args, fmt);
	vsnprintf(console, sizeof(console), fmt, args);
	__builtin_va_end(args);
}

static int failures, checks;

#define EXPECT(cond) do { checks++; if (!(cond)) { \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

static void reset(u32 flags, u32 timeout_ms)
{
	unsigned int n;

	for (n = 0; n < 3; n++) {
		cells[n] = (struct cell){ .config = &configs[n], .id = n + 1, .running = true };
		configs[n] = (struct warden_cell_config){ .flags = flags,
							  .msg_reply_timeout_ms = timeout_ms };
		comms[n] = (struct warden_comm_region){ .cell_state = WARDEN_CELL_RUNNING,
							.reply_from_cell = 77 };
	}
	now = 1000;
	answer_after = -1;
	asked = &cells[0];
	console[0] = 0;
}

static void shutdown_request(void)
{
	/* Approved after 5 polls: the cell may go; the message was posted. */
	reset(0, 0);
	answer_after = 5;
	answer = WARDEN_REPLY_REQUEST_APPROVED;
	EXPECT(cell_ask_shutdown(&cells[0]) == 0);
	EXPECT(comms[0].reply_from_cell == WARDEN_REPLY_REQUEST_APPROVED);
	EXPECT(!cells[0].failed && console[0] == 0);

	/* Denied: -EPERM and a sentence naming the cell; the message was the request. */
	reset(0, 0);
	comms[0].cell_state = WARDEN_CELL_RUNNING_LOCKED;
	answer_after = 3;
	answer = WARDEN_REPLY_REQUEST_DENIED;
	EXPECT(cell_ask_shutdown(&cells[0]) == -EPERM);
	EXPECT(!cells[0].failed);
	EXPECT(strstr(console, "denied the shutdown request"));

	/* Any other reply is no approval either. */
	reset(0, 0);
	answer_after = 0;
	answer = WARDEN_REPLY_UNKNOWN;
	EXPECT(cell_ask_shutdown(&cells[0]) == -EPERM);
	EXPECT(strstr(console, "did not approve"));

	/* Silent: failed after the config's 20 ms = 20000 cycles at 1 MHz, not before. */
	reset(0, 20);
	EXPECT(cell_ask_shutdown(&cells[0]) == 0);
	EXPECT(comms[0].msg_to_cell == WARDEN_MSG_SHUTDOWN_REQUEST);
	EXPECT(comms[0].reply_from_cell == WARDEN_REPLY_NONE);
	EXPECT(cells[0].failed && comms[0].cell_state == WARDEN_CELL_FAILED);
	EXPECT(now - 1000 >= 20000 && now - 1000 < 20000 + 20);
	EXPECT(strstr(console, "did not answer the shutdown request within 20 ms"));

	/* No timeout in the config: the default, 100 ms. */
	reset(0, 0);
	EXPECT(cell_ask_shutdown(&cells[0]) == 0);
	EXPECT(now - 1000 >= 100000 && now - 1000 < 100000 + 20);

	/* Not asked: passive, shut down, failed. */
	reset(WARDEN_CELL_PASSIVE_COMM_REGION, 0);
	EXPECT(cell_ask_shutdown(&cells[0]) == 0);
	EXPECT(comms[0].msg_to_cell == WARDEN_MSG_NONE && now == 1000);
	reset(0, 0);
	cells[0].running = false;
	EXPECT(cell_ask_shutdown(&cells[0]) == 0 && comms[0].msg_to_cell == WARDEN_MSG_NONE);
	reset(0, 0);
	cells[0].failed = true;
	EXPECT(cell_ask_shutdown(&cells[0]) == 0 && comms[0].msg_to_cell == WARDEN_MSG_NONE);
}

static void configuration_lock(void)
{
	struct cell *list[4] = { NULL, &cells[0], &cells[1], &cells[2] };

	reset(0, 0);
	EXPECT(cell_holding_lock(list, 4, NULL) == NULL);
	comms[1].cell_state = WARDEN_CELL_RUNNING_LOCKED;
	EXPECT(cell_holding_lock(list, 4, NULL) == &cells[1]);
	EXPECT(cell_holding_lock(list, 4, &cells[0]) == &cells[1]);
	/* The locked cell itself is not kept from going. */
	EXPECT(cell_holding_lock(list, 4, &cells[1]) == NULL);
	/* A passive cell locks too; a failed or shut-down one does not. */
	configs[1].flags = WARDEN_CELL_PASSIVE_COMM_REGION;
	EXPECT(cell_holding_lock(list, 4, NULL) == &cells[1]);
	cells[1].failed = true;
	EXPECT(cell_holding_lock(list, 4, NULL) == NULL);
	cells[1].failed = false;
	cells[1].running = false;
	EXPECT(cell_holding_lock(list, 4, NULL) == NULL);
}

int main(void)
{
	shutdown_request();
	configuration_lock();
	printf("%d passed, %d failed\n", checks - failures, failures);
	return failures ? 1 : 0;
}
