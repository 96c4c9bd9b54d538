#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The comm region's management (issue 12), in one boot: control-loop runs in
# its cell on CPU 1 (`warden cell run`) and holds the configuration lock in
# its start-up phase, so creating another cell is refused with a sentence
# naming it, and it denies the shutdown request of a destroy; after its lock
# phase it approves and the destroy goes through. An inmate that never
# answers (a real-mode jump to itself, in the same active config) is marked
# failed after the config's 1000 ms and destroyed; a passive cell (irqlat,
# CPU 3) is shut down without being asked and started again, and so is one
# that failed (triple fault). Then control-loop, apic-demo and hello run in
# three cells on CPUs 1-3 at once while root loads CPU 0. run-cells-comm-test
# checks what the inmates printed on COM4, COM1 and COM2.
. /lib/warden/guest-lib.sh

SYSFS=/sys/devices/warden
LOOP_CELL=/etc/warden/control-loop.cell
IRQLAT_CELL=/etc/warden/irqlat.cell
APIC_DEMO_CELL=/etc/warden/apic-demo.cell

cpu_in_root() {		# cpu_in_root N: online again and running a process
	[ "$(cat /sys/devices/system/cpu/cpu$1/online)" = 1 ] &&
		taskset -c "$1" sh -c 'echo alive | md5sum >/dev/null'
}

