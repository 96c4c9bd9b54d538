# SPDX-License-Identifier: GPL-2.0-only
#
# Checks of the hypervisor's intercepts from the root cell (issue 11, items 3,
# 4, 5 and 8: MSRs, #DB, INVLPGA, denied ports), sourced by enable.sh while the hypervisor is enabled. Each
# check writes what the hypervisor must refuse and reads back that nothing
# changed; before the fixes each of them either succeeded or stopped a CPU.

MSR=/bin/msr-probe

# msr_refused NAME CPU MSR VALUE: the write must be refused (#GP, exit 3) and
# the MSR must read the same afterwards.
msr_refused() {
	local name=$1 cpu=$2 msr=$3 value=$4 before after rc
	step "$name"
	before=$($MSR $cpu read $msr 2>&1)
	$MSR $cpu write $msr $value
	rc=$?
	after=$($MSR $cpu read $msr 2>&1)
	if [ $rc -ne 3 ]; then
		fail "$name" "write of $value to MSR $msr on CPU $cpu: exit $rc, expected 3 (refused)"
	elif [ "$before" != "$after" ]; then
		fail "$name" "MSR $msr changed from $before to $after"
	else
		pass "$name"
	fi
}

# msr_rewrite_taken NAME CPU MSR: writing the value the MSR holds succeeds.
msr_rewrite_taken() {
	check "$1" $MSR $2 rewrite $3
}

# hex_or VALUE MASK / hex_xor VALUE MASK: arithmetic on the probe's hex output.
hex_or() { printf '%#x' $(( $1 | $2 )); }
hex_xor() { printf '%#x' $(( $1 ^ $2 )); }

run_msr_checks() {
	local cpu pat mtrr efer apic
	step msr-module
	insmod /lib/modules/msr.ko || fail msr-module "insmod msr.ko failed"
	for cpu in 0 $((CPUS - 1)); do
		pat=$($MSR $cpu read 0x277)
		mtrr=$($MSR $cpu read 0x2ff)
		efer=$($MSR $cpu read 0xc0000080)
		apic=$($MSR $cpu read 0x1b)
		echo "cpu $cpu: PAT $pat MTRR_DEF_TYPE $mtrr EFER $efer APIC_BASE $apic"
		msr_rewrite_taken pat-rewrite-cpu$cpu $cpu 0x277
		msr_refused pat-change-cpu$cpu $cpu 0x277 $(hex_xor $pat 0x0100000000000000)
		msr_rewrite_taken mtrr-def-type-rewrite-cpu$cpu $cpu 0x2ff
		msr_refused mtrr-def-type-change-cpu$cpu $cpu 0x2ff $(hex_xor $mtrr 0x6)
		msr_rewrite_taken mtrr-base0-rewrite-cpu$cpu $cpu 0x200
		msr_refused mtrr-base0-change-cpu$cpu $cpu 0x200 0x30000006
		msr_refused tsc-write-cpu$cpu $cpu 0x10 0x1000
		msr_refused syscfg-cpu$cpu $cpu 0xc0010010 0x40000
		msr_refused debugctl-cpu$cpu $cpu 0x1d9 0x1
		msr_refused microcode-amd-cpu$cpu $cpu 0xc0010020 0x1000
		msr_refused microcode-intel-cpu$cpu $cpu 0x79 0x1000
		msr_refused efer-reserved-bit-cpu$cpu $cpu 0xc0000080 $(hex_or $efer 0x2)
		msr_refused efer-svme-cpu$cpu $cpu 0xc0000080 $(hex_or $efer 0x1000)
		msr_refused apic-base-reserved-cpu$cpu $cpu 0x1b $(hex_or $apic 0x200)
		msr_refused apic-base-move-cpu$cpu $cpu 0x1b $(printf '%#x' $((apic + 0x1000)))
		msr_rewrite_taken apic-base-rewrite-cpu$cpu $cpu 0x1b
		msr_refused x2apic-icr-in-xapic-mode-cpu$cpu $cpu 0x830 0x4030
	done
	check msr-refusals-on-console sh -c "warden console |
		grep -q \"refused: the root cell may not change memory types\" &&
		warden console | grep -q \"refused: x2APIC register written in xAPIC mode\""
	check linux-alive-after-msr-checks sh -c 'echo alive | md5sum | grep -q .'
}

run_io_checks() {
	check denied-port-in-and-string-forms /bin/io-probe 0xcfc
	check denied-port-on-console sh -c "warden console | grep -q 'port cfc (1 bytes) at RIP'"
}

run_debug_checks() {
	local before after
	step singlestep
	read before <$SYSFS/cpus/1/vmexits_exception
	if taskset -c 1 /bin/singlestep-probe 500; then
		read after <$SYSFS/cpus/1/vmexits_exception
		echo "cpu 1: vmexits_exception $before -> $after"
		if [ $((after - before)) -ge 500 ]; then pass singlestep-db-intercepted
		else fail singlestep-db-intercepted "#DB exits $before -> $after for 500 traps"; fi
	else
		fail singlestep-db-intercepted "single-stepping lost traps under the hypervisor"
	fi
}

# INVLPGA would flush the TLB entries of any ASID: the guest gets #UD.
run_svm_instruction_checks() {
	local parameter=/sys/module/warden/parameters/test_invlpga
	step invlpga
	echo 1 >$parameter || fail invlpga "writing $parameter failed"
	expect_eq invlpga-gets-ud ud "$(cat $parameter)"
}

run_intercept_checks() {
	run_msr_checks
	run_io_checks
	run_debug_checks
	run_svm_instruction_checks
}
