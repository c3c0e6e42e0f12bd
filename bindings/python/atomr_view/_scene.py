# SPDX-License-Identifier: LGPL-2.1-or-later
"""The scene types of the original API, turned into AtomrView nodes and scenes.

The original nodes are mutable Python objects; AtomrView nodes are immutable
and shared between threads. SceneNode.to_node() and SceneDescription.to_scene()
make the AtomrView form, mapping the original names onto the core vocabulary:
a container's "layout" is its "orientation", a button's "text" its "label".
"""
import uuid

from gi.repository import AtomrView


class SceneKey:
    """A node's identity. SceneKey() is a new random one (a UUID), as in the original.

    SceneKey(id) takes 16 bytes (a UUID) or a string, for keys that stay the
    same from one scene to the next, which the keyed diff relies on. A key
    compares equal to its string, so event.key == key works.
    """

    __slots__ = ("id",)

    def __init__(self, id=None):
        if id is None:
            id = uuid.uuid4().bytes
        elif isinstance(id, (bytes, bytearray)):
            id = bytes(id)
            if len(id) != 16:
                raise ValueError("SceneKey(id): bytes must be a 16-byte UUID, not %d bytes" % len(id))
        elif not isinstance(id, str):
            raise TypeError("SceneKey(id): expected 16 bytes or a string, not %s" % type(id).__name__)
        elif id == "":
            raise ValueError("SceneKey(id): a key is not empty")
        self.id = id

    def __str__(self):
        return str(uuid.UUID(bytes=self.id)) if isinstance(self.id, bytes) else self.id

    def __repr__(self):
        return "SceneKey(%s)" % str(self)

    def __eq__(self, other):
        if isinstance(other, SceneKey):
            return self.id == other.id
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self):
        return hash(str(self))


class NodeKind:
    """What a node is: NodeKind.Container(), NodeKind.Text(), ... or NodeKind.Custom(name).

    The original's kinds are Container, Text, Button, TextInput, Image and
    Custom; the rest of the core vocabulary is here too. Custom(name) takes
    any kind name: a core kind such as "slider", or a GTK widget type such as
    "GtkCalendar".
    """

    kind = None

    def __eq__(self, other):
        if not isinstance(other, NodeKind):
            return NotImplemented
        return self.kind == other.kind

    def __hash__(self):
        return hash(self.kind)

    def __repr__(self):
        return "NodeKind.%s()" % type(self).__name__


def _kind_class(name, kind):
    cls = type(name, (NodeKind,), {"kind": kind, "__slots__": (),
                                   "__doc__": "The %r kind of the core vocabulary." % kind})
    cls.__qualname__ = "NodeKind." + name
    return cls


for _name, _kind in (("Container", AtomrView.KIND_CONTAINER), ("Text", AtomrView.KIND_TEXT),
                     ("Button", AtomrView.KIND_BUTTON), ("TextInput", AtomrView.KIND_TEXT_INPUT),
                     ("Image", AtomrView.KIND_IMAGE), ("Check", AtomrView.KIND_CHECK),
                     ("Switch", AtomrView.KIND_SWITCH), ("Slider", AtomrView.KIND_SLIDER),
                     ("Progress", AtomrView.KIND_PROGRESS), ("Spinner", AtomrView.KIND_SPINNER),
                     ("Separator", AtomrView.KIND_SEPARATOR), ("Scroll", AtomrView.KIND_SCROLL),
                     ("List", AtomrView.KIND_LIST), ("Region", AtomrView.KIND_REGION)):
    setattr(NodeKind, _name, _kind_class(_name, _kind))


class _Custom(NodeKind):
    """Any other kind, by name."""

    __slots__ = ("name",)

    def __init__(self, name):
        if not isinstance(name, str) or not name:
            raise TypeError("NodeKind.Custom(name): expected a kind name, not %r" % (name,))
        self.name = name

    @property
    def kind(self):
        return self.name

    def __repr__(self):
        return "NodeKind.Custom(%r)" % self.name


_Custom.__name__ = "Custom"
_Custom.__qualname__ = "NodeKind.Custom"
NodeKind.Custom = _Custom


class PropertyValue:
    """A prop's value: PropertyValue.String(value), Number(value), Boolean(value),
    Color(values) (red, green, blue, alpha from 0 to 1) or Vec2(values)."""

    __slots__ = ()

    def to_python(self):
        raise NotImplementedError

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.to_python() == other.to_python()

    def __hash__(self):
        return hash((type(self).__name__, self.to_python()))


class _Scalar(PropertyValue):
    __slots__ = ("value",)
    _type = object

    def __init__(self, value):
        if not isinstance(value, self._type) or (self._type is not bool and isinstance(value, bool)):
            raise TypeError("PropertyValue.%s(value): expected %s, not %r"
                            % (type(self).__name__, self._what, value))
        self.value = value

    def to_python(self):
        return self.value

    def __repr__(self):
        return "PropertyValue.%s(%r)" % (type(self).__name__, self.value)


