# SPDX-License-Identifier: GPL-2.0-only
# Shell helpers for scenario scripts that run in root Linux under the QEMU harness.
# Markers are described in docs/platform.md; the harness reads them from the root console.
# Sourced by scenarios as: . /lib/warden/guest-lib.sh

WARDEN_FAILURES=0

# step NAME: announce the next step, so that a hang is reported with its name.
step() {
	echo "WARDEN-STEP: $*"
}

pass() {
	echo "WARDEN-PASS: $*"
}

# fail NAME REASON...: report a check that did not hold; the scenario goes on.
fail() {
	local name=$1
	shift
	echo "WARDEN-FAIL: $name: $*"
	WARDEN_FAILURES=$((WARDEN_FAILURES + 1))
}

# check NAME CMD...: run CMD; pass when it exits 0, otherwise fail with its output's last line.
check() {
	local name=$1 out rc
	shift
	step "$name"
	out=$("$@" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		pass "$name"
	else
		fail "$name" "'$*' exited $rc: $(echo "$out" | tail -n 1)"
	fi
	return $rc
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected '$2', got '$3'"
	fi
}

# done_all: the end of the scenario.
done_all() {
	echo "WARDEN-DONE failures=$WARDEN_FAILURES"
}
