# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyUiSystem: windows that show scenes, the way the original Python API has them.

Underneath is the whole of atomr-view: an actor system, the GTK backend and the
UI bridge between them. Each window is a window actor (a Python subclass of
AtomrView.WindowActor) that shows the newest scene set_scene() sent it.
"""
import atexit
import sys

import gi

gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
gi.require_version("AtomrViewGtk", "1.0")

from gi.repository import AtomrView, AtomrViewGtk, Gdk, GLib, Gtk  # noqa: E402

from ._scene import SceneDescription, SceneNode  # noqa: E402

_SET_SCENE = "set-scene"


class _SceneWindow(AtomrView.WindowActor):
    """Shows the scenes it is sent; hands every event to the PyUiSystem's listeners."""

    def __init__(self, listeners=None, **properties):
        super().__init__(**properties)
        self._listeners = listeners if listeners is not None else []

    def do_receive_message(self, context, message):
        if message.get_type_string() == "(sv)" and message.get_child_value(0).get_string() == _SET_SCENE:
            scene = AtomrView.Scene.new_from_variant(message.get_child_value(1).get_variant())
            self.set_root(scene.get_root())
            return True
        return super().do_receive_message(context, message)

    def do_handle_event(self, context, event):
        for window_id, callback in list(self._listeners):
            if window_id is None or window_id == event.window_id:
                # Listeners run on the UI thread, where they may touch widgets and call set_scene.
                GLib.idle_add(_call_listener, callback, event)
        return super().do_handle_event(context, event)


def _call_listener(callback, event):
    callback(event)
    return GLib.SOURCE_REMOVE


def _to_scene(scene):
    if isinstance(scene, SceneDescription):
        return scene.to_scene()
    if isinstance(scene, SceneNode):
        return AtomrView.Scene(scene.to_node())
    if isinstance(scene, AtomrView.Scene):
        return scene
    if isinstance(scene, AtomrView.Node):
        return AtomrView.Scene(scene)
    raise TypeError("set_scene(window_id, scene): expected a SceneDescription, an AtomrView.Scene "
                    "or an AtomrView.Node, not %s" % type(scene).__name__)


class PyUiSystem:
    """Windows of a GTK user interface, described by scenes.

    PyUiSystem() needs a display; it raises RuntimeError without one. Use it
    from the main thread, which is the UI thread.

    Like the original, a script may simply create windows and set scenes:
    when the script ends, the windows stay on screen until the user closes
    them (as if run() were called last). Call run() to wait at a point of
    your choosing.
    """

    def __init__(self):
        # PyGObject's Gtk module already tried gtk_init() on import; a second
        # call says TRUE whatever happened, so ask for the display itself.
        if not Gtk.init_check() or Gdk.Display.get_default() is None:
            raise RuntimeError("PyUiSystem needs a display: set DISPLAY or WAYLAND_DISPLAY "
                               "(or run under xvfb-run)")
        self.system = AtomrView.ActorSystem.new("atomr-view-python")
        self.backend = AtomrViewGtk.Backend.new()
        self.bridge = AtomrView.UiBridge.new(self.system, self.backend)
        self._windows = {}
        self._listeners = []
        self._ran = False
        atexit.register(self._at_exit)

    def create_window(self, id, title):
        """Opens a window; its actor is /user/@id, so @id is a valid actor name.

        Raises GLib.Error (ATOMR_VIEW_ACTOR_ERROR) when @id is taken or is
        not a valid name.
        """
        def make():
            return _SceneWindow(self._listeners, window_id=id, title=title)

        self._windows[id] = self.system.spawn(AtomrView.Props.new_with_factory(make), id)

    def set_scene(self, window_id, scene):
        """Shows @scene (a SceneDescription, an AtomrView.Scene or an AtomrView.Node) in a window.

        Scenes conflate: the window shows the newest one. Raises KeyError for
        a window create_window() did not open, TypeError and GLib.Error
        (ATOMR_VIEW_SCENE_ERROR) for a scene that cannot be shown.
        """
        window = self._window(window_id)
        window.tell(GLib.Variant.new_tuple(GLib.Variant.new_string(_SET_SCENE),
                                           GLib.Variant.new_variant(_to_scene(scene).to_variant())))

    def close_window(self, window_id):
        """Closes a window by stopping its actor."""
        self._window(window_id).stop()

    def on_event(self, window_id, callback):
        """Calls @callback(event) on the UI thread for each event of a window (all windows for None).

        event is an AtomrView.Event: event.key is the key of the node (it
        compares equal to its SceneKey), event.signal says what happened
        ("clicked", "changed", "toggled", "close-request", ...), event.value
        carries the new text or state.
        """
        self._listeners.append((window_id, callback))

    def get_widget(self, window_id, path):
        """The GTK widget that shows the node at @path (keys from below the root), or None."""
        return self.backend.get_widget(window_id, path)

    def run(self):
        """Runs the UI until every window has closed, then shuts the actors down. Returns 0."""
        self._ran = True
        return self.bridge.run()

    def _window(self, window_id):
        try:
            return self._windows[window_id]
        except KeyError:
            raise KeyError("no window %r: open it with create_window() first" % (window_id,)) from None

    def _at_exit(self):
        if self._ran or self.system.is_terminated():
            return
        self._ran = True
        # A script that ended in an uncaught exception has no window to show.
        if self._windows and not hasattr(sys, "last_value"):
            self.bridge.run()
        else:
            self.system.shutdown()


__all__ = ["PyUiSystem"]
