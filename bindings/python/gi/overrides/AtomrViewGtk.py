# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject overrides for AtomrViewGtk, the GTK 4 backend: only what Python needs.

- run_window(cls) names the actor system after the program, as the C
  function does with argv, without the caller passing sys.argv.
- Backend.get_widget() takes the key path as any sequence of keys (strings or
  objects whose str() is the key, such as atomr_view.SceneKey).
"""
import sys

from ..module import get_introspection_module
from ..overrides import override

AtomrViewGtk = get_introspection_module("AtomrViewGtk")

__all__ = []

_gi_run_window = AtomrViewGtk.run_window


def run_window(window_actor_type, argv=None):
    """Runs an application of one window of @window_actor_type until it closes.

    The C atomr_view_gtk_run_window(); @argv defaults to sys.argv, whose
    first element names the actor system. Returns an exit status. While it
    runs, the GIL is released: Python actors run on their dispatcher threads.
    """
    return _gi_run_window(window_actor_type, list(sys.argv if argv is None else argv))


__all__.append("run_window")


class Backend(AtomrViewGtk.Backend):
    """The GTK backend: windows and widgets for the scenes of a UI bridge. The UI thread only."""

    def get_widget(self, window_id, path):
        """The widget that shows the node at @path (keys from below the root; [] for the root), or None."""
        return super().get_widget(window_id, [str(key) for key in path])


Backend = override(Backend)
__all__.append("Backend")
