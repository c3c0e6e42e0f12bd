#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# A Broadway daemon that never listens; it writes its process id where
# FAKE_BROADWAYD_PID_FILE says, so that a test can check it was stopped.
if [ -n "${FAKE_BROADWAYD_PID_FILE:-}" ]; then
  echo $$ > "$FAKE_BROADWAYD_PID_FILE"
fi
exec sleep 120
