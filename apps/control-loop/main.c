// SPDX-License-Identifier: GPL-2.0-only
/*
 * control-loop: a PID controller (floating point) on a simulated
 * first-order plant at a fixed rate, paced by the SDK's periodic task API
 * (inmate/periodic.h): periodic_wait() sleeps until each release and
 * reports how late the activation starts; a release that passes while the
 * loop still runs is an overrun, the loop's deadline miss. Between cycles
 * it answers the hypervisor's messages (comm region): shutdown requests are
 * denied while the loop is in its locked start-up phase and approved
 * afterwards.
 *
 * Bare on QEMU there is no hypervisor, so the demo posts the messages
 * itself (comm_bare_post_message) at fixed cycles to exercise the path and
 * stops at the final shutdown request, after `cycles`. In a cell it stops
 * at the hypervisor's request, or after `cycles` (0: never).
 *
 * Command line: rate-hz=1000 cycles=1000 setpoint-milli=1000 lock-cycles=200
 *               print-every=100 (cycles between status lines)
 */
#include <inmate/inmate.h>
#include "pid.h"

struct loop_state {
	unsigned int cycle;
	unsigned int print_every;
	bool stop;
};

static int milli(double x)
{
	return (int)(x * 1000.0 + (x < 0 ? -0.5 : 0.5));
}

/* Between cycles: the messages of the comm region, never blocking. The
 * line printed is read back from the comm region's own fields, so the test
 * checks what a hypervisor would see. */
static void service_messages(struct loop_state *state, unsigned int lock_cycles)
{
	bool locked = state->cycle < lock_cycles;
	uint32_t message = comm_poll_message();

	if (message == WARDEN_MSG_NONE)
		return;
	if (comm_service_messages(locked))
		state->stop = true;
	printk("cycle %u (%s): message %s answered in the comm region with %s\n", state->cycle,
	       comm_state_name(comm_get_state()), comm_message_name(message),
	       comm_reply_name(comm_region()->reply_from_cell));
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
	struct periodic_task task;
	int64_t late;

	/* lock-cycles=0: no lock phase at all */
	comm_set_state(lock_cycles ? WARDEN_CELL_RUNNING_LOCKED : WARDEN_CELL_RUNNING);
	periodic_start(&task, 1000000000ull / rate_hz);
	while (!state->stop) {
		late = periodic_wait(&task);
		if (late < 0) {
			test_fail("periodic-wait", "%s", sdk_strerror((int)late));
			break;
		}
		plant_step(&plant, u, dt);
		u = pid_step(&pid, setpoint, plant.y, dt);
		if (state->cycle % state->print_every == 0)
			printk("cycle %u: y=%d setpoint=%d u=%d (milli-units), late %lld ns\n",
			       state->cycle, milli(plant.y), milli(setpoint), milli(u),
			       (long long)late);
		state->cycle++;
		if (state->cycle == lock_cycles)
			comm_set_state(WARDEN_CELL_RUNNING);
		bare_hypervisor(state->cycle, lock_cycles, cycles);
		service_messages(state, lock_cycles);
		if (!platform_is_bare() && state->cycle == cycles)
			state->stop = true;
	}
	printk("stopped after %u cycles: y=%d (milli), setpoint %d (milli)\n", state->cycle,
	       milli(plant.y), milli(setpoint));
	printk("deadline misses (overruns): %llu in %llu activations, max lateness %llu ns\n",
	       (unsigned long long)task.overruns, (unsigned long long)task.activations,
	       (unsigned long long)task.max_lateness_ns);
	TEST_CHECK("converged", plant.y > setpoint * 0.99 && plant.y < setpoint * 1.01,
		   "y=%d milli, setpoint %d milli", milli(plant.y), milli(setpoint));
	TEST_CHECK("no-missed-deadlines", task.overruns == 0, "%llu overruns",
		   (unsigned long long)task.overruns);
}

void inmate_main(void)
{
	unsigned int rate_hz = (unsigned int)cmdline_get_int("rate-hz", 1000);
	unsigned int cycles = (unsigned int)cmdline_get_int("cycles", 1000);
	unsigned int lock_cycles = (unsigned int)cmdline_get_int("lock-cycles", 200);
	double setpoint = cmdline_get_int("setpoint-milli", 1000) / 1000.0;
	struct loop_state state = {
		.print_every = (unsigned int)cmdline_get_int("print-every", 100),
	};

	if (rate_hz < 1 || rate_hz > 1000000 || (cycles && lock_cycles >= cycles) ||
	    state.print_every < 1) {
		printk("control-loop: need 1 <= rate-hz <= 1000000, lock-cycles < cycles and "
		       "print-every >= 1\n");
		inmate_exit(1);
	}
	printk("control-loop: %u Hz, %u cycles, PID on a first-order plant\n", rate_hz, cycles);
	test_step("control-loop");
	run_loop(&state, setpoint, rate_hz, cycles, lock_cycles);
	if (platform_is_bare())
		TEST_CHECK("shutdown-approved", state.stop && state.cycle == cycles &&
			   comm_region()->reply_from_cell == WARDEN_REPLY_REQUEST_APPROVED,
			   "stopped=%d at cycle %u, reply %s", state.stop, state.cycle,
			   comm_reply_name(comm_region()->reply_from_cell));
	test_done();
}