class _Vector(PropertyValue):
    __slots__ = ("values",)
    _length = 0

    def __init__(self, values):
        values = [float(v) for v in values]
        if len(values) != self._length:
            raise ValueError("PropertyValue.%s(values): expected %d numbers, not %d"
                             % (type(self).__name__, self._length, len(values)))
        self.values = values

    def to_python(self):
        return tuple(self.values)

    def __repr__(self):
        return "PropertyValue.%s(%r)" % (type(self).__name__, self.values)


def _value_class(name, base, **attributes):
    cls = type(name, (base,), dict(attributes, __slots__=()))
    cls.__qualname__ = "PropertyValue." + name
    setattr(PropertyValue, name, cls)


_value_class("String", _Scalar, _type=str, _what="a string")
_value_class("Number", _Scalar, _type=(int, float), _what="a number")
_value_class("Boolean", _Scalar, _type=bool, _what="a boolean")
_value_class("Color", _Vector, _length=4)
_value_class("Vec2", _Vector, _length=2)


class PropertyMap:
    """A node's props: PropertyMap({"name": PropertyValue...}), set(name, value), get(name)."""

    __slots__ = ("properties",)

    def __init__(self, properties=None):
        self.properties = {}
        for name, value in (properties or {}).items():
            self.set(name, value)

    def set(self, key, value):
        if not isinstance(key, str):
            raise TypeError("PropertyMap.set(key, value): a key is a string, not %r" % (key,))
        if not isinstance(value, PropertyValue):
            raise TypeError("PropertyMap.set(%r, value): expected a PropertyValue, not %r" % (key, value))
        self.properties[key] = value

    def get(self, key):
        return self.properties.get(key)

    def __len__(self):
        return len(self.properties)

    def __iter__(self):
        return iter(self.properties)

    def __contains__(self, key):
        return key in self.properties

    def __eq__(self, other):
        if not isinstance(other, PropertyMap):
            return NotImplemented
        return self.properties == other.properties

    def __repr__(self):
        return "PropertyMap(%r)" % self.properties


# The original's names for props that the core vocabulary names otherwise.
_RENAMED = {
    (AtomrView.KIND_CONTAINER, "layout"): AtomrView.PROP_ORIENTATION,
    (AtomrView.KIND_BUTTON, "text"): AtomrView.PROP_LABEL,
}


def _prop_value(kind, name, value):
    python = value.to_python()
    # Number is a double in the original; the vocabulary has integer props too.
    if isinstance(value, PropertyValue.Number) and isinstance(python, float) and python.is_integer():
        expected = AtomrView.kind_get_prop_type(kind, name)
        if expected is not None and expected.dup_string() == "i":
            python = int(python)
    return python


class SceneNode:
    """A node of the original API: key, kind, properties and children, all settable."""

    __slots__ = ("key", "kind", "properties", "children")

    def __init__(self, key=None, kind=None, properties=None, children=None):
        self.key = key if key is not None else SceneKey()
        self.kind = kind if kind is not None else NodeKind.Container()
        self.properties = properties if properties is not None else PropertyMap()
        self.children = list(children) if children is not None else []

    def to_node(self):
        """The AtomrView.Node of this node and its children.

        Raises TypeError for a field of the wrong type and GLib.Error for what
        the scene rules refuse (two children with one key, a prop of the
        wrong type).
        """
        if not isinstance(self.kind, NodeKind):
            raise TypeError("SceneNode %s: kind must be a NodeKind, not %r" % (self.key, self.kind))
        if not isinstance(self.key, (SceneKey, str)):
            raise TypeError("SceneNode: key must be a SceneKey, not %r" % (self.key,))
        kind = self.kind.kind
        props = {}
        for name, value in self.properties.properties.items():
            props[_RENAMED.get((kind, name), name)] = _prop_value(kind, name, value)
        children = []
        for child in self.children:
            if not isinstance(child, SceneNode):
                raise TypeError("SceneNode %s: children must be SceneNodes, not %r" % (self.key, child))
            children.append(child.to_node())
        return AtomrView.Node(kind, key=str(self.key), children=children, props=props)

    def __repr__(self):
        return "SceneNode(key=%r, kind=%r, properties=%r, children=%r)" % (self.key, self.kind,
                                                                             self.properties, self.children)


class SceneDescription:
    """A scene of the original API: its root node. to_scene() makes the AtomrView.Scene."""

    __slots__ = ("root",)

    def __init__(self, root):
        self.root = root

    def to_scene(self):
        if not isinstance(self.root, SceneNode):
            raise TypeError("SceneDescription: root must be a SceneNode, not %r" % (self.root,))
        return AtomrView.Scene(self.root.to_node())

    def diff(self, other):
        """The patches (AtomrView.Patch) that turn this scene into @other: the keyed diff."""
        return self.to_scene().diff(other.to_scene())

    def __repr__(self):
        return "SceneDescription(%r)" % (self.root,)

