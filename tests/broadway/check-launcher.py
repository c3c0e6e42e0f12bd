#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The atomr-view-broadway launcher as a user meets it: its errors and exit
statuses, the environment it gives the program, where it listens, and that
no daemon outlives it.

    check-launcher.py LAUNCHER DATA-DIR
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

LAUNCHER = sys.argv[1]
DATA = sys.argv[2]
DEADLINE = 60.0

results = []


def check(name, function, needs_daemon=False):
    if needs_daemon and not have_daemon():
        results.append((name, "skip", "no gtk4-broadwayd: install libgtk-4-bin"))
        return
    try:
        function()
        results.append((name, "ok", None))
    except AssertionError as error:
        results.append((name, "not ok", str(error)))


def have_daemon():
    daemon = os.environ.get("ATOMR_VIEW_BROADWAYD") or "gtk4-broadwayd"
    return shutil.which(daemon) is not None


def run(argv, env=None, timeout=DEADLINE):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([LAUNCHER] + argv, env=full_env, capture_output=True, text=True, timeout=timeout)


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_gone(pid):
    deadline = time.monotonic() + DEADLINE
    while process_exists(pid):
        assert time.monotonic() < deadline, "process %d is still there after %d s" % (pid, DEADLINE)
        time.sleep(0.01)  # polling with a deadline: the process is not our child


def listening_sockets(pid):
    """Local addresses ("HEX-ADDRESS:HEX-PORT") of the TCP sockets @pid listens on."""
    inodes = set()
    fd_dir = "/proc/%d/fd" % pid
    for name in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, name))
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if len(fields) > 9 and fields[3] == "0A" and fields[9] in inodes:
                    found.append(fields[1])
    return found


class Served:
    """The launcher serving a program, its output read line by line with a deadline."""

    def __init__(self, program, env=None):
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.process = subprocess.Popen([LAUNCHER, "--"] + program, env=full_env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, bufsize=0)
        self.pending = b""
        self.lines = []
        line = self.expect(r"serving .* at (http://\S+) \(Broadway display :(\d+), daemon pid (\d+), "
                           r"program pid (\d+)\)")
        self.url, display, daemon, program_pid = line.groups()
        self.display, self.daemon, self.program = int(display), int(daemon), int(program_pid)
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def read_some(self, timeout):
        """Reads what the launcher wrote within @timeout; False at its end."""
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            return True
        data = os.read(self.process.stdout.fileno(), 65536)
        if not data:
            return False
        self.pending += data
        *complete, self.pending = self.pending.split(b"\n")
        self.lines.extend(line.decode("utf-8", "replace") for line in complete)
        return True

    def expect(self, pattern):
        deadline = time.monotonic() + DEADLINE
        while True:
            for line in self.lines:
                match = re.search(pattern, line)
                if match:
                    self.lines.remove(line)
                    return match
            left = deadline - time.monotonic()
            assert left > 0, "no line matching %r within %d s; got %r" % (pattern, DEADLINE, self.lines)
            assert self.read_some(left), "the launcher ended (status %s) before a line matching %r; got %r" % (
                self.process.wait(), pattern, self.lines)

    def wait(self):
        status = self.process.wait(timeout=DEADLINE)
        while self.read_some(0):
            pass
        return status


def test_usage():
    result = run([])
    assert result.returncode == 2, "status %d" % result.returncode
    assert "name the program to serve: atomr-view-broadway [OPTIONS] -- PROGRAM [ARGS…]" in result.stderr, \
        result.stderr


def test_port_in_use():
    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    result = run(["--port", str(port), "--", "true"])
    taken.close()
    assert result.returncode == 1, "status %d" % result.returncode
    expected = "atomr-view-broadway: Port %d on 127.0.0.1 is already in use by another program\n" % port
    assert result.stderr == expected, repr(result.stderr)


def test_daemon_missing():
    result = run(["--", "true"], env={"ATOMR_VIEW_BROADWAYD": "/nonexistent/gtk4-broadwayd"})
    assert result.returncode == 1, "status %d" % result.returncode
    assert result.stderr.startswith("atomr-view-broadway: Cannot find the Broadway daemon "
                                    "“/nonexistent/gtk4-broadwayd”"), repr(result.stderr)


def test_daemon_will_not_start():
    result = run(["--", "true"], env={"ATOMR_VIEW_BROADWAYD": os.path.join(DATA, "fake-broadwayd-exits.sh")})
    assert result.returncode == 1, "status %d" % result.returncode
    assert " exited with status 3 while starting on display :" in result.stderr, repr(result.stderr)
    assert "fake-broadwayd: cannot open the frobnicator" in result.stderr, repr(result.stderr)


def test_program_environment_and_status():
    served = Served(["sh", "-c", 'echo "env $GDK_BACKEND $BROADWAY_DISPLAY ${GSK_RENDERER-unset} '
                                 '${ATOMR_VIEW_BROADWAY_CONTROL:+control}"; exit 7'],
                    env={"GSK_RENDERER": "cairo"})
    served.expect(r"^env broadway :%d unset control$" % served.display)
    status = served.wait()
    assert status == 7, "status %d, output %r" % (status, served.lines)
    wait_gone(served.daemon)


def test_interrupt_leaves_nothing():
    served = Served(["sleep", "600"])
    # Nothing of ours listens beyond this machine: the daemon's port on 127.0.0.1, and no other.
    expected = "0100007F:%04X" % served.port
    daemon_sockets = listening_sockets(served.daemon)
    assert daemon_sockets == [expected], "the daemon listens on %r, not only %r" % (daemon_sockets, expected)
    for pid in (served.process.pid, served.program):
        assert listening_sockets(pid) == [], "process %d listens on %r" % (pid, listening_sockets(pid))
    served.process.send_signal(signal.SIGINT)
    status = served.wait()
    assert status == 128 + signal.SIGINT, "status %d, output %r" % (status, served.lines)
    wait_gone(served.program)
    wait_gone(served.daemon)


def test_restart_while_serving():
    served = Served(["sleep", "600"])
    os.kill(served.daemon, signal.SIGKILL)
    match = served.expect(r"the Broadway daemon was restarted \(pid (\d+)\); reload %s to see the windows again"
                          % re.escape(served.url))
    restarted = int(match.group(1))
    assert restarted != served.daemon and process_exists(restarted)
    assert listening_sockets(restarted) == ["0100007F:%04X" % served.port]
    served.process.send_signal(signal.SIGTERM)
    status = served.wait()
    assert status == 128 + signal.SIGTERM, "status %d, output %r" % (status, served.lines)
    wait_gone(served.program)
    wait_gone(restarted)


check("usage", test_usage)
check("port in use", test_port_in_use, needs_daemon=True)
check("daemon missing", test_daemon_missing)
check("daemon will not start", test_daemon_will_not_start)
check("program environment and status", test_program_environment_and_status, needs_daemon=True)
check("interrupt leaves nothing", test_interrupt_leaves_nothing, needs_daemon=True)
check("restart while serving", test_restart_while_serving, needs_daemon=True)

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
