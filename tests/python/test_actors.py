# SPDX-License-Identifier: LGPL-2.1-or-later
"""Python actors: receive, reply, fail and restart under supervision, watch, timers, threads."""
import itertools
import logging
import queue
import threading

import gi
import pytest

gi.require_version("AtomrView", "1.0")
from gi.repository import AtomrView, GLib  # noqa: E402

from conftest import DEADLINE_S  # noqa: E402

DEADLINE_MS = int(DEADLINE_S * 1000)
_instances = itertools.count(1)


class Reports:
    """Thread-safe reports from actors to the test, awaited with a deadline."""

    def __init__(self):
        self.queue = queue.Queue()

    def put(self, *report):
        self.queue.put(report)

    def expect(self, *report):
        try:
            got = self.queue.get(timeout=DEADLINE_S)
        except queue.Empty:
            raise AssertionError("no report within %.0f s; expected %r" % (DEADLINE_S, report)) from None
        assert got == report
        return got

    def next(self):
        try:
            return self.queue.get(timeout=DEADLINE_S)
        except queue.Empty:
            raise AssertionError("no report within %.0f s" % DEADLINE_S) from None


class Counter(AtomrView.Actor):
    """("add", n) adds; "get" replies (count, instance); "boom" raises; "error" raises a GLib.Error;
    "false" returns False; anything else is echoed to an ask."""

    def __init__(self):
        super().__init__()
        self.count = 0
        self.instance = next(_instances)
        self.thread = threading.get_ident()

    def do_receive(self, context, message):
        value = AtomrView.from_variant(message)
        if value == "get":
            context.reply((self.count, self.instance))
        elif value == "thread":
            context.reply(threading.get_ident())
        elif value == "boom":
            raise ValueError("boom")
        elif value == "error":
            raise GLib.Error.new_literal(AtomrView.actor_error_quark(), "a deliberate failure",
                                         AtomrView.ActorError.INVALID_MESSAGE)
        elif value == "false":
            return False
        elif isinstance(value, tuple) and value[0] == "add":
            self.count += value[1]
        else:
            context.reply(value)


def supervised(system, reports, child_class, name="parent"):
    """A Python parent that spawns @child_class as "child" and reports each decision of its strategy."""
    class Parent(AtomrView.Actor):
        def do_pre_start(self, context):
            context.spawn(child_class, "child")

        def do_receive(self, context, message):
            context.reply(context.get_child("child").to_variant())

    def decide(error):
        reports.put("decided", error.domain, error.code, error.message)
        return AtomrView.Directive.RESTART

    strategy = AtomrView.SupervisorStrategy.new(AtomrView.SupervisionScope.ONE_FOR_ONE, -1, 0)
    strategy.set_decider(decide)
    props = AtomrView.Props.new(Parent)
    props.set_supervisor_strategy(strategy)
    parent = system.spawn(props, name)
    child = system.resolve_variant(parent.ask_sync("child?", DEADLINE_MS))
    return parent, child


def test_receives_and_replies_to_ask(system):
    counter = system.spawn(Counter, "counter")
    for n in range(1, 6):
        counter.tell(("add", n))
    count, _ = counter.ask("get", DEADLINE_MS)
    assert count == 15
    assert counter.ask({"echo": [1, "two"]}, DEADLINE_MS) == {"echo": [1, "two"]}
    # The C form: a GLib.Variant back.
    reply = counter.ask_sync("hello", DEADLINE_MS)
    assert reply.get_type_string() == "s" and reply.get_string() == "hello"


def test_runs_on_a_dispatcher_thread(system):
    counter = system.spawn(Counter, "counter")
    assert counter.ask("thread", DEADLINE_MS) != threading.get_ident()


def test_ask_async_from_python(system):
    counter = system.spawn(Counter, "counter")
    results = []
    counter.ask_async(["x", 1], DEADLINE_MS, None,
                      lambda ref, result: results.append(AtomrView.from_variant(ref.ask_finish(result))))
    context = GLib.MainContext.default()
    while not results:
        context.iteration(True)
    assert results == [["x", 1]]


def test_ask_times_out_and_a_dead_actor_refuses(system):
    class Silent(AtomrView.Actor):
        def do_receive(self, context, message):
            pass   # handled, never answered

    silent = system.spawn(Silent, "silent")
    with pytest.raises(GLib.Error) as raised:
        silent.ask("anyone?", 50)
    assert raised.value.matches(AtomrView.actor_error_quark(), AtomrView.ActorError.TIMEOUT)

    counter = system.spawn(Counter, "counter")
    counter.stop()
    reports = Reports()

    class Watcher(AtomrView.Actor):
        def do_pre_start(self, context):
            context.watch(counter)

        def do_terminated(self, context, who):
            reports.put("terminated", who.get_path())

    system.spawn(Watcher, "watcher")
    reports.expect("terminated", "/user/counter")
    with pytest.raises(GLib.Error) as raised:
        counter.ask("get", DEADLINE_MS)
    assert raised.value.matches(AtomrView.actor_error_quark(), AtomrView.ActorError.DEAD_ACTOR)


