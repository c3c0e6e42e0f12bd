# SPDX-License-Identifier: LGPL-2.1-or-later
"""The gtk suite's nine operations counted in instructions instead of timed:
bench-gtk runs under valgrind's callgrind with --callgrind, which dumps the
counts of each measured step (every thread of the process) to a file of its
own. The counts do not move with the machine's mood as the times do, so
they show what a change to atomr-view costs or saves; they leave out the
X server's drawing and every wait, so their ratios are not the timed ones.
The ui dispatcher's counts are the clean ones: with the actor on a thread of
its own, the UI thread goes on with frames while the actor works, and under
valgrind that work takes fifty times as long, so more of them land in the
step. Needs valgrind (Debian's package); takes about five minutes."""
import json
import pathlib
import shutil
import subprocess
import tempfile

from _display import run_on_display
from _stats import median

REPS = 3
SYSTEMS = ("atomr-view", "atomr-view, ui dispatcher", "hand-written GTK")
HAND = "hand-written GTK"


def read_dump(path):
    """The (reason, instructions) of one callgrind dump file, from its header
    (the file goes on for megabytes of per-function counts)."""
    prefix = "desc: Trigger: Client Request: "
    reason = None
    total = None
    with path.open(errors="replace") as dump:
        for line in dump:
            if line.startswith(prefix):
                reason = line[len(prefix):].strip()
            elif line.startswith("summary:"):
                # What callgrind_annotate calls the program's total; the
                # "totals:" line at the end may differ for a zeroed part.
                total = int(line.split()[1])
                break
    return reason, total


def counts_instructions(ctx):
    """Whether the bench tree's bench-gtk was compiled with valgrind's header."""
    commands = json.loads((ctx.build_dir / "compile_commands.json").read_text())
    return any(c["file"].endswith("bench-gtk.c") and "-DHAVE_CALLGRIND_H" in c["command"]
               for c in commands)


def run(ctx):
    if shutil.which("valgrind") is None:
        raise RuntimeError("the gtk-instructions suite needs valgrind (apt-get install valgrind)")
    ctx.ensure_build()
    if not counts_instructions(ctx):
        ctx.log("the bench tree was configured before valgrind was installed: configuring it again")
        subprocess.run(["meson", "setup", "--reconfigure", str(ctx.build_dir)], cwd=ctx.source_dir,
                       check=True, stdout=subprocess.DEVNULL)
        ctx.ensure_build()
        if not counts_instructions(ctx):
            raise RuntimeError("bench-gtk is still built without valgrind/callgrind.h "
                               "(pkg-config does not find valgrind)")
    with tempfile.TemporaryDirectory(dir=ctx.work_dir) as work:
        out = pathlib.Path(work) / "callgrind.out"
        argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=%s" % out,
                ctx.build_dir / "tests" / "bench" / "bench-gtk",
                "--callgrind", "--reps", "1" if ctx.quick else str(REPS)]
        run_on_display(ctx, argv)
        counts = {}
        for path in pathlib.Path(work).glob("callgrind.out.*"):
            reason, total = read_dump(path)
            if reason is None or "|" not in reason or total is None:
                continue
            system, op = reason.split("|", 1)
            counts.setdefault(op, {}).setdefault(system, []).append(total)

    if not counts:
        raise RuntimeError("bench-gtk under callgrind dumped no step")
    reps = 1 if ctx.quick else REPS
    results = []
    for op in sorted(counts):
        medians = {}
        for system in SYSTEMS:
            runs = counts[op].get(system, [])
            if len(runs) != reps:
                raise RuntimeError("%d instruction counts for %r on %s, not %d" % (len(runs), op, system, reps))
            medians[system] = median(runs)
            results.append({
                "scenario": op, "system": system, "value": round(medians[system] / 1e6, 3),
                "unit": "M instructions", "reps": len(runs),
            })
        for system in SYSTEMS[:2]:
            results.append({
                "scenario": op, "system": "ratio %s / hand-written" % system,
                "value": round(medians[system] / medians[HAND], 3), "unit": "x",
                "note": "instructions, not time",
            })
    return results
