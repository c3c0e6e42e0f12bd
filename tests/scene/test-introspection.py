#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The scene API as Python sees it through GObject introspection. TAP output.

Run against the build tree: GI_TYPELIB_PATH and LD_LIBRARY_PATH point at it.
"""
import sys

import gi

gi.require_version("AtomrView", "1.0")
from gi.repository import AtomrView, GLib  # noqa: E402

tests = []


def test(function):
    tests.append(function)
    return function


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def row(key, label):
    builder = AtomrView.NodeBuilder.new("row")
    builder.set_key(key)
    builder.set_string("label", label)
    return builder.build()


def table(keys):
    rows = [row(key, "row " + key) for key in keys]
    return AtomrView.Scene.new(AtomrView.Node.new(AtomrView.KIND_LIST, "rows", None, rows))


@test
def nodes_from_python():
    props = GLib.Variant("a{sv}", {"spacing": GLib.Variant("i", 6),
                                   "orientation": GLib.Variant("s", "horizontal")})
    node = AtomrView.Node.new(AtomrView.KIND_CONTAINER, None, props, [row("a", "A")])
    expect(node.get_kind() == "container", node.get_kind())
    expect(node.get_key() is None, node.get_key())
    expect([node.get_prop_name(i) for i in range(node.get_n_props())] == ["orientation", "spacing"],
           "props not in name order")
    expect(node.get_prop("spacing").unpack() == 6, "spacing")
    expect(node.dup_props().unpack() == {"orientation": "horizontal", "spacing": 6}, "dup_props")
    expect(node.get_child(0).get_key() == "a", "child")
    expect([child.get_key() for child in node.get_children()] == ["a"], "get_children")
    expect(node.get_child(0).get_children() == [], "a leaf's get_children")
    expect(node.get_descendant([0]).get_key() == "a", "get_descendant")


@test
def builder_edits_a_list_from_python():
    old = AtomrView.Node.new(AtomrView.KIND_LIST, "rows", None, [row(k, k) for k in "abc"])
    builder = AtomrView.NodeBuilder.new_from_node(old)
    expect(builder.get_n_children() == 3, "get_n_children")
    builder.set_child(1, row("b", "B"))
    builder.remove_child(0)
    node = builder.end()
    expect([child.get_key() for child in node.get_children()] == ["b", "c"], "set_child, remove_child")
    # That the child not touched is the same node is checked in C: with the
    # overrides loaded, == on nodes compares content, not identity.
    expect(node.get_child(1).get_prop("label").unpack() == "c", "the child not touched")
    expect(node.get_child(0).get_prop("label").unpack() == "B", "the new child")
    expect(node.get_child(0).get_prop_string(0) == "B", "get_prop_string of a string kept as text")
    number = AtomrView.Node.new("row", None, GLib.Variant("a{sv}", {"n": GLib.Variant("i", 1)}), [])
    expect(number.get_prop_string(0) is None, "get_prop_string of a number")


@test
def builder_end_from_python():
    builder = AtomrView.NodeBuilder.new(AtomrView.KIND_LIST)
    builder.set_key("rows")
    builder.add_child(row("a", "A"))
    builder.add_child(row("a", "again"))

    def end_fails_on_duplicate_key(why):
        try:
            builder.end()
        except GLib.Error as error:
            expect(error.matches(AtomrView.scene_error_quark(), AtomrView.SceneError.DUPLICATE_KEY), error.message)
        else:
            raise AssertionError(why)

    end_fails_on_duplicate_key("end() took two children keyed a")
    # Nothing was handed over: both children are still there, so it fails again.
    end_fails_on_duplicate_key("a failed end() dropped the builder's children")
    builder.clear_children()
    builder.add_child(row("b", "B"))
    node = builder.end()
    expect(node.get_key() == "rows" and node.get_n_children() == 1,
           "the node got the key set before the failed end(), and the child")
    empty = builder.end()
    expect(empty.get_key() is None and empty.get_n_children() == 0, "end() left the builder empty")


@test
def errors_are_glib_errors_in_the_scene_domain():
    try:
        AtomrView.Node.new("list", None, None, [row("a", "1"), row("a", "2")])
    except GLib.Error as error:
        expect(error.matches(AtomrView.scene_error_quark(), AtomrView.SceneError.DUPLICATE_KEY),
               "domain %s code %d" % (error.domain, error.code))
        expect(error.message == "children[1].key: duplicate key “a”: an earlier sibling has it too",
               error.message)
    else:
        raise AssertionError("no error")


@test
def diff_apply_and_codecs():
    old = table(["1", "2", "3", "4"])
    new = table(["4", "2", "3", "5"])
    patches = old.diff(new)
    # 5 belongs at the end while 1 goes from the front: no replace fits.
    expect([p.get_op() for p in patches] == [AtomrView.PatchOp.MOVE, AtomrView.PatchOp.INSERT,
                                              AtomrView.PatchOp.REMOVE],
           [p.get_op() for p in patches])
    expect(patches[0].get_path() == [3] and patches[0].get_to_index() == 0, "move")
    expect(old.apply(patches).equal(new), "apply")
    text = AtomrView.Patch.list_to_json(patches, False)
    expect(AtomrView.Patch.list_equal(AtomrView.Patch.list_from_json(text, -1), patches), "JSON")
    variant = AtomrView.Patch.list_to_variant(patches)
    expect(variant.get_type_string() == AtomrView.PATCH_LIST_VARIANT_TYPE_STRING, "type")
    expect(AtomrView.Patch.list_equal(AtomrView.Patch.list_from_variant(variant), patches), "GVariant")
    scene_text = new.to_json(True)
    expect(AtomrView.Scene.new_from_json(scene_text, -1).equal(new), "scene JSON")
    expect(AtomrView.Scene.new_from_variant(new.to_variant()).equal(new), "scene GVariant")


@test
def hand_made_patches():
    scene = table(["1", "2"])
    patches = [AtomrView.Patch.new_set_prop([1], "label", GLib.Variant("s", "two")),
               AtomrView.Patch.new_move([1], 0),
               AtomrView.Patch.new_remove([1])]
    result = scene.apply(patches)
    expect(result.get_n_nodes() == 2, "n_nodes %d" % result.get_n_nodes())
    expect(result.get_root().get_child(0).get_prop("label").unpack() == "two", "label")
    try:
        scene.apply([AtomrView.Patch.new_remove([7])])
    except GLib.Error as error:
        expect(error.code == AtomrView.SceneError.PATCH_MISMATCH, "code %d" % error.code)
    else:
        raise AssertionError("no error")


print("1..%d" % len(tests))
failed = 0
for number, function in enumerate(tests, 1):
    try:
        function()
        print("ok %d - %s" % (number, function.__name__))
    except Exception as error:  # noqa: BLE001 - any failure is a test failure
        failed += 1
        print("not ok %d - %s" % (number, function.__name__))
        for line in repr(error).splitlines():
            print("# %s" % line)
sys.exit(1 if failed else 0)
