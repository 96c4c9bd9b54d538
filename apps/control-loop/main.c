// SPDX-License-Identifier: GPL-2.0-only
/*
 * control-loop: a PID controller (floating point) on a simulated
 * first-order plant at a fixed rate, paced by the periodic local APIC
 * timer. The timer handler only counts ticks; the loop runs one cycle per
 * tick in the main context and counts a deadline miss whenever more than
 * one tick passed since the previous cycle. Between cycles it answers the
 * hypervisor's messages (comm region): shutdown requests are denied while
 * the loop is in its locked start-up phase and approved afterwards.
 *
 * Bare on QEMU there is no hypervisor, so the demo posts the messages
 * itself (comm_bare_post_message) at fixed cycles to exercise the path.
 *
 * Command line: rate-hz=1000 cycles=1000 setpoint-milli=1000 lock-cycles=200
 */
#include <inmate/inmate.h>
#include "pid.h"

#define TIMER_VECTOR	0xf1

static volatile uint64_t ticks;

static void timer_tick(unsigned int vector, void *context)
{
	ticks++;
}

struct loop_state {
	unsigned int cycle;
	unsigned int missed;
	unsigned int denied;
	bool stop;
};

static int milli(double x)
{
	return (int)(x * 1000.0 + (x < 0 ? -0.5 : 0.5));
}

/* Between cycles: the messages of the comm region, never blocking. */
static void service_messages(struct loop_state *state, unsigned int lock_cycles)
{
	bool locked = state->cycle < lock_cycles;
	uint32_t message = comm_poll_message();

	if (message == WARDEN_MSG_NONE)
		return;
	if (message == WARDEN_MSG_SHUTDOWN_REQUEST && locked)
		state->denied++;
	if (comm_service_messages(locked))
		state->stop = true;
	printk("cycle %u: message %u answered with %u\n", state->cycle, message,
	       comm_region()->reply_from_cell);
}

/* Bare mode stands in for the hypervisor: a shutdown request during the
 * locked phase, a reconfiguration notice, and the final request. */
static void bare_hypervisor(unsigned int cycle, unsigned int lock_cycles, unsigned int cycles)
{
	if (!platform_is_bare())
		return;
	if (cycle == lock_cycles / 2)
		comm_bare_post_message(WARDEN_MSG_SHUTDOWN_REQUEST);
	else if (cycle == lock_cycles + 10)
		comm_bare_post_message(WARDEN_MSG_RECONFIG_COMPLETED);
	else if (cycle == cycles)
		comm_bare_post_message(WARDEN_MSG_SHUTDOWN_REQUEST);
}

static void run_loop(struct loop_state *state, double setpoint, unsigned int rate_hz,
		     unsigned int cycles, unsigned int lock_cycles)
{
	struct pid pid = { .kp = 0.8, .ki = 12.0, .kd = 0.002, .out_min = -5, .out_max = 5 };
	struct plant plant = { .gain = 2.0, .time_constant = 0.05, .y = 0.0 };
	double dt = 1.0 / rate_hz, u = 0.0;
	uint64_t seen = ticks, now;

	comm_set_state(WARDEN_CELL_RUNNING_LOCKED);
	while (!state->stop) {
		while ((now = ticks) == seen)
			cpu_wait_for_interrupt();
		if (now - seen > 1)
			state->missed += (unsigned int)(now - seen - 1);
		seen = now;

		plant_step(&plant, u, dt);
		u = pid_step(&pid, setpoint, plant.y, dt);
		if (state->cycle % 100 == 0)
			printk("cycle %u: y=%d setpoint=%d u=%d (milli-units)\n", state->cycle,
			       milli(plant.y), milli(setpoint), milli(u));
		state->cycle++;
		if (state->cycle == lock_cycles)
			comm_set_state(WARDEN_CELL_RUNNING);
		bare_hypervisor(state->cycle, lock_cycles, cycles);
		service_messages(state, lock_cycles);
	}
	printk("stopped after %u cycles: y=%d (milli), setpoint %d (milli)\n", state->cycle,
	       milli(plant.y), milli(setpoint));
	TEST_CHECK("converged", plant.y > setpoint * 0.99 && plant.y < setpoint * 1.01,
		   "y=%d milli, setpoint %d milli", milli(plant.y), milli(setpoint));
}

void inmate_main(void)
{
	unsigned int rate_hz = (unsigned int)cmdline_get_int("rate-hz", 1000);
	unsigned int cycles = (unsigned int)cmdline_get_int("cycles", 1000);
	unsigned int lock_cycles = (unsigned int)cmdline_get_int("lock-cycles", 200);
	double setpoint = cmdline_get_int("setpoint-milli", 1000) / 1000.0;
	struct loop_state state = { 0 };
	int err;

	if (rate_hz < 1 || rate_hz > 100000 || lock_cycles >= cycles) {
		printk("control-loop: need 1 <= rate-hz <= 100000 and lock-cycles < cycles\n");
		inmate_exit(1);
	}
	printk("control-loop: %u Hz, %u cycles, PID on a first-order plant\n", rate_hz, cycles);
	test_step("control-loop");
	err = timer_setup(TIMER_VECTOR, timer_tick, NULL);
	if (!err)
		err = timer_start_periodic(1000000000ull / rate_hz);
	if (!TEST_CHECK("timer", err == 0, "periodic timer: %s", sdk_strerror(err)))
		test_done();
	irq_enable();
	run_loop(&state, setpoint, rate_hz, cycles, lock_cycles);
	timer_stop();
	printk("deadline misses: %u, shutdown requests denied while locked: %u\n", state.missed,
	       state.denied);
	TEST_CHECK("no-missed-deadlines", state.missed == 0, "%u deadlines missed", state.missed);
	if (platform_is_bare()) {
		TEST_CHECK("shutdown-denied-while-locked", state.denied == 1,
			   "%u requests denied, expected 1", state.denied);
		TEST_CHECK("shutdown-approved", state.stop && state.cycle == cycles &&
			   comm_region()->reply_from_cell == WARDEN_REPLY_REQUEST_APPROVED,
			   "stopped=%d at cycle %u, reply %u", state.stop, state.cycle,
			   comm_region()->reply_from_cell);
	}
	test_done();
}
