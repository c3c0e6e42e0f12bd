# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject overrides for AtomrView: what Python needs on top of the C API.

- Python values become GLib.Variant messages and props (to_variant,
  from_variant): str, int, float, bool, bytes, lists, tuples, dicts, actor
  references; anything else raises TypeError naming the value and where it is.
- Nodes from keyword arguments: Node("button", key="ok", label="OK").
- tell, ask and friends take Python values; ask waits with a timeout and
  returns a Python value, raising GLib.Error on timeout or a dead actor.
- Python subclasses of Actor, WindowActor and RegionActor implement do_*
  methods; an exception raised in one is a failure that the actor's
  supervisor handles, with the traceback logged to the "atomr_view" logger.

Everything else is the C API as GObject introspection gives it; docs/python.md
is the guide.
"""
import array
import functools
import logging
import traceback

from gi._gi import VFuncInfo
from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

AtomrView = get_introspection_module("AtomrView")

__all__ = ["to_variant", "from_variant"]

log = logging.getLogger("atomr_view")

# -- Python values <-> GLib.Variant -------------------------------------------

_INT_RANGES = {
    "y": (0, 2**8 - 1, GLib.Variant.new_byte),
    "n": (-2**15, 2**15 - 1, GLib.Variant.new_int16),
    "q": (0, 2**16 - 1, GLib.Variant.new_uint16),
    "i": (-2**31, 2**31 - 1, GLib.Variant.new_int32),
    "u": (0, 2**32 - 1, GLib.Variant.new_uint32),
    "x": (-2**63, 2**63 - 1, GLib.Variant.new_int64),
    "t": (0, 2**64 - 1, GLib.Variant.new_uint64),
    "h": (-2**31, 2**31 - 1, GLib.Variant.new_handle),
}
_INT64_MIN, _INT64_MAX = -2**63, 2**63 - 1
_VARIANT = GLib.Variant
_new_string = GLib.Variant.new_string
_new_int64 = GLib.Variant.new_int64
_new_double = GLib.Variant.new_double
_new_boolean = GLib.Variant.new_boolean
_new_variant = GLib.Variant.new_variant
_TYPE_V = GLib.VariantType.new("v")


def _describe(value):
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return "%s %s" % (type(value).__name__, text)


def _refuse(value, place, why):
    where = " at %s" % place if place else ""
    raise TypeError("Cannot convert %s%s to a GLib.Variant: %s" % (_describe(value), where, why))


def _convert(value, place):
    """The GLib.Variant for a Python value, choosing the type from the value."""
    kind = type(value)
    if kind is str:
        return _new_string(value)
    if kind is bool:
        return _new_boolean(value)
    if kind is int:
        if _INT64_MIN <= value <= _INT64_MAX:
            return _new_int64(value)
        _refuse(value, place, "it does not fit in 64 bits")
    if kind is float:
        return _new_double(value)
    if isinstance(value, GLib.Variant):
        return value
    if isinstance(value, (bytes, bytearray)):
        return _convert_bytes(value)
    if isinstance(value, tuple):
        return GLib.Variant.new_tuple(*[_convert(item, "%s[%d]" % (place, i)) for i, item in enumerate(value)])
    if isinstance(value, list):
        items = [_convert(item, "%s[%d]" % (place, i)) for i, item in enumerate(value)]
        types = {item.get_type_string() for item in items}
        if len(types) == 1:
            return GLib.Variant.new_array(items[0].get_type(), items)
        return GLib.Variant.new_array(_TYPE_V, [_new_variant(item) for item in items])
    if isinstance(value, dict):
        return _convert_dict(value, place)
    if isinstance(value, AtomrView.ActorRef):
        return value.to_variant()
    if isinstance(value, bool):
        return _new_boolean(value)
    if isinstance(value, int):
        return _convert(int(value), place)
    if isinstance(value, float):
        return _new_double(float(value))
    if isinstance(value, str):
        return _new_string(str(value))
    if value is None:
        _refuse(value, place, "None has no GLib.Variant form; leave the value out, "
                "or send a GLib.Variant of a maybe type")
    _refuse(value, place, "no GLib.Variant type holds a value of type %s" % type(value).__name__)


def _convert_bytes(value):
    return GLib.Variant.new_from_bytes(GLib.VariantType.new("ay"), GLib.Bytes.new(bytes(value)), True)


def _convert_dict(value, place):
    keys = list(value)
    if all(type(key) is str for key in keys):
        key_type, make_key = "s", _new_string
    elif all(type(key) is int for key in keys):
        key_type, make_key = "x", _new_int64
        for key in keys:
            if not _INT64_MIN <= key <= _INT64_MAX:
                _refuse(key, place, "the key does not fit in 64 bits")
    else:
        _refuse(value, place, "dictionary keys must be all strings or all integers")
    entries = [GLib.Variant.new_dict_entry(make_key(key),
                                           _new_variant(_convert(item, "%s[%r]" % (place, key))))
               for key, item in value.items()]
    return GLib.Variant.new_array(GLib.VariantType.new("{%sv}" % key_type), entries)


def _convert_typed(value, vtype, place):
    """The GLib.Variant of type @vtype (a type string) for a Python value."""
    if isinstance(value, GLib.Variant):
        if value.get_type_string() != vtype:
            _refuse(value, place, "expected a value of type %s" % vtype)
        return value
    first = vtype[0]
    if first in _INT_RANGES and len(vtype) == 1:
        if type(value) is bool or not isinstance(value, int):
            _refuse(value, place, "expected an integer (type %s)" % vtype)
        low, high, make = _INT_RANGES[first]
        if not low <= value <= high:
            _refuse(value, place, "it is out of the range of type %s" % vtype)
        return make(value)
    if vtype == "d":
        if type(value) is bool or not isinstance(value, (int, float)):
            _refuse(value, place, "expected a number")
        return _new_double(float(value))
    if vtype == "b":
        if not isinstance(value, bool):
            _refuse(value, place, "expected a boolean")
        return _new_boolean(value)
    if vtype in ("s", "o", "g"):
        if not isinstance(value, str):
            _refuse(value, place, "expected a string")
        if vtype == "o":
            if not GLib.Variant.is_object_path(value):
                _refuse(value, place, "expected an object path")
            return GLib.Variant.new_object_path(value)
        if vtype == "g":
            if not GLib.Variant.is_signature(value):
                _refuse(value, place, "expected a type signature")
            return GLib.Variant.new_signature(value)
        return _new_string(value)
    if vtype == "v":
        return _new_variant(_convert(value, place))
    if vtype == "ay" and isinstance(value, (bytes, bytearray)):
        return _convert_bytes(value)
    if first == "m":
        inner = vtype[1:]
        if value is None:
            return GLib.Variant.new_maybe(GLib.VariantType.new(inner), None)
        return GLib.Variant.new_maybe(None, _convert_typed(value, inner, place))
    if vtype.startswith("a{"):
        if not isinstance(value, dict):
            _refuse(value, place, "expected a dictionary (type %s)" % vtype)
        key_type, item_type = GLib.Variant.split_signature("(" + vtype[2:-1] + ")")
        entries = [GLib.Variant.new_dict_entry(_convert_typed(key, key_type, "%s key %r" % (place, key)),
                                               _convert_typed(item, item_type, "%s[%r]" % (place, key)))
                   for key, item in value.items()]
        return GLib.Variant.new_array(GLib.VariantType.new(vtype[1:]), entries)
    if first == "a":
        if not isinstance(value, (list, tuple)):
            _refuse(value, place, "expected a list (type %s)" % vtype)
        item_type = vtype[1:]
        items = [_convert_typed(item, item_type, "%s[%d]" % (place, i)) for i, item in enumerate(value)]
        return GLib.Variant.new_array(GLib.VariantType.new(item_type), items)
    if first == "(":
        item_types = GLib.Variant.split_signature(vtype)
        if not isinstance(value, (list, tuple)) or len(value) != len(item_types):
            _refuse(value, place, "expected a tuple of %d (type %s)" % (len(item_types), vtype))
        return GLib.Variant.new_tuple(*[_convert_typed(item, item_type, "%s[%d]" % (place, i))
                                       for i, (item, item_type) in enumerate(zip(value, item_types))])
    _refuse(value, place, "type %s is not supported here; pass a GLib.Variant" % vtype)


def to_variant(value, type_string=None):
    """Converts a Python value to a GLib.Variant.

    Without @type_string the value chooses the type: str is `s`, bool `b`,
    int `x`, float `d`, bytes `ay`, a tuple `(...)`, a list `aT` when all its
    items have type T and `av` otherwise, a dict with string keys `a{sv}` (with
    integer keys `a{xv}`), an ActorRef its address. A GLib.Variant is kept as
    it is. With @type_string the value is converted to that type, so `6`
    becomes `i` for "i" and `d` for "d".

    Raises TypeError, naming the value and where it is, for a value that has
    no GLib.Variant form (None, a set, an object) or does not fit the type.
    """
    if type_string is None:
        return _convert(value, "")
    return _convert_typed(value, type_string, "")


_LEAVES = {
    "s": GLib.Variant.get_string, "b": GLib.Variant.get_boolean, "x": GLib.Variant.get_int64,
    "d": GLib.Variant.get_double, "i": GLib.Variant.get_int32, "u": GLib.Variant.get_uint32,
    "y": GLib.Variant.get_byte, "n": GLib.Variant.get_int16, "q": GLib.Variant.get_uint16,
    "t": GLib.Variant.get_uint64, "h": GLib.Variant.get_handle, "o": GLib.Variant.get_string,
    "g": GLib.Variant.get_string,
}


def from_variant(variant):
    """Converts a GLib.Variant to a Python value, the reverse of to_variant().

    Strings, numbers and booleans become str, int, float and bool; `ay`
    becomes bytes; arrays become lists, dictionaries dicts, tuples tuples; a
    `v` is unwrapped; a maybe becomes None or its value. None stays None.
    """
    if variant is None:
        return None
    type_string = variant.get_type_string()
    leaf = _LEAVES.get(type_string)
    if leaf is not None:
        return leaf(variant)
    first = type_string[0]
    if type_string == "ay":
        return bytes(variant.get_data_as_bytes().get_data() or b"")
    if first == "v":
        return from_variant(variant.get_variant())
    if first == "(":
        return tuple(from_variant(variant.get_child_value(i)) for i in range(variant.n_children()))
    if type_string.startswith("a{"):
        result = {}
        for i in range(variant.n_children()):
            entry = variant.get_child_value(i)
            result[from_variant(entry.get_child_value(0))] = from_variant(entry.get_child_value(1))
        return result
    if first == "a":
        return [from_variant(variant.get_child_value(i)) for i in range(variant.n_children())]
    if first == "m":
        return from_variant(variant.get_child_value(0)) if variant.n_children() else None
    return variant.unpack()


def _message(value):
    # The common cases first: a tell in a loop should not pay for the rest.
    if type(value) is _VARIANT:
        return value
    return _convert(value, "message")


# -- actors --------------------------------------------------------------------

_FAILING = ("do_pre_start", "do_receive", "do_post_restart", "do_handle_event", "do_receive_message")
_VOID = ("do_post_stop", "do_pre_restart", "do_terminated", "do_receive_timeout", "do_render")
_GUARDED = "_atomr_view_guarded"


def _failure(cls, name, error):
    """Logs the traceback of an exception in a handler; returns the GLib.Error it becomes."""
    where = "%s.%s" % (cls.__qualname__, name)
    log.error("%s raised %s: %s\n%s", where, type(error).__name__, error,
              "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip())
    return GLib.Error.new_literal(AtomrView.actor_error_quark(),
                                  "%s raised %s: %s" % (where, type(error).__name__, error),
                                  AtomrView.ActorError.FAILED)


def _guard_failing(cls, name, function):
    @functools.wraps(function)
    def guarded(self, *args):
        try:
            result = function(self, *args)
        except GLib.Error:
            raise
        except Exception as error:  # noqa: BLE001 - any exception is the actor's failure
            raise _failure(cls, name, error) from None
        # Returning nothing is success; False without an error fails without saying why.
        return True if result is None else result
    setattr(guarded, _GUARDED, True)
    return guarded


def _guard_void(cls, name, function):
    @functools.wraps(function)
    def guarded(self, *args):
        try:
            return function(self, *args)
        except Exception as error:  # noqa: BLE001 - any exception is the actor's failure
            self.fail(error if isinstance(error, GLib.Error) else _failure(cls, name, error))
            return None
    setattr(guarded, _GUARDED, True)
    return guarded


def _guard_handlers(cls):
    for name in _FAILING + _VOID:
        function = cls.__dict__.get(name)
        if function is None or not callable(function) or getattr(function, _GUARDED, False):
            continue
        guard = _guard_failing if name in _FAILING else _guard_void
        setattr(cls, name, guard(cls, name, function))


_ACTOR_VFUNCS = ("do_pre_start", "do_receive", "do_post_stop", "do_pre_restart", "do_post_restart",
                 "do_terminated", "do_receive_timeout")
_UI_VFUNCS = _ACTOR_VFUNCS + ("do_render", "do_handle_event", "do_receive_message")


def _add_chain_ups(cls, gi_class, names):
    """Makes super().do_x(...) in a subclass call gi_class's C implementation.

    PyGObject binds a vfunc looked up through super() to the subclass, not to
    the parent, so the override classes define each do_* as a plain method
    that calls the implementation of the class they override. Only methods a
    subclass defines itself become its vfuncs, so these change nothing else.
    """
    for name in names:
        # The VFuncInfo itself, skipping the chain-ups of overrides further up,
        # bound to gi_class so that it calls gi_class's implementation.
        info = next(base.__dict__[name] for base in gi_class.__mro__
                    if isinstance(base.__dict__.get(name), VFuncInfo))
        implementation = info.__get__(None, gi_class)

        def chain_up(self, *args, _implementation=implementation):
            return _implementation(self, *args)
        chain_up.__name__ = chain_up.__qualname__ = name
        chain_up.__doc__ = "The %s of %s, for subclasses to chain up to." % (name, gi_class.__name__)
        setattr(cls, name, chain_up)


class Actor(AtomrView.Actor):
    """The base class of actors; subclass it and implement do_receive().

    An exception raised in a do_* method is a failure of the actor that its
    supervisor handles (restart by default). A GLib.Error is the failure as
    it is; any other exception becomes an ATOMR_VIEW_ACTOR_ERROR_FAILED error
    naming the method and the exception, and its traceback is logged on the
    "atomr_view" logger. do_receive and the other handlers that can fail
    succeed when they return None or True.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _guard_handlers(cls)


