/* SPDX-License-Identifier: GPL-2.0-only */
/* A PID controller and a first-order plant to try it on. */
#ifndef CONTROL_LOOP_PID_H
#define CONTROL_LOOP_PID_H

struct pid {
	double kp, ki, kd;
	double out_min, out_max;
	double integral;
	double previous_error;
};

/* One step: error = setpoint - measurement, dt in seconds. The integral
 * stops growing while the output saturates (anti-windup). */
double pid_step(struct pid *pid, double setpoint, double measurement, double dt);

/* dy/dt = (gain * u - y) / time_constant, integrated exactly over dt for a
 * constant u. */
struct plant {
	double gain;
	double time_constant;
	double y;
};

void plant_step(struct plant *plant, double u, double dt);

#endif /* CONTROL_LOOP_PID_H */
