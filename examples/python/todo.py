#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A to-do list: a keyed list that the diff edits row by row, and the events of its widgets.

From a build tree: meson devenv -C _build /usr/bin/python3 ../examples/python/todo.py
"""
import itertools

import gi

gi.require_version("AtomrView", "1.0")
gi.require_version("AtomrViewGtk", "1.0")
from gi.repository import AtomrView, AtomrViewGtk  # noqa: E402

Node = AtomrView.Node


class Todo(AtomrView.WindowActor):
    def __init__(self):
        super().__init__()
        self.set_title("To do")
        self.ids = itertools.count(1)
        self.items = {}     # key -> [text, done], in the order they were added
        self.draft = ""

    def do_render(self):
        left = sum(not done for _, done in self.items.values())
        return Node("container", orientation="vertical", spacing=6, children=[
            Node("container", spacing=6, children=[
                Node("text-input", key="new", text=self.draft, placeholder="What needs doing?", hexpand=True),
                Node("button", key="add", label="Add", sensitive=bool(self.draft.strip())),
            ]),
            Node("container", key="items", orientation="vertical", children=[
                Node("container", key=key, spacing=6, children=[
                    Node("check", key="done", active=done),
                    Node("text", key="text", text=text, hexpand=True, css_classes=["dim-label"] if done else []),
                    Node("button", key="remove", icon_name="edit-delete-symbolic"),
                ]) for key, (text, done) in self.items.items()]),
            Node("text", key="left", text="%d left" % left),
        ])

    def do_handle_event(self, context, event):
        what = (event.key, event.signal)
        if what == ("new", "changed"):
            self.draft = event.value
        elif what in (("new", "activate"), ("add", "clicked")) and self.draft.strip():
            self.items["t%d" % next(self.ids)] = [self.draft.strip(), False]
            self.draft = ""
        elif what == ("done", "toggled"):
            self.items[event.path[-2]][1] = event.value
        elif what == ("remove", "clicked"):
            del self.items[event.path[-2]]
        else:
            return super().do_handle_event(context, event)
        self.invalidate()


if __name__ == "__main__":
    raise SystemExit(AtomrViewGtk.run_window(Todo))
