# SPDX-License-Identifier: LGPL-2.1-or-later
"""Nodes from keyword arguments; diff and apply from Python, compared with the C command line tool."""
import json
import os
import random
import subprocess

import gi
import pytest

gi.require_version("AtomrView", "1.0")
from gi.repository import AtomrView, GLib  # noqa: E402

Node = AtomrView.Node
SCENE_TOOL = os.environ.get("ATOMR_VIEW_SCENE_TOOL")


def test_node_from_keyword_arguments():
    node = Node("container", key="root", orientation="vertical", spacing=6, css_classes=["card"],
                children=[Node("slider", key="volume", value=3, min_size=(10, 20)),
                          Node("text", text="hi", props={"tooltip": "a tip"})])
    assert node.kind == "container" and node.key == "root"
    assert node.props == {"css-classes": ["card"], "orientation": "vertical", "spacing": 6}
    # The vocabulary's types, whatever Python type the value had.
    assert node.get_prop("spacing").get_type_string() == "i"
    assert node[0].get_prop("value").get_type_string() == "d"
    assert node[0].get_prop("min-size").get_type_string() == "(dd)"
    assert node[0].props == {"min-size": (10.0, 20.0), "value": 3.0}
    assert [child.key for child in node] == ["volume", None]
    assert node[1].props == {"text": "hi", "tooltip": "a tip"}
    assert len(node) == 2 and node[-1] == node[1]
    # Props of kinds outside the vocabulary keep the value's own type.
    widget = Node("GtkLevelBar", value=0.5, max_value=2, inverted=True)
    assert {n: widget.get_prop(n).get_type_string() for n in ("value", "max-value", "inverted")} == \
        {"value": "d", "max-value": "x", "inverted": "b"}


def test_nodes_compare_by_value_and_are_immutable():
    a = Node("button", key="ok", label="OK")
    assert a == Node("button", key="ok", label="OK")
    assert a != Node("button", key="ok", label="Cancel")
    with pytest.raises(AttributeError):
        a.kind = "text"


def test_bad_prop_is_a_type_error_naming_it():
    with pytest.raises(TypeError) as raised:
        Node("container", spacing="wide")
    assert "str 'wide' at container.props['spacing']" in str(raised.value)
    assert "expected an integer (type i)" in str(raised.value)
    with pytest.raises(TypeError) as raised:
        Node("text", text="x", color=(1, 0, 0))
    assert "at text.props['color']" in str(raised.value)


def test_scene_rules_are_glib_errors_in_the_scene_domain():
    with pytest.raises(GLib.Error) as raised:
        Node("list", children=[Node("text", key="a"), Node("text", key="a")])
    assert raised.value.matches(AtomrView.scene_error_quark(), AtomrView.SceneError.DUPLICATE_KEY)
    assert raised.value.message.startswith("children[1].key: duplicate key")


def rows(keys, labels=None, selected=None):
    labels = labels or {}
    return Node("container", orientation="vertical", children=[
        Node("text", key="title", text="Groceries"),
        Node("list", key="rows", children=[
            Node("row", key=key, id=int(key[1:]), props={"selected": True} if key == selected else None,
                 children=[Node("text", text=labels.get(key, "item " + key)),
                           Node("button", icon_name="edit-delete-symbolic")])
            for key in keys]),
    ])


def random_pair(seed):
    """Two scenes that share keys: the second shuffles, drops, adds and relabels rows of the first."""
    rand = random.Random(seed)
    old_keys = ["r%d" % i for i in range(rand.randint(0, 12))]
    new_keys = [k for k in old_keys if rand.random() > 0.25]
    rand.shuffle(new_keys)
    for i in range(rand.randint(0, 4)):
        new_keys.insert(rand.randint(0, len(new_keys)), "r%d" % (100 + i))
    labels = {k: "changed " + k for k in new_keys if rand.random() < 0.3}
    old_selected = rand.choice(old_keys) if old_keys and rand.random() < 0.5 else None
    new_selected = rand.choice(new_keys) if new_keys and rand.random() < 0.5 else None
    return (AtomrView.Scene(rows(old_keys, selected=old_selected)),
            AtomrView.Scene(rows(new_keys, labels, new_selected)))


