/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <atomr-view.h>

G_BEGIN_DECLS

/* A C actor for the benchmarks. Messages:
 *   x          counted; when the sender waits for a reply (an ask), echoed back
 *   "count"    replies the count so far (x)
 * The Python benchmark loads it from the bench-counter module with ctypes. */
#define BENCH_TYPE_COUNTER (bench_counter_get_type ())
G_DECLARE_FINAL_TYPE (BenchCounter, bench_counter, BENCH, COUNTER, AtomrViewActor)

G_END_DECLS