_add_chain_ups(Actor, AtomrView.Actor, _ACTOR_VFUNCS)
Actor = override(Actor)
__all__.append("Actor")


class WindowActor(AtomrView.WindowActor):
    """An actor that owns a window; implement do_render() and do_handle_event().

    As for Actor, an exception in a do_* method, do_render() included, is a
    failure that the supervisor handles.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _guard_handlers(cls)


_add_chain_ups(WindowActor, AtomrView.WindowActor, _UI_VFUNCS)
WindowActor = override(WindowActor)
__all__.append("WindowActor")


class RegionActor(AtomrView.RegionActor):
    """An actor that owns a region of a window; implement do_render() and do_handle_event()."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        _guard_handlers(cls)


_add_chain_ups(RegionActor, AtomrView.RegionActor, _UI_VFUNCS)
RegionActor = override(RegionActor)
__all__.append("RegionActor")


def _props(props):
    """Props, or a Props made for an actor class."""
    if isinstance(props, AtomrView.Props):
        return props
    return AtomrView.Props.new(props)


_gi_tell = AtomrView.ActorRef.tell
_gi_tell_int64 = AtomrView.ActorRef.tell_int64
_gi_tell_string = AtomrView.ActorRef.tell_string
_gi_tell_many = AtomrView.ActorRef.tell_many
_ARRAY_TYPES = {int: ("q", "ax"), float: ("d", "ad")}


