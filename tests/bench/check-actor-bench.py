#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs the actor benchmark program once per scenario with tiny sizes and
checks that each run prints one JSON object with the fields the "actors"
suite reads. A TAP test, so that CI notices when the benchmark breaks; the
figures themselves mean nothing at these sizes.

    check-actor-bench.py PROGRAM
"""
import json
import subprocess
import sys

# scenario -> (n, fields the suite needs besides scenario, n, elapsed_ns)
CASES = {
    "tell": (2000, []),
    "ask": (200, ["p50_ns", "p99_ns"]),
    "fanout": (500, ["rss_delta_bytes"]),
    "cpu": (50, ["checksum"]),
    "one-way": (20000, []),
    "ping-pong-1": (2000, []),
    "ping-pong-2": (2000, []),
    "fan-in": (20000, ["peak_rss_bytes"]),
    "skynet": (1000, ["checksum", "peak_rss_bytes"]),
    "idle": (500, ["rss_delta_bytes"]),
}


def check(program, scenario, n, fields):
    proc = subprocess.run([program, scenario, str(n)], capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        return "exited with %d: %s" % (proc.returncode, proc.stderr.strip()[-300:])
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if len(lines) != 1:
        return "printed %d JSON lines, not 1" % len(lines)
    result = json.loads(lines[0])
    for field in ["scenario", "n", "elapsed_ns"] + fields:
        if field not in result:
            return "no %r in %s" % (field, lines[0])
    if result["scenario"] != scenario or result["n"] != n or result["elapsed_ns"] <= 0:
        return "unexpected figures: %s" % lines[0]
    if scenario == "skynet" and result["checksum"] != n * (n - 1) // 2:
        return "wrong skynet sum: %s" % lines[0]
    return None


def main():
    program = sys.argv[1]
    print("1..%d" % len(CASES))
    failed = 0
    for i, (scenario, (n, fields)) in enumerate(CASES.items(), 1):
        try:
            problem = check(program, scenario, n, fields)
        except (subprocess.TimeoutExpired, ValueError) as e:
            problem = str(e)
        if problem is None:
            print("ok %d /AtomrView/Bench/actors/%s" % (i, scenario))
        else:
            failed += 1
            print("not ok %d /AtomrView/Bench/actors/%s # %s" % (i, scenario, problem))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
