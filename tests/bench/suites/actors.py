# SPDX-License-Identifier: LGPL-2.1-or-later
"""The actor runtime against CAF 0.17 and Erlang/OTP 25, in one interleaved run.

Every scenario runs once per system per repetition, each run in its own
process (so peak RSS is its own), with the order of the systems rotated from
one repetition to the next. Figures are medians over the repetitions. The
programs:

  atomr-view  tests/bench/actor-bench.c (built by meson in the bench tree)
  caf         tests/bench/peers/caf/actor-bench.cpp (g++ against libcaf_core)
  erlang      tests/bench/peers/erlang/actor_bench.erl (erlc)

all on two threads: our default dispatcher has 2 threads, CAF runs with
--scheduler.max-threads=2 and Erlang with +S 2 (see machine-notes: CAF would
start 4 workers on 2 vCPUs).

Every figure needs its peers beside it, so a peer that cannot be built
(libcaf-dev or erlang-base missing: ./dev.sh installs both) stops the suite
with the reason, and so does a system that produced no figure at all for a
scenario (after the table is printed). To leave a peer out on purpose, name
it: ATOMR_VIEW_BENCH_SKIP_PEERS=caf (or erlang, or caf,erlang); the table
then says that it was skipped and why.
"""
import hashlib
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import time

from _stats import median

MIB = 1024 * 1024

# name -> (full n, quick n). n counts messages, except fanout and idle
# (actors) and skynet (leaves, a power of ten).
SIZES = {
    "tell": (1_000_000, 20_000),
    "ask": (20_000, 2_000),
    "fanout": (100_000, 2_000),
    "cpu": (5_000, 200),
    "one-way": (10_000_000, 200_000),
    "ping-pong-1": (2_000_000, 100_000),
    "ping-pong-2": (400_000, 20_000),
    "fan-in": (20_000_000, 200_000),
    "skynet": (1_000_000, 10_000),
    "idle": (100_000, 10_000),
}
REPETITIONS = (5, 1)
RUN_TIMEOUT = 600

OURS = "atomr-view"
PEERS = ("erlang", "caf")


class System:
    """How to run one system's benchmark program."""

    def __init__(self, name, argv_for):
        self.name = name
        self.argv_for = argv_for   # (scenario, n) -> (argv, env)


def build_caf(ctx):
    source = ctx.bench_dir / "peers" / "caf" / "actor-bench.cpp"
    cxx = shutil.which("g++") or shutil.which("c++")
    if cxx is None:
        return None, "no C++ compiler"
    if not pathlib.Path("/usr/include/caf/all.hpp").exists():
        return None, "libcaf-dev is not installed"
    out_dir = ctx.work_dir / "caf"
    out_dir.mkdir(parents=True, exist_ok=True)
    binary = out_dir / "caf-actor-bench"
    stamp = out_dir / "source.sha256"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    if not binary.exists() or not stamp.exists() or stamp.read_text() != digest:
        ctx.log("building the CAF peer:", binary)
        proc = subprocess.run([cxx, "-O2", "-std=c++17", "-o", str(binary), str(source),
                               "-lcaf_core", "-lpthread"], capture_output=True, text=True)
        if proc.returncode != 0:
            return None, "the CAF peer did not build: " + proc.stderr.strip()[-400:]
        stamp.write_text(digest)
    return binary, None


def build_erlang(ctx):
    erl, erlc = shutil.which("erl"), shutil.which("erlc")
    if erl is None or erlc is None:
        return None, "erl/erlc not found (erlang-base)"
    source = ctx.bench_dir / "peers" / "erlang" / "actor_bench.erl"
    out_dir = ctx.work_dir / "erlang"
    out_dir.mkdir(parents=True, exist_ok=True)
    ctx.log("building the Erlang peer in", out_dir)
    proc = subprocess.run([erlc, "-o", str(out_dir), str(source)], capture_output=True, text=True)
    if proc.returncode != 0:
        return None, "the Erlang peer did not build: " + (proc.stdout + proc.stderr).strip()[-400:]
    return out_dir, None


SKIP_VARIABLE = "ATOMR_VIEW_BENCH_SKIP_PEERS"


