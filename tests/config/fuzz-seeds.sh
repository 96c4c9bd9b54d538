#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# Seed inputs of fuzz_config_check (see its header for the input layout) from the built configs.
# Usage: fuzz-seeds.sh CONFIG_DIR SEED_DIR
set -euo pipefail
CONFIGS=$1 SEEDS=$2
mkdir -p "$SEEDS"
size16() { local n; n=$(stat -c %s "$1"); printf "\\x$(printf %02x $((n & 255)))\\x$(printf %02x $((n >> 8)))"; }
{ printf '\x00'; cat "$CONFIGS/qemu-q35.cell"; } >"$SEEDS/system"
for cell in irqlat apic-demo; do
	{ printf '\x01'; cat "$CONFIGS/$cell.cell"; } >"$SEEDS/cell-$cell"
	{ printf '\x02'; size16 "$CONFIGS/qemu-q35.cell"; cat "$CONFIGS/qemu-q35.cell" "$CONFIGS/$cell.cell"; } \
		>"$SEEDS/system-$cell"
done
{ printf '\x03'; size16 "$CONFIGS/irqlat.cell"; cat "$CONFIGS/irqlat.cell" "$CONFIGS/apic-demo.cell"; } \
	>"$SEEDS/pair"
