#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A program that serves itself with atomr_view_broadway_run_window(): with
ATOMR_VIEW_BROADWAY=1 it starts its own daemon on 127.0.0.1, shows its window
there (the GTK backend writes its geometry once it is painted), ends cleanly
on SIGTERM with no daemon left; its errors are clear; without the variable it
is an ordinary GTK program.

    check-run-window.py PROGRAM
"""
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time

PROGRAM = sys.argv[1]
DEADLINE = 60.0
results = []


def check(name, function):
    daemon = os.environ.get("ATOMR_VIEW_BROADWAYD") or "gtk4-broadwayd"
    if shutil.which(daemon) is None:
        results.append((name, "skip", "no gtk4-broadwayd: install libgtk-4-bin"))
        return
    try:
        function()
        results.append((name, "ok", None))
    except AssertionError as error:
        results.append((name, "not ok", str(error)))


def environment(**extra):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "ATOMR_VIEW_BROADWAY_CONTROL"):
        env.pop(name, None)
    env.update(extra)
    return env


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def daemons_on_port(port):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                argv = f.read().decode("utf-8", "replace").split("\0")
        except OSError:
            continue
        if argv[0].endswith("gtk4-broadwayd") and "--port" in argv and argv[argv.index("--port") + 1] == str(port):
            found.append(int(entry))
    return found


def read_until(process, pattern, seen):
    """Reads the program's output until a line matches @pattern; returns the match."""
    deadline = time.monotonic() + DEADLINE
    pending = b""
    while True:
        for line in seen:
            match = re.search(pattern, line)
            if match:
                return match
        left = deadline - time.monotonic()
        assert left > 0, "no line matching %r within %d s; got %r" % (pattern, DEADLINE, seen)
        ready, _, _ = select.select([process.stdout], [], [], left)
        if ready:
            data = os.read(process.stdout.fileno(), 65536)
            assert data, "the program ended (status %s) before %r; got %r" % (process.wait(), pattern, seen)
            pending += data
            *lines, pending = pending.split(b"\n")
            seen.extend(line.decode("utf-8", "replace") for line in lines)


def test_serves_itself_and_ends_clean():
    process = subprocess.Popen([PROGRAM], env=environment(ATOMR_VIEW_BROADWAY="1", ATOMR_VIEW_GTK_DEBUG="geometry"),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
    seen = []
    try:
        url = read_until(process, r"serving at (http://127\.0\.0\.1:(\d+)/) \(one browser at a time\)", seen)
        port = int(url.group(2))
        # Its window is on the Broadway display: the backend wrote where its text (the root) is, once painted.
        read_until(process, r"^atomr-view-gtk: geometry window / ", seen)
        daemons = daemons_on_port(port)
        assert len(daemons) == 1, "daemons on port %d: %r" % (port, daemons)
        with socket.create_connection(("127.0.0.1", port), timeout=DEADLINE):
            pass
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=DEADLINE)
        rest = process.stdout.read().decode("utf-8", "replace")
        assert status == 0, "status %d after SIGTERM; output %r, then %r" % (status, seen, rest[-4000:])
        assert not process_exists(daemons[0]), "the daemon %d is still there" % daemons[0]
        assert daemons_on_port(port) == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_port_in_use():
    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    result = subprocess.run([PROGRAM], env=environment(ATOMR_VIEW_BROADWAY="1", ATOMR_VIEW_BROADWAY_PORT=str(port)),
                            capture_output=True, text=True, timeout=DEADLINE)
    taken.close()
    assert result.returncode == 1, "status %d" % result.returncode
    name = os.path.basename(PROGRAM)
    assert result.stderr == "%s: Port %d on 127.0.0.1 is already in use by another program\n" % (name, port), \
        repr(result.stderr)


def test_bad_port_variable():
    result = subprocess.run([PROGRAM], env=environment(ATOMR_VIEW_BROADWAY="1", ATOMR_VIEW_BROADWAY_PORT="eighty"),
                            capture_output=True, text=True, timeout=DEADLINE)
    assert result.returncode == 1, "status %d" % result.returncode
    assert "ATOMR_VIEW_BROADWAY_PORT is “eighty”, not a port from 1 to 65535" in result.stderr, repr(result.stderr)


def test_not_asked():
    # Without ATOMR_VIEW_BROADWAY it is atomr_view_gtk_run_window(): here, with no display, it says so.
    result = subprocess.run([PROGRAM], env=environment(GDK_BACKEND="x11"), capture_output=True, text=True,
                            timeout=DEADLINE)
    assert result.returncode == 1, "status %d" % result.returncode
    assert result.stderr.endswith(": cannot open a display\n"), repr(result.stderr)


check("serves itself and ends clean on SIGTERM", test_serves_itself_and_ends_clean)
check("port in use", test_port_in_use)
check("a port variable that is not a port", test_bad_port_variable)
check("not asked to serve itself", test_not_asked)

print("1..%d" % len(results))
failed = False
for number, (name, outcome, detail) in enumerate(results, 1):
    if outcome == "skip":
        print("ok %d - %s # SKIP %s" % (number, name, detail))
    else:
        print("%s %d - %s" % (outcome, number, name))
        if detail:
            failed = True
            for line in detail.splitlines():
                print("# %s" % line)
sys.exit(1 if failed else 0)
