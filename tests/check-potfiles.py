#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks that po/POTFILES.in is sorted and lists exactly the sources with _() messages."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = [line.strip() for line in (root / "po" / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")]
marker = re.compile(r"\b(N_|_)\(\s*\"")
found = sorted(
    str(path.relative_to(root))
    for folder in ("atomr-view", "atomr-view-gtk", "atomr-view-broadway", "tools")
    if (root / folder).is_dir()
    for path in (root / folder).rglob("*.c")
    if marker.search(path.read_text(encoding="utf-8"))
)

checks = [
    ("POTFILES.in is sorted", listed == sorted(listed), listed),
    ("every file with translatable messages is listed",
     not set(found) - set(listed), sorted(set(found) - set(listed))),
    ("every listed file exists and has translatable messages",
     not set(listed) - set(found), sorted(set(listed) - set(found))),
]
print("1..%d" % len(checks))
failed = False
for number, (name, ok, detail) in enumerate(checks, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
    if not ok:
        failed = True
        print("# %s" % detail)
sys.exit(1 if failed else 0)
