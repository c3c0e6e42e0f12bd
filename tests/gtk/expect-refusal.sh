#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs a command that must refuse its input: it passes when the command exits
# with status 1 and its standard error says $1. Usage:
# expect-refusal.sh TEXT PROGRAM [ARGS...]
set -u
expected=$1
shift
stderr_file=$(mktemp)
trap 'rm -f "$stderr_file"' EXIT
"$@" 2>"$stderr_file"
status=$?
cat "$stderr_file" >&2
if [ "$status" -ne 1 ]; then
  echo "expected exit status 1, got $status" >&2
  exit 1
fi
if ! grep -qF -- "$expected" "$stderr_file"; then
  echo "standard error does not say: $expected" >&2
  exit 1
fi
