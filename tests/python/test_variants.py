# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python values <-> GLib.Variant: every value type round-trips, the rest is a TypeError naming it."""
import gi
import pytest

gi.require_version("AtomrView", "1.0")
from gi.repository import AtomrView, GLib  # noqa: E402

ROUND_TRIPS = [
    ("str", "héllo", "s"),
    ("empty str", "", "s"),
    ("int", 42, "x"),
    ("negative int", -(2**63), "x"),
    ("largest int", 2**63 - 1, "x"),
    ("float", 2.5, "d"),
    ("bool", True, "b"),
    ("bytes", b"a\x00b", "ay"),
    ("list of int", [1, 2, 3], "ax"),
    ("list of str", ["a", "b"], "as"),
    ("mixed list", [1, "a", 2.5], "av"),
    ("empty list", [], "av"),
    ("nested list", [[1], [2, 3]], "aax"),
    ("tuple", (1, "a", False), "(xsb)"),
    ("empty tuple", (), "()"),
    ("dict", {"a": 1, "b": [1.5, 2.0], "c": {"d": "e"}}, "a{sv}"),
    ("empty dict", {}, "a{sv}"),
    ("dict with int keys", {1: "one", -2: "minus two"}, "a{xv}"),
    ("list of dicts", [{"a": 1}, {"b": "x"}], "aa{sv}"),
    ("list of tuples", [(1, "a"), (2, "b")], "a(xs)"),
    ("list of bytes", [b"x", b""], "aay"),
]


@pytest.mark.parametrize("value, type_string", [(v, t) for _, v, t in ROUND_TRIPS],
                         ids=[name for name, _, _ in ROUND_TRIPS])
def test_round_trip(value, type_string):
    variant = AtomrView.to_variant(value)
    assert variant.get_type_string() == type_string
    back = AtomrView.from_variant(variant)
    assert back == value
    assert type(back) is type(value)
    # The same value read back through GLib's own printer and parser.
    assert AtomrView.from_variant(GLib.Variant.parse(variant.get_type(), variant.print_(True))) == value


def test_variant_passes_through():
    variant = GLib.Variant.new_uint32(7)
    assert AtomrView.to_variant(variant) is variant


@pytest.mark.parametrize("type_string, value, expected", [
    ("i", 6, 6), ("u", 7, 7), ("y", 255, 255), ("n", -3, -3), ("q", 3, 3), ("t", 2**64 - 1, 2**64 - 1),
    ("d", 6, 6.0), ("(dd)", [1, 2], (1.0, 2.0)), ("(dddd)", (0.1, 0.2, 0.3, 1), (0.1, 0.2, 0.3, 1.0)),
    ("as", ("a", "b"), ["a", "b"]), ("ms", None, None), ("ms", "x", "x"), ("a{si}", {"a": 1}, {"a": 1}),
    ("v", [1, 2], [1, 2]), ("o", "/a/b", "/a/b"), ("ay", b"\x01\x02", b"\x01\x02"),
], ids=lambda x: repr(x))
def test_typed_conversion(type_string, value, expected):
    variant = AtomrView.to_variant(value, type_string)
    assert variant.get_type_string() == type_string
    assert AtomrView.from_variant(variant) == expected


@pytest.mark.parametrize("value, words", [
    (None, ["NoneType None", "None has no GLib.Variant form"]),
    ({1, 2}, ["set {1, 2}", "holds a value of type set"]),
    (object(), ["object <object object"]),
    ([1, None], ["NoneType None at [1]"]),
    ({"a": {"b": [1, 2j]}}, ["complex 2j at ['a']['b'][1]"]),
    (2**64, ["int 18446744073709551616", "does not fit in 64 bits"]),
    ({1: "a", "b": 2}, ["dictionary keys must be all strings or all integers"]),
], ids=["None", "set", "object", "None in a list", "complex deep down", "huge int", "mixed keys"])
def test_unconvertible_value_is_a_type_error_naming_it(value, words):
    with pytest.raises(TypeError) as raised:
        AtomrView.to_variant(value)
    for word in words:
        assert word in str(raised.value)


@pytest.mark.parametrize("type_string, value, words", [
    ("i", "6", ["str '6'", "expected an integer (type i)"]),
    ("i", 2**31, ["out of the range of type i"]),
    ("u", -1, ["out of the range of type u"]),
    ("b", 1, ["int 1", "expected a boolean"]),
    ("d", True, ["bool True", "expected a number"]),
    ("(dd)", (1, 2, 3), ["expected a tuple of 2"]),
    ("as", ["a", 1], ["int 1 at [1]", "expected a string"]),
    ("s", GLib.Variant.new_int32(1), ["expected a value of type s"]),
])
def test_value_that_does_not_fit_a_type_is_a_type_error(type_string, value, words):
    with pytest.raises(TypeError) as raised:
        AtomrView.to_variant(value, type_string)
    for word in words:
        assert word in str(raised.value)


def test_actor_references_travel_as_addresses(system):
    ref = system.spawn(AtomrView.Actor, "somebody")
    variant = AtomrView.to_variant({"who": ref})
    resolved = system.resolve_variant(variant.lookup_value("who", None))
    assert resolved == ref
    assert resolved.get_path() == "/user/somebody"


def test_messages_are_converted_where_they_are_sent(system):
    ref = system.spawn(AtomrView.Actor, "target")
    with pytest.raises(TypeError) as raised:
        ref.tell({"bad": {1, 2}})
    assert "set {1, 2} at message['bad']" in str(raised.value)
    with pytest.raises(TypeError):
        ref.ask(None, 100)
