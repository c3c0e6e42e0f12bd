#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# A Broadway daemon that will not start: it says why and exits with status 3.
echo "fake-broadwayd: cannot open the frobnicator for $*" >&2
exit 3
