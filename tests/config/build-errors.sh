#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# config.build-errors: each tests/config/bad/*.dts has one defect and a "// expect: TEXT" line.
# `warden config build` must exit 1, print TEXT (file, node path, property, value) and write nothing.
# Usage: build-errors.sh WARDEN WORK_DIR
set -uo pipefail
WARDEN=$1 WORK=$2
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$WORK"
failures=0 count=0
for dts in "$HERE"/bad/*.dts; do
	name=$(basename "$dts")
	expect=$(sed -n 's|^// expect: ||p' "$dts")
	out="$WORK/${name%.dts}.cell"
	rm -f "$out"
	# Run from the file's directory so that messages name it as the user typed it.
	msg=$(cd "$HERE/bad" && "$WARDEN" config build "$name" -o "$out" 2>&1)
	rc=$?
	count=$((count + 1))
	if [ $rc -ne 1 ]; then
		echo "FAIL: $name: exit $rc, want 1. Output:"; echo "$msg"; failures=$((failures + 1))
	elif ! grep -qF -- "$expect" <<<"$msg"; then
		echo "FAIL: $name: no line containing: $expect"; echo "got:"; echo "$msg"
		failures=$((failures + 1))
	elif [ -e "$out" ]; then
		echo "FAIL: $name: $out was written despite the error"; failures=$((failures + 1))
	else
		echo "ok: $name: $(grep -F -- "$expect" <<<"$msg" | head -n 1)"
	fi
done
echo "$((count - failures)) of $count broken sources rejected with the expected message"
[ $failures -eq 0 ]
