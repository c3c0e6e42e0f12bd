#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A counter: one window actor, its state, its scene and its events.

From a build tree: meson devenv -C _build /usr/bin/python3 ../examples/python/counter.py
"""
import gi

gi.require_version("AtomrView", "1.0")
gi.require_version("AtomrViewGtk", "1.0")
from gi.repository import AtomrView, AtomrViewGtk  # noqa: E402

Node = AtomrView.Node


class Counter(AtomrView.WindowActor):
    def __init__(self):
        super().__init__()
        self.count = 0
        self.set_title("Counter")

    def do_render(self):
        return Node("container", orientation="vertical", spacing=12, children=[
            Node("text", key="count", text=str(self.count)),
            Node("container", spacing=6, children=[
                Node("button", key="less", label="−1"),
                Node("button", key="more", label="+1"),
            ]),
        ])

    def do_handle_event(self, context, event):
        if event.signal == "clicked":
            self.count += {"less": -1, "more": 1}[event.key]
            self.invalidate()
        return super().do_handle_event(context, event)


if __name__ == "__main__":
    raise SystemExit(AtomrViewGtk.run_window(Counter))