def peers_to_skip():
    names = {name.strip() for name in os.environ.get(SKIP_VARIABLE, "").split(",") if name.strip()}
    unknown = names - set(PEERS)
    if unknown:
        raise SystemExit("actors: %s names unknown peers %s; the peers are %s"
                         % (SKIP_VARIABLE, ", ".join(sorted(unknown)), ", ".join(PEERS)))
    return names


def missing_peer(name, why):
    return SystemExit("actors: the %s peer is missing: %s\n"
                      "Install it (./dev.sh installs libcaf-dev and erlang-base), or leave it out "
                      "on purpose with %s=%s." % (name, why, SKIP_VARIABLE, name))


def make_systems(ctx, notes):
    ctx.ensure_build()
    ours = ctx.build_dir / "tests" / "bench" / "atomr-view-actor-bench"
    if not ours.exists():
        raise SystemExit("%s was not built (is -Dbenchmarks=true?)" % ours)
    systems = [System(OURS, lambda s, n: ([ours, s, n], {}))]
    skip = peers_to_skip()

    beam_dir, why = (None, None) if "erlang" in skip else build_erlang(ctx)
    if "erlang" in skip:
        notes.append("erlang skipped: %s names it" % SKIP_VARIABLE)
        ctx.log(notes[-1])
    elif beam_dir is None:
        raise missing_peer("erlang", why)
    else:
        def erlang_argv(scenario, n):
            argv = ["erl", "+S", "2"]
            if scenario == "skynet":
                argv += ["+P", "4000000"]   # 1.1 M processes; the default limit is 262 144
            return argv + ["-noshell", "-pa", beam_dir, "-run", "actor_bench", "main",
                           scenario, n], {}
        systems.append(System("erlang", erlang_argv))

    caf, why = (None, None) if "caf" in skip else build_caf(ctx)
    if "caf" in skip:
        notes.append("caf skipped: %s names it" % SKIP_VARIABLE)
        ctx.log(notes[-1])
    elif caf is None:
        raise missing_peer("caf", why)
    else:
        def caf_argv(scenario, n):
            # Ping-pong on one thread: CAF cannot pin two actors to one worker,
            # so that variant gets a scheduler of one worker.
            threads = 1 if scenario == "ping-pong-1" else 2
            return [caf, scenario, n, "--scheduler.max-threads=%d" % threads], {}
        systems.append(System("caf", caf_argv))
    return systems


def run_one(ctx, system, scenario, n):
    """Runs one program once; returns (measurement dict or None, problem or None)."""
    argv, env = system.argv_for(scenario, str(n))
    argv = [str(a) for a in argv]
    full_env = dict(os.environ)
    full_env.update(env)
    ctx.log("running:", " ".join(argv))
    problem = None
    try:
        proc = subprocess.run(argv, env=full_env, capture_output=True, text=True,
                              timeout=RUN_TIMEOUT)
        stdout, stderr = proc.stdout, proc.stderr
        if proc.returncode != 0:
            problem = "exited with %d" % proc.returncode
    except subprocess.TimeoutExpired as e:
        def text(x):
            return x.decode(errors="replace") if isinstance(x, bytes) else (x or "")
        stdout, stderr = text(e.stdout), text(e.stderr)
        problem = "killed after %d s" % RUN_TIMEOUT
    measurement = None
    for line in stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            measurement = json.loads(line)
    if problem is not None:
        # A program that printed its figure and then hung (at shutdown) still
        # measured; say so rather than drop it.
        ctx.log("%s %s: %s%s" % (system.name, scenario, problem,
                                 "" if measurement else "; " + stderr.strip()[-300:]))
        if measurement is not None:
            problem += " after printing its figure"
    return measurement, problem


# How each reported figure comes from a run's measurement:
# (result scenario, program scenario, unit, extract, higher is better)
def per_second(m):
    return m["n"] / (m["elapsed_ns"] / 1e9)


