/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Interfaces between generic SDK modules and the arch code (not public). */
#ifndef SDK_INTERNAL_H
#define SDK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <inmate/timer.h>

/* platform.c: rates and the IOAPIC base, set once by the startup code. */
void platform_set_clock(uint32_t tsc_khz, uint32_t apic_khz);
void platform_set_ioapic_base(uint64_t base);
uint64_t platform_ioapic_base(void);

/* platform.c: the APIC IDs when the comm region has no table for them */
bool platform_has_cpu_table(void);
void platform_set_cpu_list(const uint32_t *apic_ids, unsigned int count);

/* cpu_list.c (pure): that list from the IDs the other CPUs reported */
bool cpu_list_build(uint32_t boot_apic_id, const uint32_t *reported, unsigned int count,
		    unsigned int num_cpus, uint32_t *out);

/* stack_usage.c (pure): paint [bottom, end); bytes of [bottom, top) used */
void stack_paint(uint8_t *bottom, uint8_t *end);
size_t stack_high_water(const uint8_t *bottom, const uint8_t *top);

/* cpu_stacks.c: paint CPU 0's stack at boot; the exit report */
void smp_paint_boot_stack(void);
void exit_report(void);
/* arch: the bottom of the stack smp_start_cpu() gave cpu (SMP_STACK_SIZE
 * bytes, painted), NULL if not started */
uint8_t *arch_started_stack(unsigned int cpu);

/* arch: APIC ID of CPU 0 */
uint32_t arch_boot_apic_id(void);

/* clock.c */
void clock_init(uint32_t tsc_khz);
/* floor / ceil of value * mul / div, exact for any 64-bit value. */
uint64_t clock_scale_floor(uint64_t value, uint32_t mul, uint32_t div);
uint64_t clock_scale_ceil(uint64_t value, uint32_t mul, uint32_t div);

/* timer_math.c: the timer's pure logic */
bool timer_cpuid_has_deadline(uint32_t cpuid1_ecx);
enum timer_mode timer_wakeup_mode(bool has_deadline);
uint32_t timer_counts_for_tsc(uint64_t tsc_delta, uint32_t tsc_khz, uint32_t timer_khz);
int timer_counts_for_ns(uint64_t ns, uint32_t timer_khz, uint32_t *count);

/* arch: sleep with interrupts off between the check and HLT (sleep.c) */
int arch_sleep_until_tsc(uint64_t deadline_tsc);

/* console_choice.c (pure): the console from comm region and command line */
struct warden_comm_region;
struct console_choice {
	bool uart;		/* an 8250 at base */
	bool mmio, regdist4;
	uint64_t base;
	uint32_t divider;	/* 0: leave the UART as it is */
	bool hypercall;		/* the debug-console hypercall as well */
	char problem[96];	/* a bad key and value, "" if none */
};
void console_choose(const char *cmdline, const struct warden_comm_region *comm,
		    struct console_choice *choice);

/* console.c: the back ends the arch's console setup chose */
void console_attach(bool uart, bool hypercall, const char *name, const char *problem);

/* test_fault.c: after an exception's report; ends the run if test_expect_fault() expected one */
void test_fault_judge(unsigned int vector, bool has_address, uint64_t address);

/* arch: where the comm region and the loaded command line are */
uintptr_t arch_comm_region_address(void);
uintptr_t arch_cmdline_address(void);
/*
 * arch: whether the comm region holds the x86 platform part and Warden's
 * extension at their offsets of struct warden_comm_region (x86, and the
 * region an ARM64 bare boot fills itself); an ARM64 cell's region has the
 * ARM part there instead (struct warden_arm64_comm_region).
 */
bool arch_comm_region_has_x86_part(void);
/* arch: platform_print()'s lines of the arch's own clocks, timers and devices */
void arch_platform_print(void);

/* arch: console back ends (the UART drained by console.c's ring) */
void uart8250_init(uint64_t base, bool mmio, bool regdist4, uint32_t divider);
bool uart_tx_empty(void);
unsigned int uart_tx_room(void);
void uart_tx(char c);
void hypercall_detect(void);
bool hypercall_debug_putc(char c);

#endif /* SDK_INTERNAL_H */
