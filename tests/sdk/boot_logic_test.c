// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the pure decisions of the startup that make an SDK
 * image run on Jailhouse as well: the cell's CPU list from the APIC IDs the
 * CPUs report at the reset address (cpu_list.c), the IA32_APIC_BASE value
 * and when it needs writing (apic_mode.c), and the console from the comm
 * region, Jailhouse's con-* keys and the SDK's console= (console_choice.c).
 */
#include <stdint.h>
#include <stdio.h>
#include "host_check.h"
#include <string.h>
#include <inmate/inmate.h>
#include "../../sdk/lib/sdk_internal.h"
#include "../../sdk/lib/arch/x86_64/arch_internal.h"


static void check_cpu_list(void)
{
	const uint32_t reported[] = { 6, 1, 4, 0, 2 };	/* -smp 6,sockets=2,cores=3 */
	uint32_t list[8];

	expect(cpu_list_build(5, reported, 5, 6, list), "all 5 others reported");
	expect(list[0] == 5 && list[1] == 0 && list[2] == 1 && list[3] == 2 && list[4] == 4 &&
	       list[5] == 6, "boot CPU first, then ascending, gaps kept");
	expect(!cpu_list_build(2, reported, 0, 4, list), "nobody reported");
	expect(list[0] == 2 && list[1] == 3 && list[3] == 5, "consecutive from the boot CPU");
	expect(!cpu_list_build(0, reported, 2, 4, list) && list[1] == 1 && list[2] == 2,
	       "some missing: consecutive");
}

static void check_apic_base(void)
{
	const uint64_t xapic_on = 0xfee00900, x2apic_on = 0xfee00d00, off = 0xfee00100;

	expect(apic_base_for_mode(x2apic_on, true) == x2apic_on,
	       "x2APIC wanted and on (Jailhouse's start): no write");
	expect(apic_base_for_mode(xapic_on, false) == xapic_on, "xAPIC wanted and on: no write");
	expect(apic_base_for_mode(xapic_on, true) == x2apic_on, "xAPIC -> x2APIC");
	expect(!apic_base_needs_disable_first(xapic_on, x2apic_on), "  directly");
	expect(apic_base_for_mode(off, true) == x2apic_on, "disabled -> x2APIC");
	expect(apic_base_for_mode(x2apic_on, false) == xapic_on, "x2APIC -> xAPIC");
	expect(apic_base_needs_disable_first(x2apic_on, xapic_on) &&
	       apic_base_disabled(x2apic_on) == off, "  through disabled (SDM 10.12.5)");
}

static struct warden_comm_region comm;

static void choose(const char *cmdline, struct console_choice *choice)
{
	console_choose(cmdline, &comm, choice);
}

static void check_console(void)
{
	struct console_choice c;

	memset(&comm, 0, sizeof(comm));
	comm.console.type = WARDEN_CONSOLE_TYPE_8250;
	comm.console.address = 0x3f8;
	comm.console.divider = 1;
	choose("", &c);
	expect(c.uart && c.base == 0x3f8 && !c.mmio && !c.regdist4 && c.divider == 1 &&
	       !c.hypercall && !c.problem[0], "comm region's 8250");
	choose("con-base=0x2f8 con-divider=0", &c);
	expect(c.uart && c.base == 0x2f8 && c.divider == 0, "con-base, con-divider");
	choose("con-base=0xfe000000 con-is-mmio con-regdist-1=false", &c);
	expect(c.uart && c.mmio && c.regdist4 && c.base == 0xfe000000, "con-is-mmio, regdist 4");
	comm.console.flags = WARDEN_CONSOLE_REGDIST_4;
	choose("con-regdist-1", &c);
	expect(!c.regdist4, "con-regdist-1 over the comm region's 4-byte stride");
	comm.console.flags = 0;
	choose("con-type=none", &c);
	expect(!c.uart && !c.hypercall, "con-type=none");
	choose("con-virtual", &c);
	expect(c.uart && c.hypercall, "con-virtual: the hypercall console as well");
	choose("con-type=pl011", &c);
	expect(c.uart && strstr(c.problem, "con-type=pl011: expected 8250 or none"),
	       "a bad con-type named, the comm region's kept");
	choose("con-base=0x3x8", &c);
	expect(c.base == 0x3f8 && strstr(c.problem, "con-base=0x3x8"), "a bad con-base named");
	choose("con-base=0x2f8 console=8250-pio:0x3e8", &c);
	expect(c.base == 0x3e8, "console= wins over con-*");
	comm.flags = WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED | WARDEN_COMM_FLAG_DBG_PUTC_ACTIVE;
	choose("", &c);
	expect(c.uart && c.hypercall, "DBG_PUTC_ACTIVE: hypercall in addition to the UART");
	comm.console.type = WARDEN_CONSOLE_TYPE_NONE;
	choose("", &c);
	expect(!c.uart && c.hypercall, "DBG_PUTC_ACTIVE and no UART: hypercall alone");
	choose("con-type=8250", &c);
	expect(!c.uart && strstr(c.problem, "con-base=0"), "8250 without a base refused");
}

int main(void)
{
	check_cpu_list();
	check_apic_base();
	check_console();
	return check_summary("boot_logic_test");
}
