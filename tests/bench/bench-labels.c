/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-labels.h"

static const char * const adjectives[] = {
  "pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint",
  "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly",
  "adorable", "important", "inexpensive", "cheap", "expensive", "fancy",
};
static const char * const colours[] = {
  "red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange",
};
static const char * const nouns[] = {
  "table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
  "pizza", "mouse", "keyboard",
};

char *
bench_random_label (GRand *rand)
{
  return g_strdup_printf ("%s %s %s",
                          adjectives[g_rand_int_range (rand, 0, G_N_ELEMENTS (adjectives))],
                          colours[g_rand_int_range (rand, 0, G_N_ELEMENTS (colours))],
                          nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))]);
}
