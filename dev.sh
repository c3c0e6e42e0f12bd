#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The two commands of the README, for a fresh Debian 12 machine:
#   ./dev.sh run    install what is missing, build, run the demo
#   ./dev.sh test   install what is missing, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages: build, tests (Xvfb, Broadway, browser), sanitizers,
# fuzzers, docs and the peer runtimes of the benchmarks.
packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libjson-glib-dev libsoup-3.0-dev
  gobject-introspection libgirepository1.0-dev gi-docgen
  python3-gi python3-pytest gir1.2-gtk-4.0 libgtk-4-bin
  xvfb xauth xdotool imagemagick fonts-dejavu-core librsvg2-common
  clang libclang-rt-14-dev
  chromium nodejs npm
  libcaf-dev erlang-base
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Node.js may come from elsewhere than Debian; any node >= 18 with npm will do.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  local wanted=()
  for p in "${missing[@]}"; do [ -n "$p" ] && wanted+=("$p"); done
  if [ ${#wanted[@]} -gt 0 ]; then
    echo "Installing: ${wanted[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}"
  fi
}

build() {
  local dir=$1; shift
  [ -f "$dir/build.ninja" ] || meson setup "$dir" "$@"
  meson compile -C "$dir"
}

run_tests() {
  build _build
  meson test -C _build --print-errorlogs
  # AddressSanitizer + UndefinedBehaviorSanitizer over every C suite.
  build _build-asan -Db_sanitize=address,undefined -Db_lundef=false \
    -Dintrospection=disabled -Ddocs=disabled -Dbenchmarks=false -Dexamples=false
  meson test -C _build-asan --setup asan --print-errorlogs
  # ThreadSanitizer over the runtime.
  build _build-tsan -Db_sanitize=thread -Db_lundef=false \
    -Dintrospection=disabled -Ddocs=disabled -Dbenchmarks=false -Dexamples=false -Dgtk=disabled
  meson test -C _build-tsan --setup tsan --suite actor --suite ui --print-errorlogs
}

case "${1:-}" in
  run)
    install_packages
    build _build
    exec ./_build/examples/atomr-view-actors-console
    ;;
  test)
    install_packages
    run_tests
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
