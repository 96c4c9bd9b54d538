/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Warden inmate SDK: the umbrella header and the program's life cycle.
 *
 * An inmate defines inmate_main(); the SDK's startup code calls it on the
 * boot CPU in 64-bit mode with console, exceptions, interrupts (disabled),
 * timers and the comm region set up. Returning from inmate_main() ends the
 * inmate like inmate_exit(0).
 */
#ifndef INMATE_INMATE_H
#define INMATE_INMATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <inmate/errors.h>
#include <inmate/printk.h>
#include <inmate/console.h>
#include <inmate/string.h>
#include <inmate/cmdline.h>
#include <inmate/comm.h>
#include <inmate/platform.h>
#include <inmate/time.h>
#include <inmate/timer.h>
#include <inmate/periodic.h>
#include <inmate/hypervisor.h>
#include <inmate/map.h>
#include <inmate/irq.h>
#include <inmate/smp.h>
#include <inmate/pci.h>
#include <inmate/heap.h>
#include <inmate/test.h>

/* Provided by the application. */
void inmate_main(void);

/*
 * End the inmate. In a cell: cell state "shut down" (code 0) or "failed"
 * (code != 0), then every CPU halts. Bare on QEMU: exits QEMU through the
 * isa-debug-exit port with status (code << 1) | 1.
 */
void inmate_exit(int code) __attribute__((noreturn));

/* Stop this CPU for good (interrupts off, HLT loop). */
void cpu_halt_forever(void) __attribute__((noreturn));

/* Let the CPU rest until the next interrupt (enables interrupts). */
void cpu_wait_for_interrupt(void);

/* Spin-wait hint for busy loops. */
void cpu_relax(void);

#endif /* INMATE_INMATE_H */
