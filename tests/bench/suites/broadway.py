# SPDX-License-Identifier: LGPL-2.1-or-later
"""Serving to a browser through Broadway, in Debian's chromium driven by
playwright-core (tests/browser, installed by ./dev.sh test): from starting
atomr-view-broadway with the to-do demo to the first frame painted in an
already running browser, and from a click in the page to the painted frame
that shows it (the demo's check, the counter's +1), median and p95 over 30
clicks after a warm-up. The same programs on a bare gtk4-broadwayd (no
supervision, no relay) come from the same run. Targets: first frame under
1 s; click to frame p95 under 100 ms."""
import pathlib
import shutil


def run(ctx):
    browser_dir = ctx.source_dir / "tests" / "browser"
    missing = []
    if shutil.which("node") is None:
        missing.append("node (Debian: nodejs)")
    if not pathlib.Path("/usr/bin/chromium").exists():
        missing.append("/usr/bin/chromium (Debian: chromium)")
    if not (browser_dir / "node_modules" / "playwright-core").is_dir():
        missing.append("playwright-core (npm ci in tests/browser; ./dev.sh test does it)")
    if shutil.which("gtk4-broadwayd") is None:
        missing.append("gtk4-broadwayd (Debian: libgtk-4-bin)")
    if missing:
        raise SystemExit("the broadway suite needs " + ", ".join(missing))

    ctx.ensure_build()
    argv = ["node", browser_dir / "bench-broadway.js",
            ctx.build_dir / "atomr-view-broadway" / "atomr-view-broadway",
            ctx.build_dir / "examples" / "atomr-view-todo",
            ctx.build_dir / "examples" / "atomr-view-counter"]
    if ctx.quick:
        argv += ["--runs", "2", "--clicks", "5"]
    else:
        argv += ["--runs", "9", "--clicks", "30"]
    return ctx.run_json(argv, timeout=1200)
