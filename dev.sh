#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# The two commands of the README, for a fresh Debian 12 machine:
#   ./dev.sh run    install what is missing, build, run the demo (in a window,
#                   or, with no display, served to a browser through Broadway)
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

# libFuzzer over the scene decoders and apply, a fixed time each, starting
# from the corpus in the repository; a crash, a failed check or a sanitizer
# report fails the run. New inputs go to a scratch folder, not the corpus.
run_fuzzers() {
  local dir=_build-fuzz
  [ -f "$dir/build.ninja" ] || CC=clang meson setup "$dir" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dintrospection=disabled -Ddocs=disabled \
    -Dbenchmarks=false -Dexamples=false -Dgtk=disabled
  meson compile -C "$dir"
  # Global, not local: the EXIT trap runs after this function's locals are gone.
  fuzz_scratch=$(mktemp -d)
  trap 'rm -rf "$fuzz_scratch"' EXIT
  local scratch=$fuzz_scratch
  for target in scene-json scene-variant scene-apply; do
    local options=(-max_total_time=20 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                   -artifact_prefix="$scratch/$target-")
    [ -f "tests/fuzz/$target.dict" ] && options+=(-dict="tests/fuzz/$target.dict")
    mkdir -p "$scratch/$target"
    # The decoders intern arbitrary names, and GLib's quark table then grows
    # by blocks it never frees; only the slow unwinder lets lsan.supp match
    # that. apply's names come from a fixed set, so it keeps the fast one.
    local unwind=fast_unwind_on_malloc=0:malloc_context_size=8
    [ "$target" = scene-apply ] && unwind=fast_unwind_on_malloc=1
    echo "Fuzzing $target for 20 s"
    ASAN_OPTIONS=detect_leaks=1:$unwind \
    LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "$dir/tests/fuzz/fuzz-$target" "${options[@]}" "$scratch/$target" "tests/fuzz/corpus/$target"
  done
}

# playwright-core for the browser tests, from npm at the version the lock file
# pins; it drives Debian's chromium and never downloads a browser.
install_browser_test_modules() {
  if ! command -v npm >/dev/null; then
    echo "npm is missing: the browser tests will say they were skipped" >&2
    return
  fi
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
}

run_tests() {
  build _build
  install_browser_test_modules
  meson test -C _build --print-errorlogs
  # AddressSanitizer + UndefinedBehaviorSanitizer over every C suite.
  build _build-asan -Db_sanitize=address,undefined -Db_lundef=false \
    -Dintrospection=disabled -Ddocs=disabled -Dbenchmarks=false -Dexamples=false
  meson test -C _build-asan --setup asan --print-errorlogs
  # ThreadSanitizer over the runtime, and over the scenes that its threads share.
  build _build-tsan -Db_sanitize=thread -Db_lundef=false \
    -Dintrospection=disabled -Ddocs=disabled -Dbenchmarks=false -Dexamples=false -Dgtk=disabled
  meson test -C _build-tsan --setup tsan --suite actor --suite ui --suite scene --print-errorlogs
  run_fuzzers
}

case "${1:-}" in
  run)
    install_packages
    build _build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      # No display: serve the demo on 127.0.0.1 and print the address to open.
      exec ./_build/atomr-view-broadway/atomr-view-broadway -- ./_build/examples/atomr-view-todo
    fi
    exec ./_build/examples/atomr-view-todo
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
