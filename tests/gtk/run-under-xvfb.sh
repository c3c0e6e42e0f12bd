#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs a GTK test on an X display of its own: xvfb-run starts a fresh Xvfb on
# the first free display number from $1 up (each test starts from its own
# number, so tests running side by side do not race for one), and stops it
# when the test exits. Usage: run-under-xvfb.sh FIRST-DISPLAY PROGRAM [ARGS...]
set -eu
first=$1
shift
exec xvfb-run -a -n "$first" -s "-screen 0 1280x1024x24 -nolisten tcp" "$@"