def _pack_messages(messages):
    """An array GLib.Variant of @messages; ints and floats are packed, not converted one by one."""
    messages = list(messages)
    if messages:
        kind = type(messages[0])
        packing = _ARRAY_TYPES.get(kind)
        if packing is not None and all(type(message) is kind for message in messages):
            try:
                data = array.array(packing[0], messages).tobytes()
            except OverflowError:
                pass
            else:
                # GVariant keeps numbers in the machine's byte order, as array does.
                return GLib.Variant.new_from_bytes(GLib.VariantType.new(packing[1]), GLib.Bytes.new(data), True)
    return _convert(messages, "messages")


class ActorRef(AtomrView.ActorRef):
    """A reference to an actor; usable from any thread."""

    def tell(self, message, sender=None):
        """Sends @message (a Python value or a GLib.Variant) without waiting."""
        # tell is the hot path: no super(), no generic conversion for the common types.
        kind = type(message)
        if kind is _VARIANT:
            _gi_tell(self, message, sender)
        elif kind is int and _INT64_MIN <= message <= _INT64_MAX:
            _gi_tell_int64(self, message, sender)
        elif kind is str:
            _gi_tell_string(self, message, sender)
        else:
            _gi_tell(self, _convert(message, "message"), sender)

    def tell_many(self, messages, sender=None):
        """Sends each of @messages (a list of Python values, or an array GLib.Variant), in order.

        One call into C for the whole list: a list of ints or floats is
        packed into one array without a GLib.Variant per element, so telling
        many values at once costs a fraction of a tell() each. Lists of other
        values are converted as to_variant() does.
        """
        if not isinstance(messages, GLib.Variant):
            messages = _pack_messages(messages)
        _gi_tell_many(self, messages, sender)

    def try_tell(self, message, sender=None):
        """Sends @message; raises GLib.Error when the actor is dead or its mailbox full."""
        return super().try_tell(_message(message), sender)

    def ask_sync(self, message, timeout_ms, cancellable=None):
        """Sends @message and waits for the reply (a GLib.Variant), as the C function does."""
        return super().ask_sync(_message(message), timeout_ms, cancellable)

    def ask(self, message, timeout_ms=5000):
        """Sends @message and waits at most @timeout_ms for the reply, as a Python value.

        Raises GLib.Error (ATOMR_VIEW_ACTOR_ERROR) with TIMEOUT when no reply
        comes in time, DEAD_ACTOR when the actor has terminated, and
        WOULD_DEADLOCK on the thread that runs the actor. The GIL is released
        while waiting.
        """
        return from_variant(super().ask_sync(_message(message), timeout_ms, None))

    def ask_async(self, message, timeout_ms, cancellable, callback, *user_data):
        """Sends @message; @callback(ref, result, *user_data) runs in the caller's main context."""
        return super().ask_async(_message(message), timeout_ms, cancellable, callback, *user_data)

    def __eq__(self, other):
        if not isinstance(other, AtomrView.ActorRef):
            return NotImplemented
        return self.equal(other)

    def __hash__(self):
        return super().hash()

    def __repr__(self):
        return "<AtomrView.ActorRef %s>" % self.dup_uri()


