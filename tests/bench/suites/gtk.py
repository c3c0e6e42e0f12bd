# SPDX-License-Identifier: LGPL-2.1-or-later
"""The nine js-framework-benchmark operations through atomr-view's actor,
bridge, diff and GTK backend (the window actor on a dispatcher thread, and
on the `ui` dispatcher), and by hand-written GTK code on the same widgets (a
GtkListView of rows), each timed until the frame that shows it has been
painted. bench-gtk prints one sample per operation, system and repetition;
this makes medians, p95 and, for each atomr-view system, the median over
the repetitions of its time over the hand-written time of the same
repetition (the ratio held to the target), and the ratio of the medians."""
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
        hand_by_rep = {r["rep"]: r["ms"] for r in by_op[op][HAND]}
        for system in (ATOMR, ATOMR_UI):
            # Paired: each repetition's sample over the hand-written one of the
            # same repetition, taken moments apart (bench-gtk runs each step on
            # the three systems in turn), then the median of those. The
            # machine's speed swings by half from one moment to the next, which
            # moves a ratio of medians by a tenth from run to run.
            ratio = median([r["ms"] / hand_by_rep[r["rep"]] for r in by_op[op][system]])
            of_medians = medians[system] / medians[HAND]
            result = {"scenario": op, "system": "ratio %s / hand-written" % system, "value": round(ratio, 3),
                      "unit": "x", "ratio_of_medians": round(of_medians, 3),
                      "note": "ratio of medians %.2f" % of_medians}
            if target is not None:
                result.update({"target": target, "met": ratio <= target,
                               "note": "target <= %.2f: %s; ratio of medians %.2f" % (
                                   target, "met" if ratio <= target else "missed", of_medians)})
            results.append(result)
    return results