METRICS = [
    ("tell", "tell", "msg/s", per_second, True),
    ("ask", "ask", "asks/s", per_second, True),
    ("ask-p50", "ask", "us", lambda m: m["p50_ns"] / 1e3, False),
    ("ask-p99", "ask", "us", lambda m: m["p99_ns"] / 1e3, False),
    ("fanout", "fanout", "actors/s", per_second, True),
    ("fanout-bytes-per-actor", "fanout", "B/actor", lambda m: m["rss_delta_bytes"] / m["n"], False),
    ("cpu", "cpu", "msg/s", per_second, True),
    ("one-way", "one-way", "msg/s", per_second, True),
    ("ping-pong-1-thread", "ping-pong-1", "msg/s", per_second, True),
    ("ping-pong-2-threads", "ping-pong-2", "msg/s", per_second, True),
    ("fan-in", "fan-in", "msg/s", per_second, True),
    ("fan-in-peak-rss", "fan-in", "MiB", lambda m: m["peak_rss_bytes"] / MIB, False),
    ("skynet-1m", "skynet", "s", lambda m: m["elapsed_ns"] / 1e9, False),
    ("skynet-peak-rss", "skynet", "MiB", lambda m: m["peak_rss_bytes"] / MIB, False),
    ("idle-actor-bytes", "idle", "B/actor", lambda m: m["rss_delta_bytes"] / m["n"], False),
]

# The targets of issue 2, checked on the medians of this run (reported, not asserted).
TARGETS = {
    "one-way": ("at least Erlang's rate", lambda v, p: "erlang" in p and v >= p["erlang"]),
    "ping-pong-1-thread": ("at least Erlang's rate", lambda v, p: "erlang" in p and v >= p["erlang"]),
    "skynet-1m": ("faster than Erlang and CAF",
                  lambda v, p: all(peer in p and v < p[peer] for peer in PEERS)),
    "fan-in-peak-rss": ("under 64 MiB", lambda v, p: v < 64),
    "idle-actor-bytes": ("under 1 KiB", lambda v, p: v < 1024),
    "ask-p99": ("under 20 us", lambda v, p: v < 20),
}


def check_consistency(ctx, runs, notes):
    """The peers must have done the same work: same cpu checksum, same skynet sum."""
    for scenario in ("cpu", "skynet"):
        sums = {(m["system"], m["checksum"]) for m in runs.get(scenario, []) if "checksum" in m}
        if len({c for _, c in sums}) > 1:
            notes.append("%s checksums differ between systems: %s" % (scenario, sorted(sums)))
            ctx.log(notes[-1])