ActorRef = override(ActorRef)
__all__.append("ActorRef")


class Context(AtomrView.Context):
    """What an actor can do while one of its handlers runs; valid only during the call."""

    def reply(self, message):
        super().reply(_message(message))

    def spawn(self, props, name):
        """Spawns a child from Props or from an actor class."""
        return super().spawn(_props(props), name)

    def start_single_timer(self, key, message, delay_ms):
        super().start_single_timer(key, _message(message), delay_ms)

    def start_periodic_timer(self, key, message, interval_ms):
        super().start_periodic_timer(key, _message(message), interval_ms)

    def become(self, behaviour, discard_old=True):
        """Receives with @behaviour(actor, context, message) until unbecome().

        Like do_receive, the behaviour fails the actor by raising.
        """
        owner = type(behaviour.__self__) if hasattr(behaviour, "__self__") else type(self)
        guarded = _guard_failing(owner, getattr(behaviour, "__name__", "behaviour"), behaviour)
        super().become(lambda actor, context, message, *data: guarded(actor, context, message), None, discard_old)


Context = override(Context)
__all__.append("Context")


class ActorSystem(AtomrView.ActorSystem):
    """A tree of actors and the threads that run them."""

    def spawn(self, props, name):
        """Spawns a top-level actor from Props or from an actor class."""
        return super().spawn(_props(props), name)

    def publish(self, topic, message):
        return super().publish(topic, _message(message))


