# SPDX-License-Identifier: LGPL-2.1-or-later
"""Shared fixtures of the Python tests, and a TAP reporter for meson.

The tests run against the build tree: GI_TYPELIB_PATH and LD_LIBRARY_PATH
point at its libraries, PYTHONPATH at bindings/python (tests/python/meson.build).
"""
import os
import time

import gi
import pytest

gi.require_version("AtomrView", "1.0")
from gi.repository import AtomrView, GLib  # noqa: E402

# A deadline, not a delay: generous, because a loaded two-core machine can be slow.
DEADLINE_S = 30.0


def wait_until(condition, what, timeout=DEADLINE_S):
    """Iterates the default main context until @condition() holds; fails after @timeout seconds.

    A timeout source wakes the loop every few milliseconds, so the deadline
    is noticed even when nothing else happens.
    """
    deadline = time.monotonic() + timeout
    context = GLib.MainContext.default()
    ticker = GLib.timeout_source_new(5)
    ticker.set_callback(lambda *args: GLib.SOURCE_CONTINUE)
    ticker.attach(context)
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError("timed out after %.0f s waiting for %s" % (timeout, what))
            context.iteration(True)
    finally:
        ticker.destroy()


@pytest.fixture
def system():
    """A fresh actor system, shut down after the test."""
    actor_system = AtomrView.ActorSystem.new("test")
    yield actor_system
    if not actor_system.is_terminated():
        assert actor_system.shutdown()


# -- TAP ------------------------------------------------------------------------

class TapReporter:
    def __init__(self):
        self.number = 0
        self.reports = {}

    def pytest_collection_finish(self, session):
        print("1..%d" % len(session.items), flush=True)

    def pytest_collectreport(self, report):
        if report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else "skipped"
            print("# all of %s skipped: %s" % (report.nodeid, reason), flush=True)
        if report.failed:
            print("Bail out! cannot collect %s" % report.nodeid, flush=True)
            for line in str(report.longrepr).splitlines():
                print("# " + line, flush=True)

    def pytest_runtest_logreport(self, report):
        self.reports.setdefault(report.nodeid, []).append(report)

    def pytest_runtest_logfinish(self, nodeid, location):
        self.number += 1
        reports = self.reports.pop(nodeid, [])
        failed = [r for r in reports if r.failed]
        skipped = [r for r in reports if r.skipped]
        name = nodeid.split("::", 1)[-1]
        if failed:
            print("not ok %d - %s" % (self.number, name))
            for report in failed:
                for line in report.longreprtext.splitlines():
                    print("# " + line)
                for section, text in report.sections:
                    print("# -- %s --" % section)
                    for line in text.splitlines():
                        print("# " + line)
        elif skipped:
            reason = skipped[0].longrepr[2] if isinstance(skipped[0].longrepr, tuple) else "skipped"
            print("ok %d - %s # SKIP %s" % (self.number, name, reason))
        else:
            print("ok %d - %s" % (self.number, name))
        os.sys.stdout.flush()


def pytest_configure(config):
    if os.environ.get("ATOMR_VIEW_TAP"):
        config.pluginmanager.register(TapReporter(), "atomr-view-tap")
