# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Python examples (examples/python) driven through their widgets, under Xvfb."""
import importlib.util
import os

import gi
import pytest

gi.require_version("AtomrView", "1.0")
gi.require_version("AtomrViewGtk", "1.0")
gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import AtomrView, AtomrViewGtk, Gdk, Gtk  # noqa: E402

from conftest import wait_until  # noqa: E402

EXAMPLES = os.path.join(os.environ.get("ATOMR_VIEW_SOURCE_ROOT",
                                       os.path.join(os.path.dirname(__file__), "..", "..")), "examples", "python")

if not Gtk.init_check() or Gdk.Display.get_default() is None:
    pytest.skip("no display: run these tests under Xvfb (tests/gtk/run-under-xvfb.sh)", allow_module_level=True)


def load_example(name):
    spec = importlib.util.spec_from_file_location("example_" + name, os.path.join(EXAMPLES, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def run():
    """Spawns a window actor class as "main" on a GTK backend; returns a widget finder."""
    system = AtomrView.ActorSystem.new("examples")
    backend = AtomrViewGtk.Backend.new()
    bridge = AtomrView.UiBridge.new(system, backend)

    def start(window_class):
        system.spawn(window_class, "main")
        return lambda *path: backend.get_widget("main", list(path))

    yield start
    assert system.shutdown()
    del bridge


def test_counter(run):
    widget = run(load_example("counter").Counter)
    wait_until(lambda: widget("count") is not None, "the counter to show")
    assert widget("count").get_label() == "0"
    for key in ("more", "more", "less", "more"):
        before = widget("count").get_label()
        widget("#1", key).emit("clicked")
        wait_until(lambda: widget("count").get_label() != before, "the count to change after %s" % key)
    assert widget("count").get_label() == "2"


def test_todo(run):
    widget = run(load_example("todo").Todo)

    def task(key, *rest):
        return widget("scroll", "tasks", key, *rest)

    def titles():
        tasks = widget("scroll", "tasks")
        keys = []
        child = tasks.get_first_child()
        while child is not None:
            keys.append(child)
            child = child.get_next_sibling()
        return [next(k for k in ("task-1", "task-2", "task-3") if task(k) is row) for row in keys]

    wait_until(lambda: widget("entry", "new") is not None, "the to-do list to show")
    assert not widget("entry", "add").get_sensitive()
    for number, text in enumerate(("milk", "eggs", "bread"), 1):
        widget("entry", "new").set_text(text)
        wait_until(lambda: widget("entry", "add").get_sensitive(), "Add to become sensitive")
        widget("entry", "new").emit("activate")
        wait_until(lambda: widget("summary").get_label() == "0 of %d done" % number, "%s to be added" % text)
    assert widget("entry", "new").get_text() == ""
    assert [task(k, "title").get_label() for k in ("task-1", "task-2", "task-3")] == ["milk", "eggs", "bread"]

    task("task-2", "done").set_active(True)
    wait_until(lambda: widget("summary").get_label() == "1 of 3 done", "eggs to be done")
    assert task("task-2", "title").has_css_class("dim-label")

    # A keyed move: the row's widgets move with it.
    bread = task("task-3")
    task("task-3", "up").emit("clicked")
    wait_until(lambda: titles() == ["task-1", "task-3", "task-2"], "bread to move up")
    assert task("task-3") is bread

    task("task-1", "edit").emit("clicked")
    wait_until(lambda: task("task-1", "rename") is not None, "the rename entry")
    task("task-1", "rename").set_text("oat milk")
    task("task-1", "rename").emit("activate")
    wait_until(lambda: task("task-1", "title") is not None, "the renamed title")
    assert task("task-1", "title").get_label() == "oat milk"

    task("task-2", "remove").emit("clicked")
    wait_until(lambda: task("task-2") is None, "eggs to go")
    assert task("task-3") is bread
    assert widget("summary").get_label() == "0 of 2 done"