ActorSystem = override(ActorSystem)
__all__.append("ActorSystem")


# -- scenes --------------------------------------------------------------------

_prop_types = {}


def _prop_type(kind, name):
    try:
        return _prop_types[kind, name]
    except KeyError:
        vtype = AtomrView.kind_get_prop_type(kind, name)
        _prop_types[kind, name] = result = vtype.dup_string() if vtype is not None else None
        return result


def _set_prop(builder, kind, name, value):
    vtype = _prop_type(kind, name)
    kind_of_value = type(value)
    if vtype is None:
        if kind_of_value is str:
            builder.set_string(name, value)
        elif kind_of_value is bool:
            builder.set_boolean(name, value)
        elif kind_of_value is float:
            builder.set_double(name, value)
        else:
            builder.set_prop(name, _convert(value, "%s.props[%r]" % (kind, name)))
    elif vtype == "s" and kind_of_value is str:
        builder.set_string(name, value)
    elif vtype == "i" and kind_of_value is int and -2**31 <= value < 2**31:
        builder.set_int(name, value)
    elif vtype == "d" and (kind_of_value is float or kind_of_value is int):
        builder.set_double(name, value)
    elif vtype == "b" and kind_of_value is bool:
        builder.set_boolean(name, value)
    else:
        builder.set_prop(name, _convert_typed(value, vtype, "%s.props[%r]" % (kind, name)))


