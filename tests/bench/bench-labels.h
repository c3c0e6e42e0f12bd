/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Row labels as js-framework-benchmark makes them: "adjective colour noun". */
#pragma once

#include <glib.h>

/* A new label drawn from @rand; free it with g_free(). */
char *bench_random_label (GRand *rand);
