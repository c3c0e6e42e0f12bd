# SPDX-License-Identifier: LGPL-2.1-or-later
"""Everything each library exports is usable from Python.

ATOMR_VIEW_GI_LIBRARIES lists NAMESPACE=LIBRARY pairs (tests/python/meson.build);
a library added there is checked the same way.
"""
import os
import subprocess

import gi
import pytest
from gi import _gi

LIBRARIES = [entry.split("=", 1) for entry in os.environ.get("ATOMR_VIEW_GI_LIBRARIES", "").split(";") if entry]


def load(namespace):
    gi.require_version(namespace, "1.0")
    return __import__("gi.repository", fromlist=[namespace]).__dict__[namespace]


def callables(info):
    found = [info] if isinstance(info, _gi.FunctionInfo) else []
    for getter in ("get_methods", "get_vfuncs"):
        if hasattr(info, getter):
            found += list(getattr(info, getter)())
    return found


def exported_functions(library):
    output = subprocess.check_output(["nm", "-D", "--defined-only", library], text=True)
    return {line.split()[-1] for line in output.splitlines() if line.split()[1:2] == ["T"]}


pytestmark = pytest.mark.skipif(not LIBRARIES, reason="ATOMR_VIEW_GI_LIBRARIES is not set (meson test sets it)")


@pytest.mark.parametrize("namespace, library", LIBRARIES, ids=[n for n, _ in LIBRARIES])
def test_every_exported_function_is_in_the_typelib(namespace, library):
    load(namespace)
    repository = _gi.Repository.get_default()
    in_typelib = set()
    for info in repository.get_infos(namespace):
        for callable_info in callables(info):
            if isinstance(callable_info, _gi.FunctionInfo):
                in_typelib.add(callable_info.get_symbol())
        if hasattr(info, "get_g_type") and info.get_g_type().name != "void":
            in_typelib.add(info.get_type_init() if hasattr(info, "get_type_init") else "")
    exported = exported_functions(library)
    assert len(exported) > 3
    # _get_type functions are how Python finds the types, not functions it calls.
    missing = sorted(symbol for symbol in exported if symbol not in in_typelib and not symbol.endswith("_get_type"))
    assert missing == [], "exported but not introspectable: %s" % ", ".join(missing)


@pytest.mark.parametrize("namespace, library", LIBRARIES, ids=[n for n, _ in LIBRARIES])
def test_no_argument_is_a_bare_pointer(namespace, library):
    """A gpointer that is not a callback's data cannot be passed from Python."""
    load(namespace)
    problems = []
    for info in _gi.Repository.get_default().get_infos(namespace):
        for callable_info in callables(info):
            arguments = list(callable_info.get_arguments())
            closures = {a.get_closure() for a in arguments} | {a.get_destroy() for a in arguments}
            for index, argument in enumerate(arguments):
                type_info = argument.get_type()
                if type_info.get_tag_as_string() == "void" and type_info.is_pointer() and index not in closures:
                    problems.append("%s.%s(%s)" % (info.get_name(), callable_info.get_name(), argument.get_name()))
            return_type = callable_info.get_return_type()
            if return_type.get_tag_as_string() == "void" and return_type.is_pointer():
                problems.append("%s.%s returns a gpointer" % (info.get_name(), callable_info.get_name()))
    assert problems == []


@pytest.mark.parametrize("namespace, library", LIBRARIES, ids=[n for n, _ in LIBRARIES])
def test_vfuncs_signals_and_properties_reach_python(namespace, library):
    module = load(namespace)
    for info in _gi.Repository.get_default().get_infos(namespace):
        if not isinstance(info, (_gi.ObjectInfo, _gi.InterfaceInfo)):
            continue
        cls = getattr(module, info.get_name())
        names = ["do_" + vfunc.get_name() for vfunc in info.get_vfuncs()]
        if isinstance(info, _gi.ObjectInfo):
            for name in names:
                assert hasattr(cls, name), "%s has no %s" % (cls, name)
        elif names:
            # An interface's vfuncs are found when a Python class implements them.
            body = {name: (lambda self, *args: None) for name in names}
            implementation = type("Python" + info.get_name(), (gi.repository.GObject.Object, cls), body)
            assert implementation.__gtype__.is_a(cls.__gtype__)
        # Signals exist once the class is initialised, which nothing may have done yet.
        if isinstance(info, _gi.ObjectInfo):
            gi.repository.GObject.TypeClass.ref(cls.__gtype__)
        for signal in info.get_signals():
            assert gi.repository.GObject.signal_lookup(signal.get_name(), cls.__gtype__) != 0, signal.get_name()
        for prop in info.get_properties():
            pspec = cls.find_property(prop.get_name()) if isinstance(info, _gi.ObjectInfo) else None
            if pspec is not None:
                assert pspec.value_type != gi.repository.GObject.TYPE_POINTER, prop.get_name()


def test_window_actor_properties_from_python():
    AtomrView = load("AtomrView")
    window = AtomrView.WindowActor(window_id="main", title="Hello")
    assert window.props.window_id == "main" and window.get_window_id() == "main"
    assert window.props.title == "Hello"
    notified = []
    window.connect("notify::title", lambda *args: notified.append(window.props.title))
    window.set_title("Goodbye")
    window.set_title("Goodbye")
    assert notified == ["Goodbye"]


def test_a_backend_written_in_python():
    """The Backend interface implemented in Python: the bridge opens its window and renders the scene."""
    AtomrView = load("AtomrView")
    from gi.repository import GLib, GObject
    from conftest import wait_until

    class ListBackend(GObject.Object, AtomrView.Backend):
        def __init__(self):
            super().__init__()
            self.calls = []

        def do_open_window(self, window_id, title):
            self.calls.append(("open", window_id, title))
            return True

        def do_render(self, window_id, old_scene, new_scene, patches):
            self.calls.append(("render", window_id, new_scene.root.props))
            if old_scene is not None:
                # Without do_render_scene, the bridge diffs for the backend.
                self.calls.append(("patches", [p.get_op().value_nick for p in patches]))
            return True

        def do_close_window(self, window_id):
            self.calls.append(("close", window_id))

        def do_set_title(self, window_id, title):
            self.calls.append(("title", window_id, title))

        def do_request_redraw(self, window_id):
            self.calls.append(("redraw", window_id))

    class Window(AtomrView.WindowActor):
        def __init__(self):
            super().__init__()
            self.set_title("Python all the way")

        def do_render(self):
            return AtomrView.Node("text", text="hello")

        def do_receive_message(self, context, message):
            self.set_root(AtomrView.Node("text", text=message.get_string()))
            return True

    system = AtomrView.ActorSystem.new("backend")
    backend = ListBackend()
    bridge = AtomrView.UiBridge.new(system, backend)
    window = system.spawn(Window, "main")
    wait_until(lambda: ("render", "main", {"text": "hello"}) in backend.calls, "the scene to reach the backend")
    assert backend.calls[0] == ("open", "main", "Python all the way")
    window.tell(GLib.Variant("s", "again"), None)
    wait_until(lambda: ("patches", ["set-prop"]) in backend.calls, "the second scene, as patches")
    window.stop()
    wait_until(lambda: ("close", "main") in backend.calls, "the window to close")
    assert system.shutdown()
    assert bridge.get_backend() is backend
