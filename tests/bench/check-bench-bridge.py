#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs bench-bridge --quick on an Xvfb display and checks what it prints
(TAP): every line a result with the harness's fields, every measurement
there, latencies, frame times and rates positive, frames painted while
flooded. Nothing is compared with a target.

    check-bench-bridge.py RUN-UNDER-XVFB FIRST-DISPLAY BENCH-BRIDGE"""
import json
import math
import subprocess
import sys

run_under_xvfb, display, program = sys.argv[1:4]
proc = subprocess.run([run_under_xvfb, display, program, "--quick"], capture_output=True, text=True,
                      timeout=600)
checks = [("exits with 0", proc.returncode == 0, proc.stderr[-2000:])]

results, bad_lines = {}, []
for line in proc.stdout.splitlines():
    try:
        result = json.loads(line)
    except ValueError:
        bad_lines.append(line)
        continue
    if not all(field in result for field in ("scenario", "system", "value", "unit")):
        bad_lines.append(line)
        continue
    results[result["scenario"]] = result
checks.append(("every line is a result", not bad_lines and results, bad_lines[:3]))

spreads = ["update to applied, quiet", "control: a thread sets the label through g_main_context_invoke, quiet",
           "update to applied, one every 5 ms",
           "update to applied, flooded", "frames while flooded, work", "frames while flooded, interval"]
chats = ["chat, 10 000 messages/s, newest 200 shown",
         "chat, 10 000 messages/s, newest 200 shown, region renders every 16 ms",
         "chat, 10 000 messages/s, newest 50 shown, region renders every 16 ms"]
spreads += [chat + ", frame work" for chat in chats] + [chat + ", frame interval" for chat in chats]
expected = ["%s: %s" % (spread, point) for spread in spreads for point in ("p50", "p99", "max")]
expected += ["flood: updates posted per second", "flood: scenes applied per second", "flood: scenes conflated"]
expected += ["%s: %s" % (chat, what) for chat in chats
             for what in ("messages received per second", "region renders per second",
                          "scenes applied per second", "frames per second")]
missing = [name for name in expected if name not in results]
checks.append(("every measurement is there", not missing, missing[:5]))

def value(name):
    return results.get(name, {}).get("value", float("nan"))

insane = [name for name in expected if name in results
          and (not math.isfinite(value(name)) or value(name) <= 0)
          and not name.endswith("scenes conflated")]
checks.append(("every figure is positive", not insane, insane[:5]))

ordered = [spread for spread in spreads
           if not value(spread + ": p50") <= value(spread + ": p99") <= value(spread + ": max")]
checks.append(("p50 <= p99 <= max", not ordered, ordered[:3]))

# Rates are figures, not checked against their targets: only that they name one.
rates = [name for name in
         ["flood: updates posted per second"] + [chat + ": messages received per second" for chat in chats]
         if not results.get(name, {}).get("target", 0) > 0]
checks.append(("the flood's and the feeds' rates say what they aimed at", not rates, rates))

frames = results.get("frames while flooded, work: p50", {}).get("samples", 0)
checks.append(("the window paints while flooded", frames > 0, frames))

print("1..%d" % len(checks))
for number, (name, ok, detail) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok:
        print("# %s" % (detail,))
sys.exit(0 if all(ok for _, ok, _ in checks) else 1)