uptime_ms() {		# busybox's date has no %N: /proc/uptime counts hundredths
	local up hundredths
	read -r up _ </proc/uptime
	hundredths=${up#*.}
	echo $(( ${up%.*} * 1000 + ${hundredths#0} * 10 ))	# no leading 0: not octal
}

wait_state() {		# wait_state CELL STATE SECONDS: until `cell list` shows it
	local i=0
	while [ $i -lt $(($3 * 4)) ]; do
		warden cell list | grep -q "^[0-9]* *$1 *$2 " && return 0
		sleep 0.25
		i=$((i + 1))
	done
	return 1
}

expect_refusal() {	# expect_refusal NAME TEXT CMD...: CMD fails and says TEXT
	local name=$1 text=$2 out
	shift 2
	step "$name"
	out=$("$@" 2>&1) && { fail "$name" "'$*' succeeded: $out"; return; }
	echo "$out"
	if echo "$out" | grep -qF "$text"; then pass "$name"; else fail "$name" "$out"; fi
}

console_says() {	# console_says NAME TEXT: the hypervisor console has TEXT
	if warden console | grep -qF "$2"; then pass "$1"; else fail "$1" "no '$2' on the console"; fi
}

shut_down_irqlat() {	# shut_down_irqlat CASE: shut down, CPU 3 parked
	check $1-shutdown warden cell shutdown irqlat
	check $1-shut-down sh -c "warden cell list | grep -q 'irqlat *shut down *3 *-\$'"
	expect_eq $1-cpu3-parked 3 "$(cat $SYSFS/cpus/3/state)"
}

run_irqlat_again() {	# run_irqlat_again CASE GREETING: hello loaded, started, destroyed
	check $1-reload warden cell load irqlat /lib/hello.bin -s "greeting=$2"
	check $1-restart warden cell start irqlat
	# hello runs to its end in about a second and writes "shut down" itself:
	# CPU 3 running the cell (not parked) and hello's end state say it ran.
	expect_eq $1-cpu3-running-again 0 "$(cat $SYSFS/cpus/3/state)"
	if wait_state irqlat "shut down" 10; then pass $1-ran-to-its-end
	else fail $1-ran-to-its-end "$(warden cell list)"; fi
	check $1-destroy warden cell destroy irqlat
	check $1-cpu3-back cpu_in_root 3
}

check insmod insmod /lib/modules/warden.ko
check enable warden enable /etc/warden/qemu-q35.cell

# A failed load undoes the create.
expect_refusal run-undone "could not run: destroyed again" \
	warden cell run $LOOP_CELL /lib/no-such-image.bin
check run-undone-cpu1-back cpu_in_root 1
check run-undone-no-cell sh -c "! warden cell list | grep -q control-loop"

step control-loop-run
# 200 Hz, locked for the first 4000 cycles (20 s), never stopping by itself.
check run warden cell run $LOOP_CELL /lib/control-loop.bin \
	-s "rate-hz=200 cycles=0 lock-cycles=4000 print-every=200"
if wait_state control-loop running/locked 10; then pass locked; else fail locked "$(warden cell list)"; fi
warden cell list
expect_refusal create-refused-by-lock \
	"cell 'irqlat' cannot be created: cell 'control-loop' holds the configuration lock" \
	warden cell create $IRQLAT_CELL
check create-refused-cpu3-back cpu_in_root 3
console_says lock-on-console "cell 'control-loop' holds the configuration lock"
expect_refusal destroy-denied \
	"cell 'control-loop' cannot be destroyed: it denied the hypervisor's shutdown request" \
	warden cell destroy control-loop
console_says denial-on-console "cell 'control-loop' denied the shutdown request"
check still-running sh -c "warden cell list | grep -q 'control-loop *running/locked'"
check cpu1-still-offline sh -c "[ \$(cat /sys/devices/system/cpu/cpu1/online) = 0 ]"

step control-loop-approves
if wait_state control-loop running 40; then pass unlocked; else fail unlocked "$(warden cell list)"; fi
check destroy-approved warden cell destroy control-loop
check cpu1-back-in-root cpu_in_root 1

# An active comm region that nobody answers: failed after the timeout, destroyed.
step silent-cell
printf '\353\376' >/tmp/jump-to-self.bin
check silent-run warden cell run $LOOP_CELL /tmp/jump-to-self.bin
start=$(uptime_ms)
check silent-destroy warden cell destroy control-loop
ms=$(( $(uptime_ms) - start ))
echo "destroy of the silent cell took $ms ms (reply timeout 1000 ms)"
if [ $ms -ge 900 ]; then pass silent-waited-timeout; else fail silent-waited-timeout "$ms ms"; fi
console_says silent-marked-failed \
	"cell 'control-loop' did not answer the shutdown request within 1000 ms: marked failed"
check silent-cpu1-back cpu_in_root 1

# A passive comm region: shut down without a question, loaded and started again.
step passive-shutdown
check passive-run warden cell run $IRQLAT_CELL /lib/hello.bin -s "greeting=first-run"
wait_state irqlat "shut down" 10	# hello's end
shut_down_irqlat passive
check passive-not-asked sh -c "! warden console | grep -q \"cell 'irqlat' did not answer\""
check passive-list-json sh -c "warden cell list --json | tr -d ' \n' | grep -q '\"state\":\"shutdown\",\"cpus\":\"3\",\"failed_cpus\":\"\"'"
run_irqlat_again passive second-run

# A failed cell shuts down too: its faulted CPU parks, and the cell runs again.
# The image: LIDT of an empty table at 0x20 (zeros), then UD2: a triple fault.
step failed-shutdown
printf '\017\001\036\040\000\017\013' >/tmp/triple-fault.bin
dd if=/dev/zero bs=1 count=33 2>/dev/null >>/tmp/triple-fault.bin
check failed-run warden cell run $IRQLAT_CELL /tmp/triple-fault.bin
if wait_state irqlat failed 10; then pass failed-cell; else fail failed-cell "$(warden cell list)"; fi
check failed-cpu-listed sh -c "warden cell list | grep -q 'irqlat *failed *3 *3\$'"
shut_down_irqlat failed
run_irqlat_again failed after-failure

# Three cells at once on CPUs 1-3: control-loop (CPU 1, COM4, no lock phase),
# apic-demo (CPU 2, COM1 beside the hypervisor console; no icount here, so its
# jitter bound is wide) and hello (CPU 3, COM2), while root Linux keeps CPU 0
# busy. Root has one CPU online while they run and all four afterwards, each
# running a process again; run-cells-comm-test checks each one's own log.
step three-cells
taskset -c 0 sh -c 'while :; do md5sum /lib/control-loop.bin >/dev/null; done' &
LOAD=$!
check three-control-loop warden cell run $LOOP_CELL /lib/control-loop.bin \
	-s "rate-hz=200 cycles=0 lock-cycles=0 print-every=200"
check three-apic-demo warden cell run $APIC_DEMO_CELL /lib/apic-demo.bin -s "max-jitter-us=100000"
check three-hello warden cell run $IRQLAT_CELL /lib/hello.bin -s "greeting=three-cells"
expect_eq three-root-keeps-cpu0-only 0 "$(cat /sys/devices/system/cpu/online)"
# apic-demo and hello end by writing "shut down" when every check passed.
if wait_state apic-demo "shut down" 60; then pass three-apic-demo-passed
else fail three-apic-demo-passed "$(warden cell list)"; fi
if wait_state irqlat "shut down" 20; then pass three-hello-passed
else fail three-hello-passed "$(warden cell list)"; fi
check three-control-loop-runs sh -c "warden cell list | grep -q 'control-loop *running '"
warden cell list
check three-load-ran kill $LOAD
for cell in control-loop apic-demo irqlat; do check three-destroy-$cell warden cell destroy $cell; done
expect_eq three-root-has-all-cpus 0-3 "$(cat /sys/devices/system/cpu/online)"
for n in 1 2 3; do check three-cpu$n-runs-a-process cpu_in_root $n; done

check disable warden disable
warden console | tail -n 12
done_all
