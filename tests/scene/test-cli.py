#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests the atomr-view-scene tool as its users run it. TAP output.

    test-cli.py PATH-TO-atomr-view-scene
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

TOOL = sys.argv[1]
DATA = pathlib.Path(__file__).resolve().parent / "data"
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")

tests = []


def test(function):
    tests.append(function)
    return function


def run(*arguments, stdin=None):
    return subprocess.run([TOOL, *map(str, arguments)], input=stdin, capture_output=True,
                          text=True, env=ENV, timeout=30)


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


@test
def help_lists_every_command():
    result = run("--help")
    expect(result.returncode == 0, "exit status %d" % result.returncode)
    for synopsis in ("validate FILE", "diff OLD NEW", "apply TREE PATCHES"):
        expect(synopsis in result.stdout, "no %r in %r" % (synopsis, result.stdout))
    expect(result.stderr == "", "stderr: %r" % result.stderr)


@test
def usage_errors_exit_2():
    for arguments, message in ((("frobnicate",), "unknown command “frobnicate”"),
                               (("validate",), "usage: atomr-view-scene validate FILE"),
                               (("diff", DATA / "old.json"), "usage: atomr-view-scene diff OLD NEW"),
                               (("--verbose", "validate", DATA / "old.json"), "unknown option “--verbose”"),
                               ((), "Usage:")):
        result = run(*arguments)
        expect(result.returncode == 2, "%r: exit status %d" % (arguments, result.returncode))
        expect(message in result.stderr, "%r: no %r in %r" % (arguments, message, result.stderr))
        expect(result.stdout == "", "%r: stdout %r" % (arguments, result.stdout))


@test
def validate_a_good_scene():
    result = run("validate", DATA / "old.json")
    expect(result.returncode == 0, "exit status %d: %s" % (result.returncode, result.stderr))
    expect(result.stdout == "%s: a valid scene of 6 nodes, 3 levels deep\n" % (DATA / "old.json"),
           "stdout %r" % result.stdout)


@test
def validate_names_the_place_of_an_error():
    result = run("validate", DATA / "bad-label.json")
    expect(result.returncode == 1, "exit status %d" % result.returncode)
    expect(result.stderr == "atomr-view-scene: %s: children[3].props.label: expected a string\n"
           % (DATA / "bad-label.json"), "stderr %r" % result.stderr)
    expect(result.stdout == "", "stdout %r" % result.stdout)


@test
def validate_a_missing_file():
    result = run("validate", DATA / "no-such-file.json")
    expect(result.returncode == 1, "exit status %d" % result.returncode)
    expect("no-such-file.json" in result.stderr, "stderr %r" % result.stderr)


@test
def validate_reads_standard_input():
    result = run("validate", "-", stdin='{"kind": "text", "props": {"text": "hi"}}')
    expect(result.returncode == 0, "exit status %d: %s" % (result.returncode, result.stderr))
    expect(result.stdout == "-: a valid scene of 1 node, 1 level deep\n", "stdout %r" % result.stdout)
    result = run("validate", "-", stdin='{"kind": "text",')
    expect(result.returncode == 1, "exit status %d" % result.returncode)
    expect(result.stderr.startswith("atomr-view-scene: -: not valid JSON: "), "stderr %r" % result.stderr)


@test
def diff_then_apply_gives_the_new_scene():
    diff = run("diff", DATA / "old.json", DATA / "new.json")
    expect(diff.returncode == 0, "diff: exit status %d: %s" % (diff.returncode, diff.stderr))
    patches = json.loads(diff.stdout)
    expect([p["op"] for p in patches] == ["set-prop", "move", "insert", "set-prop"],
           "patches %r" % patches)
    expect(patches[1] == {"op": "move", "path": [1, 2], "to": 0}, "move %r" % patches[1])
    with tempfile.NamedTemporaryFile("w", suffix=".json") as patch_file:
        patch_file.write(diff.stdout)
        patch_file.flush()
        applied = run("apply", DATA / "old.json", patch_file.name)
    expect(applied.returncode == 0, "apply: exit status %d: %s" % (applied.returncode, applied.stderr))
    expect(json.loads(applied.stdout) == json.loads((DATA / "new.json").read_text()),
           "apply printed %s" % applied.stdout)


@test
def diff_of_a_scene_with_itself_is_empty():
    result = run("--compact", "diff", DATA / "new.json", DATA / "new.json")
    expect(result.returncode == 0, "exit status %d" % result.returncode)
    expect(result.stdout == "[]\n", "stdout %r" % result.stdout)


@test
def apply_refuses_patches_that_do_not_fit():
    result = run("apply", DATA / "old.json", "-", stdin='[{"op": "remove", "path": [5]}]')
    expect(result.returncode == 1, "exit status %d" % result.returncode)
    expect(result.stderr == "atomr-view-scene: -: patches[0]: the node at [] has 2 children; "
           "there is no child 5\n", "stderr %r" % result.stderr)
    expect(result.stdout == "", "stdout %r" % result.stdout)


@test
def apply_refuses_a_bad_patch_list():
    result = run("apply", DATA / "old.json", "-", stdin='[{"op": "remove"}]')
    expect(result.returncode == 1, "exit status %d" % result.returncode)
    expect("patches[0]: missing member “path”" in result.stderr, "stderr %r" % result.stderr)


print("1..%d" % len(tests))
failed = 0
for number, function in enumerate(tests, 1):
    try:
        function()
        print("ok %d - %s" % (number, function.__name__))
    except AssertionError as error:
        failed += 1
        print("not ok %d - %s" % (number, function.__name__))
        for line in str(error).splitlines():
            print("# %s" % line)
sys.exit(1 if failed else 0)
