// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The process calls newlib needs, answered as a system with exactly one
 * process (this inmate, pid 1) would: _exit ends the inmate with the cell
 * state that the exit code means; kill(1, sig) ends it as a signal would
 * (exit code 128 + sig, as a shell reports it); every other process does not
 * exist and none can be created.
 */
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <inmate/inmate.h>

#define INMATE_PID		1
#define SIGNAL_EXIT_BASE	128

/*
 * The state goes into the comm region first, then the line below reads it
 * back, so that the log shows what the hypervisor (or the harness) sees;
 * inmate_exit() then halts, bare on QEMU through isa-debug-exit with status
 * (code << 1) | 1 (docs/platform.md).
 */
void _exit(int code)
{
	comm_set_state(code ? WARDEN_CELL_FAILED : WARDEN_CELL_SHUT_DOWN);
	printk("warden-libc: _exit(%d): cell state %s\n", code, comm_state_name(comm_get_state()));
	inmate_exit(code);
}

pid_t getpid(void)
{
	return INMATE_PID;
}

int kill(pid_t pid, int signal)
{
	if (pid != INMATE_PID && pid != 0 && pid != -1) {
		errno = ESRCH;
		return -1;
	}
	if (signal < 0 || signal >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	if (signal == 0)
		return 0;
	printk("warden-libc: terminated by signal %d\n", signal);
	_exit(SIGNAL_EXIT_BASE + signal);
}

pid_t fork(void)
{
	errno = EAGAIN;
	return -1;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	(void)path;
	(void)argv;
	(void)envp;
	errno = ENOENT;
	return -1;
}

pid_t wait(int *status)
{
	(void)status;
	errno = ECHILD;
	return -1;
}
