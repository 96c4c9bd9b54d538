#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# config.qemu-create: boots root Linux on the harness machine with the static warden tool and the
# repository's q35 configs, runs live.sh there (config create, check --live), then rebuilds the
# DTS the guest generated on the host: it must build, pass `config check`, and give the same
# binary (byte for byte) as the guest's `config create --output-binary`.
# Usage: qemu-create.sh QEMU_RUN BUILD_DIR WARDEN WARDEN_STATIC CONFIG_DIR OUT_DIR
set -euo pipefail
QEMU_RUN=$1 BUILD_DIR=$2 WARDEN=$3 WARDEN_STATIC=$4 CONFIGS=$5 OUT=$6
HERE=$(cd "$(dirname "$0")" && pwd)

"$QEMU_RUN" --mode linux --build-dir "$BUILD_DIR" --out "$OUT" --timeout 240 \
	--scenario "$HERE/live.sh" --add "$WARDEN_STATIC:/bin/warden" \
	--add "$CONFIGS/qemu-q35.cell:/lib/warden/configs/qemu-q35.cell" \
	--add "$CONFIGS/irqlat.cell:/lib/warden/configs/irqlat.cell" \
	--add "$CONFIGS/apic-demo.cell:/lib/warden/configs/apic-demo.cell"

tr -d '\r' <"$OUT/console.log" | sed -n '/^CONFIG-DTS-BEGIN$/,/^CONFIG-DTS-END$/p' |
	sed '1d;$d' >"$OUT/created.dts"
tr -d '\r' <"$OUT/console.log" | sed -n '/^CONFIG-BINARY-BEGIN$/,/^CONFIG-BINARY-END$/p' |
	sed '1d;$d' | base64 -d >"$OUT/guest.cell"
[ -s "$OUT/created.dts" ] || { echo "qemu-create: no DTS in $OUT/console.log" >&2; exit 1; }
"$WARDEN" config build "$OUT/created.dts" -o "$OUT/created.cell"
"$WARDEN" config check "$OUT/created.cell" "$CONFIGS/irqlat.cell" "$CONFIGS/apic-demo.cell"
if ! cmp "$OUT/created.cell" "$OUT/guest.cell"; then
	echo "qemu-create: the host build of the guest's DTS differs from the guest's binary" >&2
	exit 1
fi
echo "qemu-create: guest DTS rebuilt on the host: identical binary ($(stat -c %s "$OUT/guest.cell") bytes)"
