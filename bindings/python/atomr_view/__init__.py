# SPDX-License-Identifier: LGPL-2.1-or-later
"""atomr_view: the Python API of the original atomr-view project, on GObject introspection.

The original quick start runs unchanged:

    import atomr_view as view

    ui = view.PyUiSystem()
    ui.create_window("main", "My Federated App")
    root = view.SceneNode(key=view.SceneKey(), kind=view.NodeKind.Container(),
                          properties=view.PropertyMap({"layout": view.PropertyValue.String("vertical")}),
                          children=[...])
    ui.set_scene("main", view.SceneDescription(root))

Beyond the original: PyUiSystem.on_event() delivers the window's events to
Python, PyUiSystem.run() waits for the windows to close, and the actor system
underneath (PyUiSystem.system) runs Python actors written with the AtomrView
overrides (`from gi.repository import AtomrView`). docs/python.md is the guide.
"""
import gi

gi.require_version("AtomrView", "1.0")

from ._scene import NodeKind, PropertyMap, PropertyValue, SceneDescription, SceneKey, SceneNode  # noqa: E402
from ._ui_system import PyUiSystem  # noqa: E402

__all__ = [
    "NodeKind",
    "PropertyMap",
    "PropertyValue",
    "PyUiSystem",
    "SceneDescription",
    "SceneKey",
    "SceneNode",
]