def test_exception_is_a_failure_the_supervisor_restarts(system, caplog):
    reports = Reports()
    _, child = supervised(system, reports, Counter)
    child.tell(("add", 3))
    count, first = child.ask("get", DEADLINE_MS)
    assert count == 3

    with caplog.at_level(logging.ERROR, logger="atomr_view"):
        child.tell("boom")
        child.tell(("add", 1))
        _, domain, code, message = reports.next()
        count, second = child.ask("get", DEADLINE_MS)

    assert domain == "atomr-view-actor-error-quark" and code == AtomrView.ActorError.FAILED
    assert message == "test_actors.Counter.do_receive raised ValueError: boom" or \
        message.endswith("Counter.do_receive raised ValueError: boom")
    # A new instance: the state is gone, the message after the failing one was kept.
    assert second != first
    assert count == 1
    # The traceback is logged, down to the line that raised.
    records = [r for r in caplog.records if r.name == "atomr_view"]
    assert len(records) == 1
    assert records[0].levelno == logging.ERROR
    assert 'raise ValueError("boom")' in records[0].getMessage()
    assert "Traceback (most recent call last)" in records[0].getMessage()


def test_glib_error_is_the_failure_as_it_is(system, caplog):
    reports = Reports()
    _, child = supervised(system, reports, Counter)
    with caplog.at_level(logging.ERROR, logger="atomr_view"):
        child.tell("error")
        reports.expect("decided", "atomr-view-actor-error-quark", int(AtomrView.ActorError.INVALID_MESSAGE),
                       "a deliberate failure")
    assert not [r for r in caplog.records if r.name == "atomr_view"]


def test_false_without_an_error_fails_without_saying_why(system):
    reports = Reports()
    _, child = supervised(system, reports, Counter)
    child.tell("false")
    _, _, code, message = reports.next()
    assert code == AtomrView.ActorError.FAILED
    assert message == "/user/parent/child failed without saying why"


def test_exception_in_a_hook_that_cannot_fail_is_reported(system, caplog):
    """do_terminated returns nothing; an exception there fails the actor all the same."""
    reports = Reports()
    doomed = system.spawn(Counter, "doomed")
    watching = []

    class Mourner(AtomrView.Actor):
        def do_pre_start(self, context):
            reports.put("started")
            # Only the first instance watches: a new one would be told of the death again.
            if not watching:
                watching.append(True)
                context.watch(doomed)

        def do_terminated(self, context, who):
            raise RuntimeError("cannot bear the loss of %s" % who.get_path())

    with caplog.at_level(logging.ERROR, logger="atomr_view"):
        supervised(system, reports, Mourner)
        reports.expect("started")
        doomed.stop()
        _, _, code, message = reports.next()
        reports.expect("started")
    assert code == AtomrView.ActorError.FAILED
    assert message.endswith("Mourner.do_terminated raised RuntimeError: cannot bear the loss of /user/doomed")
    assert any("RuntimeError" in r.getMessage() for r in caplog.records if r.name == "atomr_view")


def test_watched_python_actor(system):
    reports = Reports()
    counter = system.spawn(Counter, "counter")

    class Watcher(AtomrView.Actor):
        def do_receive(self, context, message):
            context.watch(context.get_system().resolve_variant(message))
            context.reply(True)

        def do_terminated(self, context, who):
            reports.put("terminated", who.get_path(), who == counter)

    watcher = system.spawn(Watcher, "watcher")
    assert watcher.ask(counter, DEADLINE_MS) is True
    counter.stop()
    reports.expect("terminated", "/user/counter", True)


def test_timers_become_and_stash(system):
    reports = Reports()

    class Timed(AtomrView.Actor):
        def do_receive(self, context, message):
            value = AtomrView.from_variant(message)
            if value == "start":
                context.start_single_timer("once", ("tick", 1), 1)
            elif value == ("tick", 1):
                reports.put("tick")
                context.become(self.angry)

        def angry(self, actor, context, message):
            reports.put("angry", AtomrView.from_variant(message))
            context.unbecome()

    timed = system.spawn(Timed, "timed")
    timed.tell("start")
    reports.expect("tick")
    timed.tell("hello")
    reports.expect("angry", "hello")


