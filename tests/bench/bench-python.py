#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Python side of the Python benchmark (suites/python.py); bench-python-c does the same work in C.

    bench-python.py --counter-module PATH [--quick]

Prints one JSON object per line: {"scenario", "system": "Python", "value", "unit", "n"}.
Needs GI_TYPELIB_PATH, LD_LIBRARY_PATH and PYTHONPATH set for the build tree.
"""
import argparse
import ctypes
import json
import statistics
import time

import gi

gi.require_version("AtomrView", "1.0")
from gi.repository import AtomrView, GLib, GObject  # noqa: E402

Node = AtomrView.Node


def report(scenario, value, unit, n):
    print(json.dumps({"scenario": scenario, "system": "Python", "value": round(value, 3), "unit": unit, "n": n}),
          flush=True)


class PythonCounter(AtomrView.Actor):
    """The Python twin of BenchCounter: counts ints, echoes an asked int, replies the count to a string."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def do_receive(self, context, message):
        if message.get_type_string() == "x":
            self.count += 1
            if context.get_sender() is not None:
                context.reply(message)
        else:
            context.reply(self.count)


def tell_rate(counter, n, message=None):
    """Tells n messages from this thread, then waits until the actor has counted them all."""
    target = counter.ask("count", 10000) + n
    start = time.perf_counter()
    if message is None:
        for i in range(n):
            counter.tell(i)
    else:
        for i in range(n):
            counter.tell(message)
    while counter.ask("count", 10000) < target:
        pass
    return n / (time.perf_counter() - start)


def tell_many_rate(counter, n, batch):
    """Tells n ints in lists of @batch with tell_many(), then waits until the actor has counted them all."""
    target = counter.ask("count", 10000) + n
    start = time.perf_counter()
    for first in range(0, n, batch):
        counter.tell_many(range(first, min(first + batch, n)))
    while counter.ask("count", 10000) < target:
        pass
    return n / (time.perf_counter() - start)


def ask_round_trip_us(counter, n):
    times = []
    for i in range(n):
        start = time.perf_counter()
        reply = counter.ask(i, 10000)
        times.append((time.perf_counter() - start) * 1e6)
        assert reply == i
    return statistics.median(times)


def build_rows(n):
    return Node("container", orientation="vertical", children=[
        Node("list", key="rows", children=[
            Node("row", key="r%d" % i, id=i, children=[
                Node("text", text="row number %d" % i),
                Node("button", icon_name="edit-delete-symbolic"),
            ]) for i in range(n)]),
    ])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--counter-module", required=True, help="the bench-counter module with the C actor")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n_tell, n_ask, n_rows, reps = (2000, 100, 1000, 3) if args.quick else (200000, 5000, 1000, 21)

    # The C actor's type registers when its get_type function first runs.
    ctypes.CDLL(args.counter_module).bench_counter_get_type()
    c_type = GObject.type_from_name("BenchCounter")

    system = AtomrView.ActorSystem.new("bench")
    c_counter = system.spawn(AtomrView.Props.new(c_type), "c-counter")
    py_counter = system.spawn(PythonCounter, "py-counter")

    tell_rate(c_counter, n_tell // 10)
    report("tell to a C actor", tell_rate(c_counter, n_tell), "msg/s", n_tell)
    report("tell to a C actor, GLib.Variant made once", tell_rate(c_counter, n_tell, GLib.Variant.new_int64(1)),
           "msg/s", n_tell)
    report("tell_many to a C actor, 1000 a call", tell_many_rate(c_counter, n_tell, 1000), "msg/s", n_tell)
    tell_rate(py_counter, n_tell // 10)
    report("tell to a Python actor", tell_rate(py_counter, n_tell), "msg/s", n_tell)

    ask_round_trip_us(c_counter, n_ask // 10)
    report("ask round trip", ask_round_trip_us(c_counter, n_ask), "us", n_ask)
    report("ask round trip to a Python actor", ask_round_trip_us(py_counter, n_ask), "us", n_ask)

    times = []
    for _ in range(reps):
        start = time.perf_counter()
        root = build_rows(n_rows)
        times.append((time.perf_counter() - start) * 1e3)
        assert root[0].get_n_children() == n_rows
    report("build 1000 rows", statistics.median(times), "ms", reps)

    assert system.shutdown()


if __name__ == "__main__":
    main()
