# SPDX-License-Identifier: LGPL-2.1-or-later
"""The `gtk` suite's nine operations, each asked the way a click on a button
asks it: with the window already due to be painted again (the button's
pressed look), so that GTK paints at once. A change that is not there by
then waits for the next frame. The ratios have no target: they show what a
click costs on each dispatcher (docs/threads.md, "Where a window actor
runs")."""
from gtk import measure


def run(ctx):
    return measure(ctx, ["--after-click"], None)
