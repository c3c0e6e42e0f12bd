# SPDX-License-Identifier: LGPL-2.1-or-later
"""The UI bridge on the GTK backend: latency from a window actor's scene
update to the patch applied on the UI thread, quiet and under a flood of
100 000 updates a second; the window's frames while flooded; and a
chat-like window whose region is fed 10 000 messages a second. bench-bridge
reports percentiles itself (nearest rank, as _stats.percentile); this adds
the targets."""
from _display import run_on_display

TARGETS = {
    "update to applied, quiet: p99": ("<", 1000.0, "p99 under 1 ms quiet"),
    "frames while flooded, work: p99": ("<", 16.0, "frames under 16 ms while flooded"),
    "frames while flooded, work: max": ("<", 16.0, "frames under 16 ms while flooded"),
}


def run(ctx):
    ctx.ensure_build()
    argv = [ctx.build_dir / "tests" / "bench" / "bench-bridge"]
    if ctx.quick:
        argv.append("--quick")
    results = run_on_display(ctx, argv)
    for result in results:
        target = TARGETS.get(result["scenario"])
        if target is not None:
            _, limit, what = target
            met = result["value"] < limit
            result["target"] = limit
            result["met"] = met
            result["note"] = "target: %s: %s" % (what, "met" if met else "missed")
        elif "samples" in result and "note" not in result:
            result["note"] = "%d samples" % result["samples"]
    return results
