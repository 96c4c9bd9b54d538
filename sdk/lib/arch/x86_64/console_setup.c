// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* The x86 console: an 8250 and/or the debug-putc hypercall, chosen from the
 * comm region and the command line (console_choice.c). */
#include <inmate/inmate.h>
#include "../../sdk_internal.h"

void console_setup(void)
{
	struct console_choice choice;
	char name[48] = "none";

	hypercall_detect();
	console_choose(cmdline(), comm_region(), &choice);
	if (choice.uart) {
		uart8250_init(choice.base, choice.mmio, choice.regdist4, choice.divider);
		snprintk(name, sizeof(name), "8250-%s:0x%llx%s", choice.mmio ? "mmio" : "pio",
			 (unsigned long long)choice.base, choice.hypercall ? "+hypercall" : "");
	} else if (choice.hypercall) {
		strlcpy(name, "hypercall", sizeof(name));
	}
	console_attach(choice.uart, choice.hypercall, name, choice.problem);
}
