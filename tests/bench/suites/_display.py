# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs a GTK benchmark program on an Xvfb display of its own, with the
settings of docs/benchmarks-ui.md: the cairo renderer (GL is llvmpipe
here), no GL probe, no accessibility bus."""

XVFB = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24 -nolisten tcp"]

ENV = {
    "GSK_RENDERER": "cairo",
    "GDK_DEBUG": "gl-disable",
    "GTK_A11Y": "none",
    "NO_AT_BRIDGE": "1",
    "LC_ALL": "C.UTF-8",
}


def run_on_display(ctx, argv):
    return ctx.run_json(XVFB + [str(a) for a in argv], env=ENV)
