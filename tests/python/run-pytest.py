#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Runs pytest on the given test files and reports TAP for meson.

    run-pytest.py TEST-FILE...

Without PyGObject or pytest the run is one TAP skip that says which is
missing; a typelib missing from the build tree is a failure, not a skip.
"""
import os
import sys

try:
    import gi
    import pytest
except ImportError as error:
    print("1..0 # SKIP %s is not installed for %s (Debian: python3-gi python3-pytest)"
          % (error.name, sys.executable))
    sys.exit(0)

try:
    gi.require_version("AtomrView", "1.0")
except ValueError as error:
    print("Bail out! The AtomrView typelib is not on GI_TYPELIB_PATH (%s): %s"
          % (os.environ.get("GI_TYPELIB_PATH", "unset"), error))
    sys.exit(1)

os.environ["ATOMR_VIEW_TAP"] = "1"
here = os.path.dirname(os.path.abspath(__file__))
sys.exit(pytest.main(["-p", "no:terminal", "-p", "no:cacheprovider", "--rootdir", here,
                      "-c", os.path.join(here, "pytest.ini"), *sys.argv[1:]]))
