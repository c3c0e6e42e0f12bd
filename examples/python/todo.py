#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A to-do list: keyed rows that can be added, ticked, edited, moved and removed.

Each row's key is its task's id, so a move moves the row's widgets and an entry
being typed into keeps its text and cursor. The twin of examples/c/todo.c.
From a build tree: meson devenv -C _build /usr/bin/python3 ../examples/python/todo.py
"""
import itertools

import gi

gi.require_version("AtomrView", "1.0")
gi.require_version("AtomrViewGtk", "1.0")
from gi.repository import AtomrView, AtomrViewGtk  # noqa: E402

Node = AtomrView.Node


class Task:
    def __init__(self, id, title):
        self.key, self.title, self.done = "task-%d" % id, title, False


class Todo(AtomrView.WindowActor):
    def __init__(self):
        super().__init__()
        self.set_title("To do")
        self.tasks = []             # in the order shown
        self.ids = itertools.count(1)
        self.draft = ""             # what the "new task" entry holds
        self.editing = None         # the task being edited
        self.edit_draft = ""

    def row(self, task):
        if task is self.editing:
            title = Node("text-input", key="rename", text=self.edit_draft, hexpand=True)
        else:
            title = Node("text", key="title", text=task.title, hexpand=True, halign="start",
                         css_classes=["dim-label"] if task.done else [])
        return Node("container", key=task.key, spacing=6, children=[
            Node("check", key="done", active=task.done), title,
            Node("button", key="up", label="↑", tooltip="Move up"),
            Node("button", key="down", label="↓", tooltip="Move down"),
            Node("button", key="edit", label="Save" if task is self.editing else "Edit"),
            Node("button", key="remove", label="Remove")])

    def do_render(self):
        done = sum(task.done for task in self.tasks)
        return Node("container", orientation="vertical", spacing=12, children=[
            Node("text", key="heading", text="To do", css_classes=["title-2"]),
            Node("container", key="entry", spacing=6, children=[
                Node("text-input", key="new", text=self.draft, placeholder="What needs doing?", hexpand=True),
                Node("button", key="add", label="Add", sensitive=bool(self.draft.strip()))]),
            Node("scroll", key="scroll", vexpand=True, min_size=(420, 240), children=[
                Node("container", key="tasks", orientation="vertical", spacing=6,
                     children=[self.row(task) for task in self.tasks])]),
            Node("text", key="summary", text="%d of %d done" % (done, len(self.tasks)), halign="start")])

    def do_handle_event(self, context, event):
        key, signal, value = event.key, event.signal, event.value
        index = next((i for i, t in enumerate(self.tasks) if t.key in event.path), None)
        task = self.tasks[index] if index is not None else None
        if (key, signal) == ("new", "changed"):
            self.draft = value
        elif (key, signal) in (("new", "activate"), ("add", "clicked")):
            if self.draft.strip():
                self.tasks.append(Task(next(self.ids), self.draft.strip()))
                self.draft = ""
        elif task and (key, signal) == ("done", "toggled"):
            task.done = value
        elif task and (key, signal) == ("rename", "changed"):
            self.edit_draft = value
        elif task and (key == "edit" or (key, signal) == ("rename", "activate")):
            if task is self.editing:
                task.title, self.editing = self.edit_draft.strip() or task.title, None
            else:
                self.editing, self.edit_draft = task, task.title
        elif task and key in ("up", "down"):
            other = index - 1 if key == "up" else index + 1
            if 0 <= other < len(self.tasks):
                self.tasks[index], self.tasks[other] = self.tasks[other], self.tasks[index]
        elif task and key == "remove":
            self.editing = None if self.editing is task else self.editing
            del self.tasks[index]
        else:
            return super().do_handle_event(context, event)
        self.invalidate()


if __name__ == "__main__":
    raise SystemExit(AtomrViewGtk.run_window(Todo))
