# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python against C through GObject introspection: tell throughput to a C actor
(one value a call, a prebuilt GLib.Variant a call, and 1000 values a
tell_many() call) and to a Python actor, ask round trips, and building a
1000-row scene, each beside the same work in C (bench-python-c). The two sides run in turns, a few
rounds each in one run, and the medians are reported with the Python/C ratios.
Targets: a Python tell at least 20 % of the C rate; 1000 rows in under 20 ms."""
import os
import sys

from _stats import median

PYTHON = "/usr/bin/python3"   # the interpreter with PyGObject


def run(ctx):
    ctx.ensure_build()
    build = ctx.build_dir
    c_program = build / "tests" / "bench" / "bench-python-c"
    module = build / "tests" / "bench" / "libbench-counter.so"
    if not c_program.exists() or not module.exists():
        sys.exit("%s has no Python benchmark: it needs introspection and the python option" % build)
    libraries = "%s:%s" % (build / "atomr-view", build / "atomr-view-gtk")
    env = {
        "GI_TYPELIB_PATH": libraries,
        "LD_LIBRARY_PATH": libraries,
        "PYTHONPATH": str(ctx.source_dir / "bindings" / "python"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    quick = ["--quick"] if ctx.quick else []
    python_argv = [PYTHON, ctx.bench_dir / "bench-python.py", "--counter-module", module] + quick

    samples = {}
    rounds = 1 if ctx.quick else 3
    for number in range(rounds):
        ctx.log("round %d of %d" % (number + 1, rounds))
        for argv, extra in (([c_program] + quick, None), (python_argv, env)):
            for result in ctx.run_json(argv, env=extra):
                samples.setdefault((result["scenario"], result["system"]), []).append(result)

    results = []
    for (scenario, system), values in samples.items():
        results.append({"scenario": scenario, "system": system, "unit": values[0]["unit"],
                        "value": median([v["value"] for v in values]),
                        "n": values[0]["n"], "rounds": len(values),
                        "note": "median of %d rounds" % len(values)})

    def value(scenario, system):
        return next(r["value"] for r in results if r["scenario"] == scenario and r["system"] == system)

    c_tell = value("tell to a C actor", "C")
    for scenario in ("tell to a C actor", "tell to a C actor, GLib.Variant made once",
                     "tell_many to a C actor, 1000 a call", "tell to a Python actor"):
        ratio = 100.0 * value(scenario, "Python") / c_tell
        results.append({"scenario": scenario + " / C tell", "system": "ratio", "value": round(ratio, 1),
                        "unit": "%", "note": "target >= 20 %" if scenario == "tell to a C actor" else ""})
    c_ask = value("ask round trip", "C")
    for scenario in ("ask round trip", "ask round trip to a Python actor"):
        results.append({"scenario": scenario + " / C ask", "system": "ratio",
                        "value": round(value(scenario, "Python") / c_ask, 2), "unit": "x", "note": "time"})
    build_ms = value("build 1000 rows", "Python")
    results.append({"scenario": "build 1000 rows / C", "system": "ratio",
                    "value": round(build_ms / value("build 1000 rows", "C"), 1), "unit": "x",
                    "note": "Python %.1f ms, target < 20 ms" % build_ms})
    results.sort(key=lambda r: (r["system"] == "ratio", r["scenario"], r["system"]))
    return results


if __name__ == "__main__":
    print("run it through tests/bench/run python", file=sys.stderr)
    sys.exit(os.EX_USAGE)
