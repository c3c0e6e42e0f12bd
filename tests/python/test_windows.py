# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python window and region actors on the GTK backend, under Xvfb: render, events, failures."""
import logging
import queue

import gi
import pytest

gi.require_version("AtomrView", "1.0")
gi.require_version("AtomrViewGtk", "1.0")
gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import AtomrView, AtomrViewGtk, Gdk, Gtk  # noqa: E402

from conftest import DEADLINE_S, wait_until  # noqa: E402

Node = AtomrView.Node

if not Gtk.init_check() or Gdk.Display.get_default() is None:
    pytest.skip("no display: run these tests under Xvfb (tests/gtk/run-under-xvfb.sh)", allow_module_level=True)


@pytest.fixture
def ui():
    """An actor system with a GTK backend and the bridge between them."""
    system = AtomrView.ActorSystem.new("windows")
    backend = AtomrViewGtk.Backend.new()
    bridge = AtomrView.UiBridge.new(system, backend)
    yield system, backend
    assert system.shutdown()
    del bridge


def events_of(reports):
    try:
        return reports.get(timeout=0)
    except queue.Empty:
        return None


class Counter(AtomrView.WindowActor):
    """A window with a label and a button; each click counts."""

    reports = None

    def __init__(self):
        super().__init__()
        self.count = 0
        self.set_title("Counter")

    def do_render(self):
        return Node("container", orientation="vertical", spacing=6, children=[
            Node("text", key="label", text="Clicked %d times" % self.count),
            Node("button", key="more", label="More"),
            Node("text-input", key="name", placeholder="Your name"),
        ])

    def do_handle_event(self, context, event):
        self.reports.put((event.key, event.signal, event.value))
        if event.key == "more" and event.signal == "clicked":
            self.count += 1
            self.invalidate()
        return super().do_handle_event(context, event)


def widget(backend, *path):
    return backend.get_widget("main", list(path))


def test_window_actor_renders_and_a_click_reaches_it(ui):
    system, backend = ui
    Counter.reports = reports = queue.Queue()
    window = system.spawn(Counter, "main")

    wait_until(lambda: widget(backend, "label") is not None, "the window to show its scene")
    assert widget(backend, "label").get_label() == "Clicked 0 times"
    assert backend.get_window("main").get_title() == "Counter"
    assert isinstance(widget(backend, "more"), Gtk.Button)

    widget(backend, "more").emit("clicked")
    assert reports.get(timeout=DEADLINE_S) == ("more", "clicked", None)
    wait_until(lambda: widget(backend, "label").get_label() == "Clicked 1 times", "the label to count the click")

    # The text of an entry comes with its event.
    widget(backend, "name").set_text("Ada")
    assert reports.get(timeout=DEADLINE_S) == ("name", "changed", "Ada")

    # Closing the window is an event too; the default handler stops the actor.
    backend.get_window("main").close()
    assert reports.get(timeout=DEADLINE_S) == (None, "close-request", None)
    wait_until(window.is_terminated, "the window actor to stop")
    wait_until(lambda: backend.get_window("main") is None, "the window to go")


class Feed(AtomrView.RegionActor):
    """A region: its own subtree inside the window, its own events."""

    reports = None

    def __init__(self):
        super().__init__()
        self.items = ["first"]

    def do_render(self):
        return Node("container", children=[Node("text", key=item, text=item) for item in self.items] +
                    [Node("button", key="add", label="Add")])

    def do_handle_event(self, context, event):
        self.reports.put(("region", event.key, event.signal))
        self.items.append("item %d" % len(self.items))
        self.invalidate()


class Dashboard(AtomrView.WindowActor):
    reports = None

    def do_pre_start(self, context):
        super().do_pre_start(context)
        self.spawn_region(context, AtomrView.Props.new(Feed), "feed")

    def do_render(self):
        return Node("container", children=[Node("text", key="title", text="Dashboard"),
                                           Node("region", key="feed")])

    def do_handle_event(self, context, event):
        self.reports.put(("window", event.key, event.signal))
        return super().do_handle_event(context, event)


def test_region_actor_in_python(ui):
    system, backend = ui
    Dashboard.reports = Feed.reports = reports = queue.Queue()
    system.spawn(Dashboard, "main")

    wait_until(lambda: widget(backend, "feed", "#0", "add") is not None, "the region's subtree to show")
    assert widget(backend, "feed", "#0", "first").get_label() == "first"
    widget(backend, "feed", "#0", "add").emit("clicked")
    assert reports.get(timeout=DEADLINE_S) == ("region", "add", "clicked")
    wait_until(lambda: widget(backend, "feed", "#0", "item 1") is not None, "the region to render again")
    assert events_of(reports) is None


class Fragile(AtomrView.WindowActor):
    """Renders fine until clicked; then its render raises."""

    started = None

    def __init__(self):
        super().__init__()
        self.broken = False

    def do_pre_start(self, context):
        super().do_pre_start(context)
        self.started.put("started")

    def do_render(self):
        if self.broken:
            raise ZeroDivisionError("the render broke")
        return Node("container", children=[Node("button", key="break", label="Break")])

    def do_handle_event(self, context, event):
        if event.key == "break":
            self.broken = True
            self.invalidate()
        return super().do_handle_event(context, event)


def test_exception_in_render_is_a_failure_and_the_window_comes_back(ui, caplog):
    system, backend = ui
    Fragile.started = started = queue.Queue()
    window = system.spawn(Fragile, "main")
    assert started.get(timeout=DEADLINE_S) == "started"
    wait_until(lambda: widget(backend, "break") is not None, "the button")

    with caplog.at_level(logging.ERROR, logger="atomr_view"):
        widget(backend, "break").emit("clicked")
        # The /user guardian restarts it: a new instance, the same window.
        assert started.get(timeout=DEADLINE_S) == "started"
    assert not window.is_terminated()
    assert widget(backend, "break") is not None
    messages = [r.getMessage() for r in caplog.records if r.name == "atomr_view"]
    assert len(messages) == 1
    assert "Fragile.do_render raised ZeroDivisionError: the render broke" in messages[0]
    assert 'raise ZeroDivisionError("the render broke")' in messages[0]