def test_exception_in_a_behaviour_is_a_failure(system):
    reports = Reports()

    class Moody(AtomrView.Actor):
        def do_receive(self, context, message):
            context.become(self.grumpy)

        def grumpy(self, actor, context, message):
            raise KeyError("grump")

    _, child = supervised(system, reports, Moody)
    child.tell("become")
    child.tell("anything")
    _, _, code, message = reports.next()
    assert code == AtomrView.ActorError.FAILED
    assert message.endswith("Moody.grumpy raised KeyError: 'grump'")


def test_chaining_up_reaches_the_c_implementation(system):
    """super().do_receive() is the base class's C receive: an unhandled message is a dead letter."""
    reports = Reports()

    class Polite(AtomrView.Actor):
        def do_receive(self, context, message):
            return super().do_receive(context, message)

    class Undertaker(AtomrView.Actor):
        def do_receive(self, context, message):
            reports.put(*AtomrView.from_variant(message))

    system.subscribe(AtomrView.TOPIC_DEAD_LETTERS, system.spawn(Undertaker, "undertaker"))
    system.spawn(Polite, "polite").tell("unhandled")
    reports.expect("/user/polite", "unhandled", "unhandled")


def test_c_calls_release_the_gil(system):
    """An actor blocked in a C call (ask_sync) leaves the GIL to an actor on another thread.

    If the call held the GIL, the asked actor could never run its Python
    do_receive and the ask would time out.
    """
    system.add_dispatcher("first", 1, 0)
    system.add_dispatcher("second", 1, 0)
    second_props = AtomrView.Props.new(Counter)
    second_props.set_dispatcher("second")
    second = system.spawn(second_props, "second")

    class Asker(AtomrView.Actor):
        def do_receive(self, context, message):
            context.reply(second.ask(("relayed", AtomrView.from_variant(message)), DEADLINE_MS))

    first_props = AtomrView.Props.new(Asker)
    first_props.set_dispatcher("first")
    first = system.spawn(first_props, "first")
    assert first.ask("ping", DEADLINE_MS) == ("relayed", "ping")


def test_a_python_actor_asking_its_own_thread_is_refused(system):
    system.add_dispatcher("alone", 1, 0)
    props = AtomrView.Props.new(Counter)
    props.set_dispatcher("alone")
    neighbour = system.spawn(props, "neighbour")
    reports = Reports()

    class Selfish(AtomrView.Actor):
        def do_receive(self, context, message):
            try:
                neighbour.ask("get", DEADLINE_MS)
            except GLib.Error as error:
                reports.put(error.code)

    props = AtomrView.Props.new(Selfish)
    props.set_dispatcher("alone")
    system.spawn(props, "selfish").tell("go")
    assert reports.next() == (int(AtomrView.ActorError.WOULD_DEADLOCK),)


def test_factory_made_instances_keep_their_python_state(system):
    counter = system.spawn(AtomrView.Props.new_with_factory(lambda: Counter()), "made")
    import gc
    for n in range(3):
        counter.tell(("add", 10))
        gc.collect()
    assert counter.ask("get", DEADLINE_MS)[0] == 30


def test_publish_and_subscribe_with_python_values(system):
    reports = Reports()

    class Listener(AtomrView.Actor):
        def do_receive(self, context, message):
            reports.put(AtomrView.from_variant(message))

    listener = system.spawn(Listener, "listener")
    system.subscribe("news", listener)
    assert system.publish("news", {"headline": "actors in Python"}) == 1
    reports.expect({"headline": "actors in Python"})


def test_tell_many_sends_each_value_in_order(system):
    reports = Reports()

    class Recorder(AtomrView.Actor):
        def do_receive(self, context, message):
            reports.put(message.get_type_string(), AtomrView.from_variant(message))

    recorder = system.spawn(Recorder, "recorder")
    recorder.tell_many(range(-1, 3))
    recorder.tell_many([0.5, 1.5])
    recorder.tell_many([1, "two", (3, "three")])
    for expected in [("x", -1), ("x", 0), ("x", 1), ("x", 2), ("d", 0.5), ("d", 1.5),
                     ("x", 1), ("s", "two"), ("(xs)", (3, "three"))]:
        reports.expect(*expected)
    assert reports.queue.empty()
    with pytest.raises(TypeError) as raised:
        recorder.tell_many(["fine", {3}])
    assert "set {3} at messages[1]" in str(raised.value)
    with pytest.raises(TypeError) as raised:
        recorder.tell_many([1, 2**64])
    assert "int 18446744073709551616 at messages[1]" in str(raised.value)
