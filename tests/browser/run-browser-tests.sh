#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs the browser tests, or says (in TAP) why they cannot run here: never a
# silent pass. Usage: run-browser-tests.sh LAUNCHER TODO-PROGRAM
# playwright-core comes from npm (./dev.sh test runs `npm ci` here); the
# browser is Debian's chromium, never a download.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
skip() {
  echo "1..0 # SKIP $*"
  exit 0
}
command -v node >/dev/null 2>&1 || skip "node is not installed (Debian: nodejs)"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 18 ] || skip "node $(node --version) is too old: playwright-core needs 18 or later"
chromium=${ATOMR_VIEW_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || skip "$chromium is not installed (Debian: chromium)"
[ -f "$here/node_modules/playwright-core/package.json" ] ||
  skip "playwright-core is not installed: run npm ci in tests/browser (./dev.sh test does)"
daemon=${ATOMR_VIEW_BROADWAYD:-gtk4-broadwayd}
command -v "$daemon" >/dev/null 2>&1 || skip "no Broadway daemon ($daemon): install libgtk-4-bin"
[ $# -eq 2 ] || { echo "usage: $0 LAUNCHER TODO-PROGRAM" >&2; exit 2; }
launcher=$(realpath "$1")
program=$(realpath "$2")
cd "$here"
exec node broadway.test.js "$launcher" "$program"
