# SPDX-License-Identifier: LGPL-2.1-or-later
"""The original project's Python quick start (data/readme-quick-start.py), verbatim, under Xvfb."""
import os
import runpy
import subprocess
import sys

import gi
import pytest

gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import Gdk, Gtk  # noqa: E402

from conftest import DEADLINE_S, wait_until  # noqa: E402

QUICK_START = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "readme-quick-start.py")

if not Gtk.init_check() or Gdk.Display.get_default() is None:
    pytest.skip("no display: run these tests under Xvfb (tests/gtk/run-under-xvfb.sh)", allow_module_level=True)


def test_quick_start_shows_its_window():
    names = runpy.run_path(QUICK_START)
    ui, root = names["ui"], names["root"]
    text_key = root.children[0].key

    wait_until(lambda: ui.get_widget("main", [text_key]) is not None, "the quick start's text to show")
    label = ui.get_widget("main", [text_key])
    assert isinstance(label, Gtk.Label)
    assert label.get_label() == "Hello from Python!"
    window = ui.backend.get_window("main")
    assert window.get_title() == "My Federated App"
    wait_until(window.get_mapped, "the window to be on screen")
    # "layout": "vertical" is the container's orientation.
    assert ui.get_widget("main", []).get_orientation() == Gtk.Orientation.VERTICAL

    window.close()
    assert ui.run() == 0
    assert ui.system.is_terminated()


# Runs the quick start as a program; polls for its label once the program's
# own code has ended, prints it and closes the window.
DRIVER = """
import runpy, sys
from gi.repository import GLib
names = runpy.run_path(sys.argv[1], run_name="__main__")
ui, key = names["ui"], names["root"].children[0].key
shown_before_exit = ui.get_widget("main", [key]) is not None

def check():
    label = ui.get_widget("main", [key])
    if label is None:
        return GLib.SOURCE_CONTINUE
    print("shown at exit: %s (%s)" % (label.get_label(), ui.backend.get_window("main").get_title()), flush=True)
    ui.backend.get_window("main").close()
    return GLib.SOURCE_REMOVE

print("shown before exit: %s" % shown_before_exit, flush=True)
GLib.timeout_add(10, check)
"""


def test_quick_start_as_a_program_keeps_its_window_until_closed():
    """The script ends right after set_scene(); the window stays until the user closes it."""
    result = subprocess.run([sys.executable, "-c", DRIVER, QUICK_START], capture_output=True, text=True,
                            timeout=DEADLINE_S * 2)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["shown before exit: False",
                                          "shown at exit: Hello from Python! (My Federated App)"]
