# SPDX-License-Identifier: LGPL-2.1-or-later
"""The nine js-framework-benchmark operations through atomr-view's actor,
bridge, diff and GTK backend (the window actor on a dispatcher thread, and
on the `ui` dispatcher), and by hand-written GTK code on the same widgets (a
GtkListView of rows), each timed until the frame that shows it has been
painted. bench-gtk prints one sample per operation, system and repetition;
this makes medians, p95 and the ratio of each atomr-view median to the
hand-written one."""
from _display import run_on_display
from _stats import median, percentile

ATOMR = "atomr-view"
ATOMR_UI = "atomr-view, ui dispatcher"
HAND = "hand-written GTK"
TARGET = 1.10


def run(ctx):
    return measure(ctx, [], TARGET)


def measure(ctx, options, target):
    """Runs bench-gtk with @options; ratios are held to @target, or to none
    when it is None (figures to read, not a goal)."""
    ctx.ensure_build()
    argv = [ctx.build_dir / "tests" / "bench" / "bench-gtk"] + options
    if ctx.quick:
        argv.append("--quick")
    samples = run_on_display(ctx, argv)

    by_op = {}
    for s in samples:
        by_op.setdefault(s["op"], {}).setdefault(s["system"], []).append(s)

    results = []
    for op in sorted(by_op):
        medians = {}
        for system in (ATOMR, ATOMR_UI, HAND):
            runs = by_op[op].get(system, [])
            if not runs:
                raise RuntimeError("bench-gtk measured %r without %s" % (op, system))
            total = [r["ms"] for r in runs]
            medians[system] = median(total)
            result = {
                "scenario": op, "system": system, "value": round(medians[system], 3), "unit": "ms",
                "p95": round(percentile(total, 95), 3), "reps": len(runs),
                "before_frame_ms": round(median([r["before_frame_ms"] for r in runs]), 3),
                "frame_ms": round(median([r["frame_ms"] for r in runs]), 3),
                "script_ms": round(median([r["script_ms"] for r in runs]), 3),
            }
            if system != HAND:
                result["render_ms"] = round(median([r["render_ms"] for r in runs]), 3)
                result["note"] = "p95 %.1f; actor %.1f, UI %.1f, frame %.1f" % (
                    result["p95"], result["script_ms"], result["render_ms"], result["frame_ms"])
            else:
                result["note"] = "p95 %.1f; code %.1f, frame %.1f" % (
                    result["p95"], result["script_ms"], result["frame_ms"])
            results.append(result)
        for system in (ATOMR, ATOMR_UI):
            ratio = medians[system] / medians[HAND]
            result = {"scenario": op, "system": "ratio %s / hand-written" % system, "value": round(ratio, 3),
                      "unit": "x"}
            if target is not None:
                result.update({"target": target, "met": ratio <= target,
                               "note": "target <= %.2f: %s" % (target, "met" if ratio <= target else "missed")})
            results.append(result)
    return results
