#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Harness self-test: a scenario whose check fails. The harness must fail the run and say why.
. /lib/warden/guest-lib.sh
check passing-check true
step deliberate-failure
fail deliberate-failure "this scenario reports a failure on purpose"
done_all
