#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# config.round-trip: `warden config dump` of each built config builds back into the same bytes.
# Usage: roundtrip.sh WARDEN CONFIG_DIR WORK_DIR
set -euo pipefail
WARDEN=$1 CONFIGS=$2 WORK=$3
mkdir -p "$WORK"
count=0
for cell in "$CONFIGS"/*.cell; do
	name=$(basename "$cell" .cell)
	"$WARDEN" config dump "$cell" -o "$WORK/$name.dts"
	"$WARDEN" config build "$WORK/$name.dts" -o "$WORK/$name.cell"
	cmp "$cell" "$WORK/$name.cell"
	echo "ok: $name: dump + build gives the same $(stat -c %s "$cell") bytes"
	count=$((count + 1))
done
[ $count -gt 0 ] || { echo "no configs in $CONFIGS"; exit 1; }
