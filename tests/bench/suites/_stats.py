# SPDX-License-Identifier: LGPL-2.1-or-later
"""Small statistics helpers shared by the suites."""


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        raise ValueError("median of nothing")
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values, p):
    """Nearest rank with rounding, as the original atomr profiler: idx = round(p/100*(n-1))."""
    ordered = sorted(values)
    return ordered[int(round(p / 100.0 * (len(ordered) - 1)))]
