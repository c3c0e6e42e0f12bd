/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The C side of the Python benchmark (suites/python.py): the same work as
 * bench-python.py does from Python, so the two can be compared in one run.
 * Prints one JSON object per line:
 *   {"scenario": ..., "system": "C", "value": ..., "unit": ...}
 *
 *   bench-python-c [--quick] */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <atomr-view.h>

#include "bench-counter.h"

static double
now_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_result (const char *scenario,
              double      value,
              const char *unit,
              guint       n)
{
  printf ("{\"scenario\": \"%s\", \"system\": \"C\", \"value\": %.3f, \"unit\": \"%s\", \"n\": %u}\n",
          scenario, value, unit, n);
  fflush (stdout);
}

static gint64
ask_count (AtomrViewActorRef *counter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = atomr_view_actor_ref_ask_sync (counter, g_variant_new_string ("count"), 10000, NULL,
                                                              &error);

  g_assert_no_error (error);
  return g_variant_get_int64 (reply);
}

/* Tells from this thread, then waits until the actor has counted them all. */
static double
tell_rate (AtomrViewActorRef *counter,
           guint              n)
{
  gint64 target = ask_count (counter) + n;
  double start = now_s ();

  for (guint i = 0; i < n; i++)
    atomr_view_actor_ref_tell (counter, g_variant_new_int64 (i), NULL);
  while (ask_count (counter) < target)
    ;
  return n / (now_s () - start);
}

/* Sequential asks; the median round trip in microseconds. */
static double
ask_round_trip_us (AtomrViewActorRef *counter,
                   guint              n)
{
  g_autofree double *times = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) reply = NULL;
      double start = now_s ();

      reply = atomr_view_actor_ref_ask_sync (counter, g_variant_new_int64 (i), 10000, NULL, &error);
      times[i] = (now_s () - start) * 1e6;
      g_assert_no_error (error);
      g_assert_cmpint (g_variant_get_int64 (reply), ==, i);
    }
  return median (times, n);
}

/* The rows bench-python.py builds: a list of rows, each a keyed "row" with
 * an id, a text and a button. */
static AtomrViewNode *
build_rows (guint n)
{
  g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) list_node = NULL;

  atomr_view_node_builder_set_key (list, "rows");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtomrViewNodeBuilder) text = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
      g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
      g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new ("row");
      g_autoptr(AtomrViewNode) text_node = NULL;
      g_autoptr(AtomrViewNode) button_node = NULL;
      g_autoptr(AtomrViewNode) row_node = NULL;
      g_autofree char *key = g_strdup_printf ("r%u", i);
      g_autofree char *label = g_strdup_printf ("row number %u", i);

      atomr_view_node_builder_set_string (text, ATOMR_VIEW_PROP_TEXT, label);
      text_node = atomr_view_node_builder_build (text, NULL);
      atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_ICON_NAME, "edit-delete-symbolic");
      button_node = atomr_view_node_builder_build (button, NULL);
      atomr_view_node_builder_set_key (row, key);
      atomr_view_node_builder_set_prop (row, "id", g_variant_new_int64 (i));
      atomr_view_node_builder_add_child (row, text_node);
      atomr_view_node_builder_add_child (row, button_node);
      row_node = atomr_view_node_builder_build (row, NULL);
      atomr_view_node_builder_add_child (list, row_node);
    }
  list_node = atomr_view_node_builder_build (list, NULL);
  atomr_view_node_builder_set_prop (root, ATOMR_VIEW_PROP_ORIENTATION, g_variant_new_string ("vertical"));
  atomr_view_node_builder_add_child (root, list_node);
  return atomr_view_node_builder_build (root, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtomrViewActorSystem) system = NULL;
  g_autoptr(AtomrViewProps) props = NULL;
  g_autoptr(AtomrViewActorRef) counter = NULL;
  g_autoptr(GError) error = NULL;
  guint n_tell = 200000, n_ask = 5000, n_rows = 1000, reps = 21;
  g_autofree double *build_ms = NULL;

  if (argc == 2 && strcmp (argv[1], "--quick") == 0)
    {
      n_tell = 2000;
      n_ask = 100;
      reps = 3;
    }
  else if (argc != 1)
    {
      fprintf (stderr, "usage: %s [--quick]\n", argv[0]);
      return 2;
    }

  system = atomr_view_actor_system_new ("bench", &error);
  g_assert_no_error (error);
  props = atomr_view_props_new (BENCH_TYPE_COUNTER);
  counter = atomr_view_actor_system_spawn (system, props, "counter", &error);
  g_assert_no_error (error);

  /* Warm up the threads and the allocator first. */
  tell_rate (counter, n_tell / 10);
  print_result ("tell to a C actor", tell_rate (counter, n_tell), "msg/s", n_tell);
  ask_round_trip_us (counter, n_ask / 10);
  print_result ("ask round trip", ask_round_trip_us (counter, n_ask), "us", n_ask);

  build_ms = g_new (double, reps);
  for (guint rep = 0; rep < reps; rep++)
    {
      double start = now_s ();
      g_autoptr(AtomrViewNode) root = build_rows (n_rows);

      build_ms[rep] = (now_s () - start) * 1e3;
      g_assert_cmpuint (atomr_view_node_get_n_children (atomr_view_node_get_child (root, 0)), ==, n_rows);
    }
  print_result ("build 1000 rows", median (build_ms, reps), "ms", reps);

  g_assert_true (atomr_view_actor_system_shutdown (system, &error));
  return 0;
}
