#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Harness self-test: a scenario that never ends. The harness must stop it at its timeout and name the step.
. /lib/warden/guest-lib.sh
check passing-check true
step waiting-forever
while :; do sleep 60; done