def _prop_name(name):
    return name.replace("_", "-")


class Node(AtomrView.Node):
    """An immutable node of a scene tree; any thread.

    Node(kind, key=None, children=(), props=None, **props) builds one: each
    keyword argument is a prop, with `_` in its name read as `-`
    (css_classes is "css-classes"); `props` takes names as they are. Values
    are Python values, converted to the type the core vocabulary gives the
    prop (see to_variant()). Raises TypeError for a value that cannot be
    converted and GLib.Error (ATOMR_VIEW_SCENE_ERROR) for a node the scene
    rules refuse, such as two children with one key.
    """

    def __new__(cls, kind, key=None, children=(), props=None, **kwargs):
        builder = AtomrView.NodeBuilder.new(kind)
        if key is not None:
            builder.set_key(key)
        if props:
            for name, value in props.items():
                _set_prop(builder, kind, name, value)
        for name, value in kwargs.items():
            _set_prop(builder, kind, _prop_name(name), value)
        for child in children:
            builder.add_child(child)
        return builder.end()

    def __init__(self, *args, **kwargs):
        pass

    @property
    def kind(self):
        return self.get_kind()

    @property
    def key(self):
        return self.get_key()

    @property
    def props(self):
        """The props as a dict of Python values."""
        return {self.get_prop_name(i): from_variant(self.get_prop_value(i)) for i in range(self.get_n_props())}

    @property
    def children(self):
        return [self.get_child(i) for i in range(self.get_n_children())]

    def __len__(self):
        return self.get_n_children()

    def __getitem__(self, index):
        n = self.get_n_children()
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("child %d of a node with %d children" % (index, n))
        return self.get_child(index)

    def __iter__(self):
        return iter(self.children)

    def __eq__(self, other):
        if not isinstance(other, AtomrView.Node):
            return NotImplemented
        return AtomrView.Node.equal(self, other)

    __hash__ = None

    def __repr__(self):
        key = "" if self.get_key() is None else " key=%r" % self.get_key()
        return "<AtomrView.Node %s%s props=%r children=%d>" % (self.get_kind(), key, self.props,
                                                                self.get_n_children())


Node = override(Node)
__all__.append("Node")


class Scene(AtomrView.Scene):
    """An immutable scene: a tree of nodes under one root; any thread.

    Scene(root) makes one. diff() gives the patches to another scene, apply()
    the scene that patches make.
    """

    def __new__(cls, root):
        return AtomrView.Scene.new(root)

    def __init__(self, *args, **kwargs):
        pass

    @property
    def root(self):
        return self.get_root()

    def __eq__(self, other):
        if not isinstance(other, AtomrView.Scene):
            return NotImplemented
        return AtomrView.Scene.equal(self, other)

    __hash__ = None

    def __repr__(self):
        return "<AtomrView.Scene %d nodes>" % self.get_n_nodes()


Scene = override(Scene)
__all__.append("Scene")


class Patch(AtomrView.Patch):
    """One step from a scene to the next: insert, remove, move, set-prop, unset-prop or replace."""

    def __eq__(self, other):
        if not isinstance(other, AtomrView.Patch):
            return NotImplemented
        return AtomrView.Patch.equal(self, other)

    __hash__ = None

    def __repr__(self):
        return "<AtomrView.Patch %s>" % AtomrView.Patch.list_to_json([self], False)


Patch = override(Patch)
__all__.append("Patch")


class Event(AtomrView.Event):
    """Something the user did in a window: window id, key path, signal and value."""

    @property
    def window_id(self):
        return self.get_window_id()

    @property
    def path(self):
        return list(self.get_path())

    @property
    def key(self):
        return self.get_key()

    @property
    def signal(self):
        return self.get_signal()

    @property
    def value(self):
        """The event's value as a Python value, or None."""
        return from_variant(self.get_value())

    def __repr__(self):
        return "<AtomrView.Event %s %s on %s value=%r>" % (self.get_window_id(), self.get_signal(),
                                                          "/".join(self.get_path()), self.value)


Event = override(Event)
__all__.append("Event")
