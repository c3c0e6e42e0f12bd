# SPDX-License-Identifier: LGPL-2.1-or-later
"""Scene diff and apply on the js-framework-benchmark operations (1k and 10k
keyed rows), against a naive positional diff, and on trees of 1k, 10k and 100k
nodes that share all but one subtree. bench-scene reports medians itself."""


def run(ctx):
    ctx.ensure_build()
    argv = [ctx.build_dir / "tests" / "bench" / "bench-scene"]
    if ctx.quick:
        argv.append("--quick")
    return ctx.run_json(argv)