def run_tool(*args):
    result = subprocess.run([SCENE_TOOL, "--compact", *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(not SCENE_TOOL, reason="ATOMR_VIEW_SCENE_TOOL is not set (meson test sets it)")
@pytest.mark.parametrize("seed", range(12))
def test_diff_and_apply_agree_with_c(tmp_path, seed):
    old, new = random_pair(seed)
    patches = old.diff(new)
    assert old.apply(patches) == new
    assert all(isinstance(p, AtomrView.Patch) for p in patches)

    (tmp_path / "old.json").write_text(old.to_json(False))
    (tmp_path / "new.json").write_text(new.to_json(False))
    c_patches = run_tool("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"))
    # The same patches, in the same order, as JSON and as patch objects.
    assert json.loads(c_patches) == json.loads(AtomrView.Patch.list_to_json(patches, False))
    assert AtomrView.Patch.list_equal(AtomrView.Patch.list_from_json(c_patches, -1), patches)

    (tmp_path / "patches.json").write_text(c_patches)
    c_result = run_tool("apply", str(tmp_path / "old.json"), str(tmp_path / "patches.json"))
    assert AtomrView.Scene.new_from_json(c_result, -1) == old.apply(patches)


def test_swapping_two_rows_is_two_moves():
    old = AtomrView.Scene(rows(["r1", "r2", "r3", "r4", "r5"]))
    new = AtomrView.Scene(rows(["r1", "r4", "r3", "r2", "r5"]))
    patches = old.diff(new)
    assert [p.get_op() for p in patches] == [AtomrView.PatchOp.MOVE, AtomrView.PatchOp.MOVE]
    assert old.diff(old) == []


def test_apply_refuses_patches_that_do_not_fit():
    scene = AtomrView.Scene(rows(["r1"]))
    with pytest.raises(GLib.Error) as raised:
        scene.apply([AtomrView.Patch.new_remove([1, 5])])
    assert raised.value.matches(AtomrView.scene_error_quark(), AtomrView.SceneError.PATCH_MISMATCH)


def test_scenes_cross_to_variants_and_back():
    scene = AtomrView.Scene(rows(["r1", "r2"], selected="r2"))
    variant = scene.to_variant()
    assert variant.get_type_string() == AtomrView.SCENE_VARIANT_TYPE_STRING
    assert AtomrView.Scene.new_from_variant(variant) == scene
    assert scene.root.kind == "container"


def test_template_makes_rows_from_python():
    button = Node("button", icon_name="edit-delete-symbolic")
    sample = Node("container", spacing=12,
                  children=[Node("text", text=""), Node("text", text="", hexpand=True), button])
    template = AtomrView.Template.new(sample, ["0/text", "1/text", "css-classes"])
    assert template.get_n_slots() == 3
    assert [template.get_slot_type(i) for i in range(3)] == ["s", "s", "as"]

    def expected(key, id_text, label, classes=None):
        props = {"css_classes": classes} if classes else {}
        return Node("container", key=key, spacing=12, **props,
                    children=[Node("text", text=id_text), Node("text", text=label, hexpand=True), button])

    selected = template.make("7", [GLib.Variant("s", "7"), GLib.Variant("s", "seven"),
                                   GLib.Variant("as", ["danger"])])
    assert selected == expected("7", "7", "seven", ["danger"])
    # None keeps the sample's value, or leaves the prop out where the sample has none.
    plain = template.make("8", [None, GLib.Variant("s", "eight"), None])
    assert plain == expected("8", "", "eight")
    # Strings without a GLib.Variant each, for templates whose slots are strings.
    texts = AtomrView.Template.new(sample, ["0/text", "1/text"])
    assert texts.make_strings("9", ["9", "nine"]) == expected("9", "9", "nine")

    with pytest.raises(GLib.Error) as refused:
        template.make("k", [GLib.Variant("i", 3), None, None])
    assert refused.value.matches(AtomrView.scene_error_quark(), AtomrView.SceneError.WRONG_TYPE)
    assert "values[0]: the slot “0/text” takes values of type “s”, not “i”" in refused.value.message
    with pytest.raises(GLib.Error) as refused:
        AtomrView.Template.new(sample, ["3/text"])
    assert refused.value.matches(AtomrView.scene_error_quark(), AtomrView.SceneError.INVALID_VALUE)
    assert "slots[0]: “3/text”: the node at path [] of the sample has 3 children, none at 3" \
        in refused.value.message

    # A made tree knows its template; the template, its sample and its slots.
    assert selected.get_template().get_sample() == sample
    assert [list(template.get_slot_path(i)) for i in range(3)] == [[0], [1], []]
    assert [template.get_slot_name(i) for i in range(3)] == ["text", "text", "css-classes"]
    assert selected.get_child(1).get_template() is None
