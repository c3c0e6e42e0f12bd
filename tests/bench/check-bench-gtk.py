#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs bench-gtk --quick on an Xvfb display, as it is and with
--after-click, and checks what it prints (TAP): every line a sample, every
operation measured for all three systems in each repetition, and the times
sane (positive, the frame inside the total). Times are not compared.

    check-bench-gtk.py RUN-UNDER-XVFB FIRST-DISPLAY BENCH-GTK"""
import json
import math
import subprocess
import sys

run_under_xvfb, display, program = sys.argv[1:4]


def check_run(options, checks):
    """Runs the program with @options and appends its checks."""
    label = " ".join(options) or "as it is"
    proc = subprocess.run([run_under_xvfb, display, program, "--quick"] + options, capture_output=True,
                          text=True, timeout=600)
    checks.append(("%s: exits with 0" % label, proc.returncode == 0, proc.stderr[-2000:]))

    samples, bad_lines = [], []
    for line in proc.stdout.splitlines():
        try:
            sample = json.loads(line)
        except ValueError:
            bad_lines.append(line)
            continue
        fields = ("op", "system", "rep", "ms", "before_frame_ms", "frame_ms", "script_ms", "render_ms")
        if not all(field in sample for field in fields):
            bad_lines.append(line)
        samples.append(sample)
    checks.append(("%s: every line is a sample" % label, not bad_lines and samples, bad_lines[:3]))

    operations = ["01 create 1 000 rows", "02 replace all 1 000 rows", "03 update every 10th row (of 1 000)",
                  "04 select a row", "05 swap rows 2 and 999", "06 remove a row", "07 create 10 000 rows",
                  "08 append 1 000 rows to 1 000", "09 clear 1 000 rows"]
    systems = ["atomr-view", "atomr-view, ui dispatcher", "hand-written GTK"]
    seen = {(s["op"], s["system"], s["rep"]) for s in samples}
    missing = [(op, system, rep) for op in operations for system in systems for rep in (0, 1)
               if (op, system, rep) not in seen]
    checks.append(("%s: every operation is measured for every system in each repetition" % label,
                   not missing, missing[:5]))

    # A frame that began before the step (before_frame_ms < 0) would be one the
    # change could not be in.
    insane = [s for s in samples
              if not all(math.isfinite(s[k]) for k in ("ms", "before_frame_ms", "frame_ms"))
              or s["ms"] <= 0 or s["frame_ms"] <= 0 or s["before_frame_ms"] < 0 or s["ms"] > 60000]
    checks.append(("%s: every time is positive and the frame painted began after the step" % label,
                   not insane, insane[:3]))


checks = []
check_run([], checks)
check_run(["--after-click"], checks)

print("1..%d" % len(checks))
for number, (name, ok, detail) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok:
        print("# %s" % (detail,))
sys.exit(0 if all(ok for _, ok, _ in checks) else 1)