def busy_seconds():
    """CPU seconds the whole machine has been busy, and those of our finished children."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal ...
    busy = sum(fields[:3]) + sum(fields[5:8])
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return busy / os.sysconf("SC_CLK_TCK"), children.ru_utime + children.ru_stime


def format_figure(value):
    if value is None:
        return "n/a"
    if value >= 1e6:
        return "%.2f M" % (value / 1e6)
    if value >= 1e4:
        return "%.1f k" % (value / 1e3)
    if value >= 100:
        return "%.0f" % value
    return "%.3g" % value


def print_comparison(rows, quick, repetitions, notes, elapsed, system_names):
    print("actors: medians of %d interleaved run%s per system%s; ratios are ours / peer"
          % (repetitions, "s" if repetitions > 1 else "", " (QUICK: sizes too small to mean anything)" if quick else ""))
    headers = ["figure", "unit", "better", "atomr-view", "erlang", "caf", "ours/erlang", "ours/caf", "target"]
    table = []

    def figure(r, system):
        if system not in system_names:
            return "skipped"
        return format_figure(r["values"].get(system))

    for r in rows:
        table.append([r["scenario"], r["unit"], "higher" if r["higher_is_better"] else "lower",
                      figure(r, OURS), figure(r, "erlang"), figure(r, "caf"),
                      "%.2f" % r["ratios"]["erlang"] if "erlang" in r["ratios"] else "n/a",
                      "%.2f" % r["ratios"]["caf"] if "caf" in r["ratios"] else "n/a",
                      r.get("target_text", "")])
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))
    for note in notes:
        print("note:", note)
    print("(%d s in all)" % elapsed)
    print()


def run(ctx):
    started = time.time()
    machine_before, ours_before = busy_seconds()
    load_before = os.getloadavg()[0]
    notes = []
    quick = 1 if ctx.quick else 0
    repetitions = REPETITIONS[quick]
    systems = make_systems(ctx, notes)
    scenarios = list(SIZES)

    # runs[scenario] = list of measurements; problems[(system, scenario)] = [text]
    runs, problems = {}, {}
    for rep in range(repetitions):
        ctx.log("repetition %d of %d" % (rep + 1, repetitions))
        for scenario in scenarios:
            n = SIZES[scenario][quick]
            order = systems[rep % len(systems):] + systems[:rep % len(systems)]
            for system in order:
                measurement, problem = run_one(ctx, system, scenario, n)
                if problem is not None:
                    problems.setdefault((system.name, scenario), []).append(problem)
                if measurement is not None:
                    measurement["system"] = system.name
                    runs.setdefault(scenario, []).append(measurement)
    check_consistency(ctx, runs, notes)
    # Other processes on this 2-vCPU machine shift every figure: say how busy they kept it.
    machine_after, ours_after = busy_seconds()
    wall = time.time() - started
    others = max(0.0, (machine_after - machine_before) - (ours_after - ours_before)) / wall
    notes.append("other processes kept %.2f CPUs busy on average during the run%s; "
                 "load average %.1f at the start, %.1f at the end"
                 % (others, " (figures are unreliable)" if others > 0.25 else "",
                    load_before, os.getloadavg()[0]))
    ctx.log(notes[-1])
    for (system, scenario), texts in sorted(problems.items()):
        notes.append("%s %s: %d of %d runs had a problem: %s"
                     % (system, scenario, len(texts), repetitions, "; ".join(sorted(set(texts)))))
    global_notes = [n for n in notes if not n.startswith(tuple(s.name + " " for s in systems))]

    rows, results = [], []
    system_names = [s.name for s in systems]
    for name, scenario, unit, extract, higher_is_better in METRICS:
        values, per_run = {}, {}
        for system in system_names:
            samples = [extract(m) for m in runs.get(scenario, []) if m["system"] == system]
            if samples:
                values[system] = median(samples)
                per_run[system] = samples
        ratios = {peer: values[OURS] / values[peer]
                  for peer in PEERS if OURS in values and values.get(peer)}
        row = {"scenario": name, "unit": unit, "values": values, "ratios": ratios,
               "higher_is_better": higher_is_better}
        target = TARGETS.get(name)
        if target is not None and OURS in values:
            text, check = target
            peer_values = {p: values[p] for p in PEERS if p in values}
            row["target_met"] = bool(check(values[OURS], peer_values))
            row["target_text"] = "%s: %s" % (text, "met" if row["target_met"] else "MISSED")
        rows.append(row)

        for system in system_names:
            if system not in values:
                continue
            result = {"scenario": name, "system": system, "value": round(values[system], 3),
                      "unit": unit, "runs": [round(v, 3) for v in per_run[system]],
                      "n": SIZES[scenario][quick], "higher_is_better": higher_is_better}
            if system == OURS:
                parts = ["ours/%s %.2f" % (peer, ratio) for peer, ratio in ratios.items()]
                for peer, ratio in ratios.items():
                    result["ratio_vs_" + peer] = round(ratio, 3)
                if "target_text" in row:
                    parts.append(row["target_text"])
                    result["target"] = target[0]
                    result["target_met"] = row["target_met"]
                result["note"] = "; ".join(parts)
            if (system, scenario) in problems:
                result["problems"] = problems[(system, scenario)]
                result["note"] = "; ".join(filter(None, [result.get("note"), "%d run(s) with problems"
                                                         % len(problems[(system, scenario)])]))
            if system == OURS and global_notes:
                result["suite_notes"] = global_notes
            results.append(result)

    print_comparison(rows, ctx.quick, repetitions, notes, time.time() - started, system_names)

    # A figure without its peers beside it is not what this suite promises.
    missing = sorted({(system, scenario) for _, scenario, _, _, _ in METRICS for system in system_names
                      if not any(m["system"] == system for m in runs.get(scenario, []))})
    if missing:
        raise SystemExit("actors: no figure at all for %s"
                         % "; ".join("%s %s (%s)" % (system, scenario,
                                                     "; ".join(sorted(set(problems.get((system, scenario), ["?"])))))
                                     for system, scenario in missing))
    return results
