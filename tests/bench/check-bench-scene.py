#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs bench-scene --quick and checks what it prints (TAP): every line a
result with the harness's fields, every operation there for both systems, and
the keyed diff's patch count at the minimum. Times are not checked."""
import json
import subprocess
import sys

proc = subprocess.run([sys.argv[1], "--quick"], capture_output=True, text=True, timeout=600)
checks = []
checks.append(("exits with 0", proc.returncode == 0, proc.stderr[-2000:]))
results = []
bad_lines = []
for line in proc.stdout.splitlines():
    try:
        result = json.loads(line)
    except ValueError:
        bad_lines.append(line)
        continue
    if not all(field in result for field in ("scenario", "system", "value", "unit")):
        bad_lines.append(line)
    results.append(result)
checks.append(("every line is a result", not bad_lines and results, bad_lines[:3]))

operations = ["01 create rows", "02 replace all rows", "03 update every 10th row", "04 select row",
              "05 swap rows", "06 remove row", "08 append 1k rows", "09 clear rows"]
expected = ["%s (%s)" % (op, size) for op in operations for size in ("1k", "10k")]
expected += ["07 create 10k rows"]
expected += ["shared all but one subtree (%s nodes, depth %d)" % (size, depth)
             for size, depth in (("1k", 4), ("10k", 5), ("100k", 6))]
seen = {(r["scenario"], r["system"]) for r in results}
# The baseline's list is refused by apply when rows shift (a key twice among
# siblings on the way), and then only its diff is timed.
missing = [(scenario + ": " + measure, system) for scenario in expected
           for measure, systems in (("diff", ("atomr-view", "positional-baseline")),
                                    ("apply", ("atomr-view",)),
                                    ("patches", ("atomr-view", "positional-baseline")))
           for system in systems
           if (scenario + ": " + measure, system) not in seen]
checks.append(("every operation is measured for both systems", not missing, missing[:5]))

not_minimal = [(r["scenario"], r["value"], r["minimal"]) for r in results
               if r["system"] == "atomr-view" and r["unit"] == "patches" and r["value"] != r["minimal"]]
checks.append(("the keyed diff's patch counts are minimal", not not_minimal, not_minimal))

print("1..%d" % len(checks))
for number, (name, ok, detail) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok:
        print("# %s" % (detail,))
sys.exit(0 if all(ok for _, ok, _ in checks) else 1)
