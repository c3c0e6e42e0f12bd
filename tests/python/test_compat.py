# SPDX-License-Identifier: LGPL-2.1-or-later
"""The atomr_view package: the original project's scene types, turned into AtomrView scenes."""
import os
import subprocess
import sys
import uuid

import gi
import pytest

gi.require_version("AtomrView", "1.0")
from gi.repository import AtomrView, GLib  # noqa: E402

try:
    import atomr_view as view
except (ImportError, ValueError) as error:   # PyGObject says ValueError for a missing typelib
    pytest.skip("atomr_view needs the GTK backend: %s" % error, allow_module_level=True)


def test_scene_keys():
    key = view.SceneKey()
    assert isinstance(key.id, bytes) and len(key.id) == 16
    assert str(uuid.UUID(str(key))) == str(key)
    assert repr(key) == "SceneKey(%s)" % key
    assert key != view.SceneKey()
    assert view.SceneKey("inc") == "inc" and "inc" == view.SceneKey("inc")
    assert view.SceneKey(key.id) == key and hash(view.SceneKey(key.id)) == hash(key)
    with pytest.raises(ValueError):
        view.SceneKey(b"short")


def test_kinds_and_values():
    assert view.NodeKind.Container() == view.NodeKind.Container()
    assert view.NodeKind.Container() != view.NodeKind.Text()
    assert repr(view.NodeKind.TextInput()) == "NodeKind.TextInput()"
    assert view.NodeKind.Custom("GtkCalendar").kind == "GtkCalendar"
    assert [k().kind for k in (view.NodeKind.Container, view.NodeKind.Text, view.NodeKind.Button,
                               view.NodeKind.TextInput, view.NodeKind.Image)] == \
        ["container", "text", "button", "text-input", "image"]
    assert view.PropertyValue.String("a").value == "a"
    assert view.PropertyValue.Number(1.5).value == 1.5
    assert view.PropertyValue.Boolean(True) == view.PropertyValue.Boolean(True)
    assert view.PropertyValue.Color([1, 0, 0, 1]).values == [1.0, 0.0, 0.0, 1.0]
    with pytest.raises(TypeError):
        view.PropertyValue.String(3)
    with pytest.raises(ValueError):
        view.PropertyValue.Vec2([1, 2, 3])


def test_property_map_takes_a_dict_as_the_readme_does():
    props = view.PropertyMap({"text": view.PropertyValue.String("hi")})
    assert props.get("text") == view.PropertyValue.String("hi")
    assert props.get("missing") is None
    props.set("wrap", view.PropertyValue.Boolean(True))
    assert sorted(props) == ["text", "wrap"]
    with pytest.raises(TypeError) as raised:
        view.PropertyMap({"text": "not a PropertyValue"})
    assert "'text'" in str(raised.value)


def test_scene_nodes_become_atomr_view_nodes():
    title = view.SceneKey("title")
    root = view.SceneNode(
        key=view.SceneKey("root"), kind=view.NodeKind.Container(),
        properties=view.PropertyMap({"layout": view.PropertyValue.String("vertical"),
                                     "spacing": view.PropertyValue.Number(6)}),
        children=[
            view.SceneNode(key=title, kind=view.NodeKind.Text(),
                           properties=view.PropertyMap({"text": view.PropertyValue.String("Hi"),
                                                        "color": view.PropertyValue.Color([1, 0, 0, 1])})),
            view.SceneNode(key=view.SceneKey("ok"), kind=view.NodeKind.Button(),
                           properties=view.PropertyMap({"text": view.PropertyValue.String("OK")})),
            view.SceneNode(key=view.SceneKey("volume"), kind=view.NodeKind.Custom("slider"),
                           properties=view.PropertyMap({"value": view.PropertyValue.Number(0.5)})),
        ])
    node = root.to_node()
    expected = AtomrView.Node("container", key="root", orientation="vertical", spacing=6, children=[
        AtomrView.Node("text", key="title", text="Hi", color=(1, 0, 0, 1)),
        AtomrView.Node("button", key="ok", label="OK"),
        AtomrView.Node("slider", key="volume", value=0.5),
    ])
    assert node == expected
    assert node.get_prop("spacing").get_type_string() == "i"


def test_scene_descriptions_diff_by_key():
    a, b, c = (view.SceneNode(key=view.SceneKey(k), kind=view.NodeKind.Text(),
                              properties=view.PropertyMap({"text": view.PropertyValue.String(k)}))
               for k in "abc")
    old = view.SceneDescription(view.SceneNode(key=view.SceneKey("list"), kind=view.NodeKind.Container(),
                                               children=[a, b, c]))
    new = view.SceneDescription(view.SceneNode(key=view.SceneKey("list"), kind=view.NodeKind.Container(),
                                               children=[c, a, b]))
    patches = old.diff(new)
    assert [p.get_op() for p in patches] == [AtomrView.PatchOp.MOVE]
    assert old.to_scene().apply(patches) == new.to_scene()


def test_bad_scenes_are_refused_where_they_are_set():
    duplicate = view.SceneNode(kind=view.NodeKind.Container(), children=[
        view.SceneNode(key=view.SceneKey("same"), kind=view.NodeKind.Text()),
        view.SceneNode(key=view.SceneKey("same"), kind=view.NodeKind.Text())])
    with pytest.raises(GLib.Error) as raised:
        view.SceneDescription(duplicate).to_scene()
    assert raised.value.matches(AtomrView.scene_error_quark(), AtomrView.SceneError.DUPLICATE_KEY)
    with pytest.raises(TypeError) as raised:
        view.SceneNode(kind="text").to_node()
    assert "kind must be a NodeKind" in str(raised.value)


def test_ui_system_without_a_display_says_so():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["GDK_BACKEND"] = "x11"
    result = subprocess.run([sys.executable, "-c", "import atomr_view; atomr_view.PyUiSystem()"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "RuntimeError: PyUiSystem needs a display" in result.stderr
