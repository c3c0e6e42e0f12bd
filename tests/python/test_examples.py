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
    wait_until(lambda: widget("#0", "new") is not None, "the to-do list to show")
    assert not widget("#0", "add").get_sensitive()

    for text in ("milk", "eggs", "bread"):
        widget("#0", "new").set_text(text)
        wait_until(lambda: widget("#0", "add").get_sensitive(), "Add to become sensitive")
        widget("#0", "new").emit("activate")
        wait_until(lambda: widget("left").get_label() == "%d left" % (["milk", "eggs", "bread"].index(text) + 1),
                   "%s to be added" % text)
    assert widget("#0", "new").get_text() == ""
    assert [widget("items", key, "text").get_label() for key in ("t1", "t2", "t3")] == ["milk", "eggs", "bread"]

    widget("items", "t2", "done").set_active(True)
    wait_until(lambda: widget("left").get_label() == "2 left", "eggs to be done")
    assert widget("items", "t2", "text").has_css_class("dim-label")

    first_row = widget("items", "t1")
    widget("items", "t3", "remove").emit("clicked")
    wait_until(lambda: widget("items", "t3") is None, "bread to go")
    # A keyed edit: the rows that stay keep their widgets.
    assert widget("items", "t1") is first_row
    assert widget("left").get_label() == "1 left"
