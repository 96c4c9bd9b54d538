/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The attack inmate's table of attempts (attempts.c) and what each is
 * expected to end in. The root side (attacks.sh) reads the outcome from
 * the cell's state, its failure record and the hypervisor console.
 */
#ifndef ATTACK_H
#define ATTACK_H

#include <stdbool.h>
#include <stdint.h>

enum attack_expect {
	EXPECT_CELL_FAILS,	/* the hypervisor stops the cell: the access never completes */
	EXPECT_GP,		/* #GP in the cell, as hardware gives it */
	EXPECT_UD,		/* #UD in the cell: SVM is hidden */
	EXPECT_DEBUG,		/* #DB reaches the cell (reinjected) */
	EXPECT_REFUSED,		/* a hypercall answers with an error, nothing changes */
	EXPECT_DROPPED,		/* an IPI is dropped with a console line */
	EXPECT_IGNORED,		/* harmless by design (docs/isolation.md) */
	EXPECT_HANGS,		/* the cell stops itself; destroy must still work */
};

struct attempt {
	const char *name;
	const char *category;
	const char *what;
	enum attack_expect expect;
	/* Runs the attempt; for EXPECT_REFUSED and EXPECT_IGNORED it returns
	 * whether the outcome was the expected one (and says what it saw). */
	bool (*run)(const struct attempt *attempt);
	uint64_t address;	/* memory address, port, MSR or APIC ID */
	uint64_t value;		/* value written, ICR command, hypercall code */
};

extern const struct attempt attempts[];
extern const unsigned int num_attempts;

#endif /* ATTACK_H */
