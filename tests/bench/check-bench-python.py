#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs both sides of the Python benchmark with --quick and checks what they print (TAP).

    check-bench-python.py BENCH-PYTHON-C BENCH-PYTHON-PY BENCH-COUNTER-MODULE

Every line a result, every scenario there, for C and for Python; speed is
never checked here (tests/bench/run python measures it).
"""
import json
import subprocess
import sys

c_program, python_program, counter_module = sys.argv[1:4]
runs = {
    "C": [c_program, "--quick"],
    "Python": [sys.executable, python_program, "--counter-module", counter_module, "--quick"],
}
expected = {
    "C": ["tell to a C actor", "ask round trip", "build 1000 rows"],
    "Python": ["tell to a C actor", "tell to a C actor, GLib.Variant made once",
               "tell_many to a C actor, 1000 a call", "tell to a Python actor",
               "ask round trip", "ask round trip to a Python actor", "build 1000 rows"],
}
checks = []
for system, argv in runs.items():
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=240)
    checks.append(("%s side exits with 0" % system, proc.returncode == 0, proc.stderr[-2000:]))
    results, bad = [], []
    for line in proc.stdout.splitlines():
        try:
            result = json.loads(line)
        except ValueError:
            bad.append(line)
            continue
        if result.get("system") != system or not all(k in result for k in ("scenario", "value", "unit", "n")):
            bad.append(line)
        results.append(result)
    checks.append(("%s side prints only results" % system, results and not bad, bad[:3]))
    scenarios = [r["scenario"] for r in results]
    checks.append(("%s side measures every scenario" % system, scenarios == expected[system], scenarios))
    checks.append(("%s side's figures are positive" % system, all(r["value"] > 0 for r in results), results))

print("1..%d" % len(checks))
for number, (name, ok, detail) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok:
        print("# %s" % (detail,))
sys.exit(0 if all(ok for _, ok, _ in checks) else 1)
