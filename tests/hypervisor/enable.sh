#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Issue 5 acceptance, in one boot: enable with the q35 system config, the
# signature CPUID leaf on every CPU, Linux keeps working under load while
# the VM-exit counters grow, disable, 20 enable/disable cycles with the pool
# back at its start value, and refusals that leave Linux as it was.
. /lib/warden/guest-lib.sh

CONFIG=/etc/warden/qemu-q35.cell
SYSFS=/sys/devices/warden
CPUS=$(grep -c ^processor /proc/cpuinfo)

# leaf_on_all EXPECT: the Warden leaf is (yes) or is not (no) seen on every CPU.
leaf_on_all() {
	local cpu=0 bad=""
	while [ $cpu -lt $CPUS ]; do
		if taskset -c $cpu /bin/cpuid-leaf >/tmp/leaf.out; then seen=yes; else seen=no; fi
		[ "$seen" = "$1" ] || bad="$bad cpu$cpu:$(cat /tmp/leaf.out)"
		cpu=$((cpu + 1))
	done
	[ -z "$bad" ] || { echo "leaf not as expected ($1):$bad"; return 1; }
}

exits_total() {
	local value
	read value <$SYSFS/cpus/$1/vmexits_$2
	echo $value
}

# Linux is unaffected: not enabled, no Warden leaf anywhere, a process runs on each CPU.
linux_as_before() {
	[ "$(cat $SYSFS/enabled)" = 0 ] || { echo "enabled is $(cat $SYSFS/enabled)"; return 1; }
	leaf_on_all no
}

# refused NAME PATTERN CMD...: CMD must fail with exit 1 and a message matching PATTERN.
refused() {
	local name=$1 pattern=$2 out rc
	shift 2
	step "$name"
	out=$("$@" 2>&1)
	rc=$?
	echo "$out"
	if [ $rc -ne 1 ]; then
		fail "$name" "'$*' exited $rc, expected 1"
	elif ! echo "$out" | grep -q "$pattern"; then
		fail "$name" "message '$out' does not say '$pattern'"
	elif ! linux_as_before >/tmp/why 2>&1; then
		fail "$name" "Linux changed: $(cat /tmp/why)"
	else
		pass "$name"
	fi
}

check insmod insmod /lib/modules/warden.ko
check before-enable linux_as_before

step enable
if warden enable $CONFIG; then pass enable; else fail enable "exit $?"; fi
check leaf-on-every-cpu leaf_on_all yes
check sysfs-enabled test "$(cat $SYSFS/enabled)" = 1
POOL_START=$(cat $SYSFS/mem_pool_used)
echo "memory pool: $POOL_START of $(cat $SYSFS/mem_pool_size) pages used"
check info-shows-pool sh -c "warden info | grep -q 'memory pool used (pages): $POOL_START'"
check user-space-hypercall-refused /bin/user-vmmcall
check still-enabled-after-user-hypercall leaf_on_all yes
check console-ring sh -c "warden console | grep -q \"root cell 'linux' running on $CPUS CPUs\""

# INIT/SIPI would reset a CPU under the hypervisor: the driver keeps CPU hotplug off.
step hotplug-blocked
if echo 0 >/sys/devices/system/cpu/cpu$((CPUS - 1))/online 2>/dev/null; then
	fail hotplug-blocked "cpu$((CPUS - 1)) went offline while enabled"
elif [ "$(cat /sys/devices/system/cpu/cpu$((CPUS - 1))/online)" != 1 ]; then
	fail hotplug-blocked "cpu$((CPUS - 1)) is not online"
else
	pass hotplug-blocked
fi

step refuse-double-enable
out=$(warden enable $CONFIG 2>&1)
rc=$?
echo "$out"
if [ $rc -eq 1 ] && echo "$out" | grep -q "already enabled" && leaf_on_all yes >/tmp/why; then
	pass refuse-double-enable
else
	fail refuse-double-enable "exit $rc, '$out', $(cat /tmp/why)"
fi

step workload
cpu=0
while [ $cpu -lt $CPUS ]; do
	eval "BEFORE_$cpu=$(exits_total $cpu total)"
	cpu=$((cpu + 1))
done
cpu=0
while [ $cpu -lt $CPUS ]; do
	taskset -c $cpu sh -c 'i=0; while [ $i -lt 40 ]; do
		echo "$i $$" | md5sum >/dev/null; ls /proc >/dev/null; i=$((i + 1)); done' &
	cpu=$((cpu + 1))
done
cyclictest -q -m -t $CPUS -a 0-$((CPUS - 1)) -i 1000 -D 5 >/tmp/cyclictest.out 2>&1
CT=$?
wait
cat /tmp/cyclictest.out
if [ $CT -eq 0 ] && grep -q "Max:" /tmp/cyclictest.out; then
	pass cyclictest
else
	fail cyclictest "exit $CT: $(tail -n 1 /tmp/cyclictest.out)"
fi
cpu=0
while [ $cpu -lt $CPUS ]; do
	eval "before=\$BEFORE_$cpu"
	after=$(exits_total $cpu total)
	echo "cpu $cpu: vm exits $before -> $after (cpuid $(exits_total $cpu cpuid)," \
		"xapic $(exits_total $cpu xapic), ipi $(exits_total $cpu ipi), msr $(exits_total $cpu msr))"
	if [ "$after" -gt "$before" ]; then pass exits-grow-cpu$cpu; else
		fail exits-grow-cpu$cpu "vmexits_total $before -> $after"; fi
	cpu=$((cpu + 1))
done

step disable
if warden disable; then pass disable; else fail disable "exit $?"; fi
check leaf-gone linux_as_before
check linux-works sh -c 'echo alive | md5sum | grep -q .'
refused refuse-double-disable "not enabled" warden disable

step cycles
i=1
bad=""
while [ $i -le 20 ]; do
	warden enable $CONFIG >/dev/null || { bad="$bad enable#$i"; break; }
	read used <$SYSFS/mem_pool_used
	read state <$SYSFS/cpus/$((i % CPUS))/state
	[ "$used" = "$POOL_START" ] || bad="$bad pool#$i=$used"
	[ "$state" = 0 ] || bad="$bad cpu$((i % CPUS))-state#$i=$state"
	warden disable >/dev/null || { bad="$bad disable#$i"; break; }
	i=$((i + 1))
done
if [ -z "$bad" ]; then pass "cycles-20-pool-$POOL_START"; else fail cycles "$bad"; fi
check after-cycles linux_as_before

# A copy with the revision field (offset 8) changed.
cp $CONFIG /tmp/corrupted.cell && printf "\\011" | dd of=/tmp/corrupted.cell bs=1 seek=8 conv=notrunc 2>/dev/null
refused refuse-corrupted-config "revision" warden enable /tmp/corrupted.cell
refused refuse-unreserved-memory "not reserved" warden enable /etc/warden/unreserved.cell
refused refuse-cpu-not-in-config "not in the root cell" warden enable /etc/warden/missing-cpu.cell
check enable-after-refusals warden enable $CONFIG
check leaf-after-refusals leaf_on_all yes
check disable-after-refusals warden disable

# After disable, Linux owns its CPUs again: offline and online (INIT/SIPI) work.
LAST=/sys/devices/system/cpu/cpu$((CPUS - 1))/online
check hotplug-after-disable sh -c "echo 0 >$LAST && echo 1 >$LAST && test \$(cat $LAST) = 1"
check leaf-after-hotplug leaf_on_all no

echo "hypervisor console:"
warden console | tail -n 12
check rmmod rmmod warden
done_all
