#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Guest scenario of config.qemu-create (run by qemu-create.sh through the harness): `warden config
# create` on the harness machine, `config check --live` on what it made and on the repository's
# q35 configs, a derived cell, and a cell that takes root Linux's console port (must be refused).
# The generated DTS and binary (base64) go to the console for the host side to rebuild.
. /lib/warden/guest-lib.sh
W=/bin/warden
C=/lib/warden/configs

step create
if $W config create -o /tmp/system.dts --output-binary /tmp/system.cell 2>/tmp/create.err; then
	pass create
else
	fail create "$(tail -n 1 /tmp/create.err)"
fi

check created-config-live $W config check /tmp/system.cell --live
check repository-configs-live $W config check $C/qemu-q35.cell $C/irqlat.cell $C/apic-demo.cell --live
check derive-cell $W config cell /tmp/system.cell --name probe --cpus 3 --mem 1M \
	--pio 0x2f8:8 --pin 3 -o /tmp/probe.dts --output-binary /tmp/probe.cell
check derived-cell-live $W config check /tmp/system.cell /tmp/probe.cell --live

step console-port-refused
$W config cell /tmp/system.cell --name thief --cpus 2 --mem 1M --pio 0x3e8:8 \
	--output-binary /tmp/thief.cell >/dev/null 2>&1
out=$($W config check /tmp/system.cell /tmp/thief.cell --live 2>&1)
rc=$?
case "$rc:$out" in
1:*"port 0x3e8 of Linux's console ttyS2"*) pass console-port-refused ;;
*) fail console-port-refused "exit $rc: $out" ;;
esac

echo "CONFIG-BINARY-BEGIN"
base64 /tmp/system.cell
echo "CONFIG-BINARY-END"
echo "CONFIG-DTS-BEGIN"
cat /tmp/system.dts
echo "CONFIG-DTS-END"
done_all
