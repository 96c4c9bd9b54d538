// SPDX-License-Identifier: GPL-2.0-only
#include <math.h>	/* newlib's libm (docs/libc.md) */
#include "pid.h"

double pid_step(struct pid *pid, double setpoint, double measurement, double dt)
{
	double error = setpoint - measurement;
	double derivative = (error - pid->previous_error) / dt;
	double integral = pid->integral + error * dt;
	double out = pid->kp * error + pid->ki * integral + pid->kd * derivative;

	pid->previous_error = error;
	if (out > pid->out_max)
		return pid->out_max;
	if (out < pid->out_min)
		return pid->out_min;
	pid->integral = integral;
	return out;
}

void plant_step(struct plant *plant, double u, double dt)
{
	double decay = exp(-dt / plant->time_constant);
	double target = plant->gain * u;

	plant->y = target + (plant->y - target) * decay;
}
