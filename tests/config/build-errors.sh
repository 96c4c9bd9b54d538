#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# config.build-errors: each tests/config/bad/*.dts has one defect and exactly one "// expect: TEXT" line naming
# the file (TEXT must contain it) and, as far as the defect has them, node path, property and value.
# `warden config build` must exit 1, print TEXT as one whole line and write nothing. A file without its
# expect line fails: it would match any output.
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
	count=$((count + 1))
	if [ "$(grep -c '^// expect: ' "$dts")" != 1 ] || [ -z "$expect" ]; then
		echo "FAIL: $name: want exactly one non-empty '// expect: TEXT' line"; failures=$((failures + 1))
		continue
	fi
	case $expect in
	*"$name"*) ;;
	*) echo "FAIL: $name: the expect line does not name the file: $expect"; failures=$((failures + 1))
	   continue ;;
	esac
	# Run from the file's directory so that messages name it as the user typed it.
	msg=$(cd "$HERE/bad" && "$WARDEN" config build "$name" -o "$out" 2>&1)
	rc=$?
	if [ $rc -ne 1 ]; then
		echo "FAIL: $name: exit $rc, want 1. Output:"; echo "$msg"; failures=$((failures + 1))
	elif ! grep -qxF -- "$expect" <<<"$msg"; then
		echo "FAIL: $name: no line that is exactly: $expect"; echo "got:"; echo "$msg"
		failures=$((failures + 1))
	elif [ -e "$out" ]; then
		echo "FAIL: $name: $out was written despite the error"; failures=$((failures + 1))
	else
		echo "ok: $name: $expect"
	fi
done
echo "$((count - failures)) of $count broken sources rejected with the expected message"
[ $count -gt 0 ] || { echo "FAIL: no broken sources in $HERE/bad"; exit 1; }
[ $failures -eq 0 ]
