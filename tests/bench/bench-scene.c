/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The scene diff and apply on the js-framework-benchmark operations, with a
 * naive positional diff as the baseline. Prints one JSON object per line:
 *   {"scenario": ..., "system": ..., "value": ..., "unit": ...}
 * Times are medians over the repetitions, in microseconds.
 *
 *   bench-scene [--quick] [--reps N] */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <atomr-view.h>

#include "bench-labels.h"

static guint reps = 31;
static GRand *labels_rand;
static guint next_id = 1;

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
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
              const char *system,
              double      value,
              const char *unit,
              const char *extra)
{
  g_autoptr(GString) line = g_string_new ("{\"scenario\": \"");

  g_string_append_printf (line, "%s\", \"system\": \"%s\", \"value\": ", scenario, system);
  if (value == (double) (gint64) value && strcmp (unit, "us") != 0)
    g_string_append_printf (line, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_string_append_printf (line, "%.3f", value);
  g_string_append_printf (line, ", \"unit\": \"%s\"", unit);
  if (extra != NULL)
    g_string_append_printf (line, ", %s", extra);
  g_string_append (line, "}");
  puts (line->str);
  fflush (stdout);
}

/* -- rows as js-framework-benchmark has them ----------------------------- */

static AtomrViewNode *
make_row (guint       id,
          const char *label,
          gboolean    selected)
{
  g_autoptr(AtomrViewNodeBuilder) cell = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
  g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new ("row");
  g_autoptr(AtomrViewNode) cell_node = NULL;
  g_autoptr(AtomrViewNode) button_node = NULL;
  g_autofree char *key = g_strdup_printf ("r%u", id);

  atomr_view_node_builder_set_string (cell, ATOMR_VIEW_PROP_TEXT, label);
  cell_node = atomr_view_node_builder_build (cell, NULL);
  atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_ICON_NAME, "edit-delete-symbolic");
  button_node = atomr_view_node_builder_build (button, NULL);
  atomr_view_node_builder_set_key (row, key);
  atomr_view_node_builder_set_int (row, "id", (gint32) id);
  if (selected)
    atomr_view_node_builder_set_boolean (row, "selected", TRUE);
  atomr_view_node_builder_add_child (row, cell_node);
  atomr_view_node_builder_add_child (row, button_node);
  return atomr_view_node_builder_build (row, NULL);
}

static GPtrArray *
build_rows (guint n)
{
  GPtrArray *rows = g_ptr_array_new_full (n, (GDestroyNotify) atomr_view_node_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = bench_random_label (labels_rand);

      g_ptr_array_add (rows, make_row (next_id++, label, FALSE));
    }
  return rows;
}

static GPtrArray *
copy_rows (GPtrArray *rows)
{
  GPtrArray *copy = g_ptr_array_new_full (rows->len, (GDestroyNotify) atomr_view_node_unref);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (copy, atomr_view_node_ref (g_ptr_array_index (rows, i)));
  return copy;
}

static AtomrViewScene *
make_table (GPtrArray *rows)
{
  g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) list_node = NULL;
  g_autoptr(AtomrViewNode) root_node = NULL;

  atomr_view_node_builder_set_key (list, "rows");
  for (guint i = 0; i < rows->len; i++)
    atomr_view_node_builder_add_child (list, g_ptr_array_index (rows, i));
  list_node = atomr_view_node_builder_build (list, NULL);
  atomr_view_node_builder_add_child (root, list_node);
  root_node = atomr_view_node_builder_build (root, NULL);
  g_assert (root_node != NULL);
  return atomr_view_scene_new (root_node);
}

/* -- the baseline: positional, no keys, no shortcut for shared subtrees -- */

static void
add_patch (GPtrArray      *patches,
           AtomrViewPatch *patch)
{
  g_ptr_array_add (patches, patch);
}

static void
positional_node (GPtrArray     *patches,
                 GArray        *path,
                 AtomrViewNode *a,
                 AtomrViewNode *b)
{
  const guint *p = (const guint *) path->data;
  guint n_a;
  guint n_b;

  if (strcmp (atomr_view_node_get_kind (a), atomr_view_node_get_kind (b)) != 0 ||
      g_strcmp0 (atomr_view_node_get_key (a), atomr_view_node_get_key (b)) != 0)
    {
      add_patch (patches, atomr_view_patch_new_replace (p, path->len, b));
      return;
    }
  for (guint i = 0; i < atomr_view_node_get_n_props (b); i++)
    {
      const char *name = atomr_view_node_get_prop_name (b, i);
      GVariant *old_value = atomr_view_node_get_prop (a, name);
      GVariant *new_value = atomr_view_node_get_prop_value (b, i);

      if (old_value == NULL || !g_variant_equal (old_value, new_value))
        add_patch (patches, atomr_view_patch_new_set_prop (p, path->len, name, new_value));
    }
  for (guint i = 0; i < atomr_view_node_get_n_props (a); i++)
    if (atomr_view_node_get_prop (b, atomr_view_node_get_prop_name (a, i)) == NULL)
      add_patch (patches, atomr_view_patch_new_unset_prop (p, path->len, atomr_view_node_get_prop_name (a, i)));

  n_a = atomr_view_node_get_n_children (a);
  n_b = atomr_view_node_get_n_children (b);
  for (guint i = 0; i < MIN (n_a, n_b); i++)
    {
      g_array_append_val (path, i);
      positional_node (patches, path, atomr_view_node_get_child (a, i), atomr_view_node_get_child (b, i));
      g_array_set_size (path, path->len - 1);
    }
  for (guint i = n_a; i < n_b; i++)
    {
      g_array_append_val (path, i);
      add_patch (patches, atomr_view_patch_new_insert ((const guint *) path->data, path->len,
                                                       atomr_view_node_get_child (b, i)));
      g_array_set_size (path, path->len - 1);
    }
  for (guint i = n_a; i-- > n_b;)
    {
      g_array_append_val (path, i);
      add_patch (patches, atomr_view_patch_new_remove ((const guint *) path->data, path->len));
      g_array_set_size (path, path->len - 1);
    }
}

static GPtrArray *
positional_diff (AtomrViewScene *old_scene,
                 AtomrViewScene *new_scene)
{
  GPtrArray *patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  positional_node (patches, path, atomr_view_scene_get_root (old_scene),
                   atomr_view_scene_get_root (new_scene));
  return patches;
}

/* -- measuring ------------------------------------------------------------ */

typedef GPtrArray *(*DiffFunc) (AtomrViewScene *old_scene, AtomrViewScene *new_scene);

/* Times @diff from @old_scene to @new_scene and apply of its patches, and
 * prints the medians and the patch count. A positional diff of keyed rows
 * that shift gives two siblings the same key on the way (it replaces row 2
 * by row 999 while row 999 is still there); apply refuses such a list, so
 * then only the diff is timed, and the note says why. */
static void
measure (const char     *scenario,
         const char     *system,
         DiffFunc        diff,
         AtomrViewScene *old_scene,
         AtomrViewScene *new_scene,
         gint            minimal)
{
  g_autofree double *diff_us = g_new (double, reps);
  g_autofree double *apply_us = g_new (double, reps);
  g_autofree char *diff_name = g_strdup_printf ("%s: diff", scenario);
  g_autofree char *apply_name = g_strdup_printf ("%s: apply", scenario);
  g_autofree char *count_name = g_strdup_printf ("%s: patches", scenario);
  g_autofree char *extra = g_strdup_printf ("\"reps\": %u", reps);
  g_autoptr(GString) count_extra = g_string_new (NULL);
  gboolean applies = TRUE;
  guint n_patches = 0;

  for (guint rep = 0; rep < reps; rep++)
    {
      g_autoptr(GPtrArray) patches = NULL;
      g_autoptr(AtomrViewScene) result = NULL;
      g_autoptr(GError) error = NULL;
      double start = now_us ();

      patches = diff (old_scene, new_scene);
      diff_us[rep] = now_us () - start;
      n_patches = patches->len;
      if (!applies)
        continue;
      start = now_us ();
      result = atomr_view_scene_apply (old_scene, patches, &error);
      apply_us[rep] = now_us () - start;
      if (g_error_matches (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_DUPLICATE_KEY) &&
          strcmp (system, "atomr-view") != 0)
        applies = FALSE;
      else if (result == NULL || !atomr_view_scene_equal (result, new_scene))
        g_error ("%s, %s: apply(diff) does not give the new scene: %s", scenario, system,
                 error != NULL ? error->message : "a different tree");
    }
  print_result (diff_name, system, median (diff_us, reps), "us", extra);
  if (applies)
    print_result (apply_name, system, median (apply_us, reps), "us", extra);
  if (minimal >= 0)
    g_string_append_printf (count_extra, "\"minimal\": %d, ", minimal);
  g_string_append_printf (count_extra, "\"applies\": %s, \"note\": \"minimal %d%s\"",
                          applies ? "true" : "false", minimal,
                          applies ? "" : "; apply refuses it: a key twice among siblings on the way");
  print_result (count_name, system, n_patches, "patches", count_extra->str);
}

static void
measure_both (const char     *scenario,
              AtomrViewScene *old_scene,
              AtomrViewScene *new_scene,
              gint            minimal)
{
  measure (scenario, "atomr-view", atomr_view_scene_diff, old_scene, new_scene, minimal);
  measure (scenario, "positional-baseline", positional_diff, old_scene, new_scene, minimal);
}

static const char *
size_name (guint n)
{
  return n >= 1000 && n % 1000 == 0 ? (n == 1000 ? "1k" : n == 10000 ? "10k" : "?") : "?";
}

/* The nine operations on @n rows; 07 (10 000 rows) only with the 1k series,
 * where it differs from 01. The minimal counts: every new row needs an
 * insert or a replace and every gone row a remove or a replace, so at least
 * max(new, gone) patches; rows out of order need moves, at least the number
 * of rows outside a longest run that keeps its order (two for a swap of
 * non-neighbours); each changed prop needs a set-prop. */
static void
run_operations (guint n)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = build_rows (n);
  g_autoptr(AtomrViewScene) empty = make_table (none);
  g_autoptr(AtomrViewScene) table = make_table (rows);
  const char *size = size_name (n);
  char scenario[128];

  g_snprintf (scenario, sizeof scenario, "01 create rows (%s)", size);
  measure_both (scenario, empty, table, (gint) n);

  {
    g_autoptr(GPtrArray) other_rows = build_rows (n);
    g_autoptr(AtomrViewScene) replaced = make_table (other_rows);

    g_snprintf (scenario, sizeof scenario, "02 replace all rows (%s)", size);
    measure_both (scenario, table, replaced, (gint) n);
  }

  {
    g_autoptr(GPtrArray) updated_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) updated = NULL;

    for (guint i = 0; i < n; i += 10)
      {
        AtomrViewNode *row = g_ptr_array_index (updated_rows, i);
        AtomrViewNode *cell = atomr_view_node_get_child (row, 0);
        g_autofree char *label = g_strdup_printf ("%s !!!",
                                                  g_variant_get_string (atomr_view_node_get_prop (cell, "text"), NULL));

        g_ptr_array_index (updated_rows, i) =
          make_row ((guint) g_variant_get_int32 (atomr_view_node_get_prop (row, "id")), label, FALSE);
        atomr_view_node_unref (row);
      }
    updated = make_table (updated_rows);
    g_snprintf (scenario, sizeof scenario, "03 update every 10th row (%s)", size);
    measure_both (scenario, table, updated, (gint) (n / 10));
  }

  {
    g_autoptr(GPtrArray) selected_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) selected = NULL;
    AtomrViewNode *row = g_ptr_array_index (selected_rows, n / 2);
    AtomrViewNode *cell = atomr_view_node_get_child (row, 0);

    g_ptr_array_index (selected_rows, n / 2) =
      make_row ((guint) g_variant_get_int32 (atomr_view_node_get_prop (row, "id")),
                g_variant_get_string (atomr_view_node_get_prop (cell, "text"), NULL), TRUE);
    atomr_view_node_unref (row);
    selected = make_table (selected_rows);
    g_snprintf (scenario, sizeof scenario, "04 select row (%s)", size);
    measure_both (scenario, table, selected, 1);
  }

  {
    g_autoptr(GPtrArray) swapped_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) swapped = NULL;
    gpointer row = g_ptr_array_index (swapped_rows, 1);

    g_ptr_array_index (swapped_rows, 1) = g_ptr_array_index (swapped_rows, n - 2);
    g_ptr_array_index (swapped_rows, n - 2) = row;
    swapped = make_table (swapped_rows);
    g_snprintf (scenario, sizeof scenario, "05 swap rows (%s)", size);
    measure_both (scenario, table, swapped, 2);
  }

  {
    g_autoptr(GPtrArray) fewer_rows = copy_rows (rows);
    g_autoptr(AtomrViewScene) fewer = NULL;

    g_ptr_array_remove_index (fewer_rows, n / 3);
    fewer = make_table (fewer_rows);
    g_snprintf (scenario, sizeof scenario, "06 remove row (%s)", size);
    measure_both (scenario, table, fewer, 1);
  }

  if (n == 1000)
    {
      g_autoptr(GPtrArray) many_rows = build_rows (10000);
      g_autoptr(AtomrViewScene) many = make_table (many_rows);

      measure_both ("07 create 10k rows", empty, many, 10000);
    }

  {
    g_autoptr(GPtrArray) more_rows = copy_rows (rows);
    g_autoptr(GPtrArray) extra_rows = build_rows (1000);
    g_autoptr(AtomrViewScene) more = NULL;

    for (guint i = 0; i < extra_rows->len; i++)
      g_ptr_array_add (more_rows, atomr_view_node_ref (g_ptr_array_index (extra_rows, i)));
    more = make_table (more_rows);
    g_snprintf (scenario, sizeof scenario, "08 append 1k rows (%s)", size);
    measure_both (scenario, table, more, 1000);
  }

  g_snprintf (scenario, sizeof scenario, "09 clear rows (%s)", size);
  measure_both (scenario, table, empty, (gint) n);
}

/* -- two trees that share all but one subtree ----------------------------- */

static AtomrViewNode *
balanced_tree (guint  depth,
               guint  fanout,
               guint *counter)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("box");
  g_autofree char *key = g_strdup_printf ("n%u", (*counter)++);

  atomr_view_node_builder_set_key (builder, key);
  atomr_view_node_builder_set_int (builder, "value", 0);
  if (depth > 1)
    for (guint i = 0; i < fanout; i++)
      {
        g_autoptr(AtomrViewNode) child = balanced_tree (depth - 1, fanout, counter);

        atomr_view_node_builder_add_child (builder, child);
      }
  return atomr_view_node_builder_build (builder, NULL);
}

/* @node with the last leaf on its rightmost path changed; every other
 * subtree is shared. */
static AtomrViewNode *
change_one_leaf (AtomrViewNode *node)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new_from_node (node);
  guint n = atomr_view_node_get_n_children (node);

  if (n == 0)
    atomr_view_node_builder_set_int (builder, "value", 1);
  else
    {
      atomr_view_node_builder_clear_children (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AtomrViewNode) child = i == n / 2
                                           ? change_one_leaf (atomr_view_node_get_child (node, i))
                                           : atomr_view_node_ref (atomr_view_node_get_child (node, i));

          atomr_view_node_builder_add_child (builder, child);
        }
    }
  return atomr_view_node_builder_build (builder, NULL);
}

static void
run_shared_trees (void)
{
  static const struct
  {
    const char *name;
    guint       depth;
  } sizes[] = {
    { "1k nodes", 4 },
    { "10k nodes", 5 },
    { "100k nodes", 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      guint counter = 0;
      g_autoptr(AtomrViewNode) old_root = balanced_tree (sizes[i].depth, 10, &counter);
      g_autoptr(AtomrViewNode) new_root = change_one_leaf (old_root);
      g_autoptr(AtomrViewScene) old_scene = atomr_view_scene_new (old_root);
      g_autoptr(AtomrViewScene) new_scene = atomr_view_scene_new (new_root);
      char scenario[128];

      g_snprintf (scenario, sizeof scenario, "shared all but one subtree (%s, depth %u)",
                  sizes[i].name, atomr_view_scene_get_depth (old_scene));
      measure_both (scenario, old_scene, new_scene, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--quick") == 0)
        quick = TRUE;
      else if (strcmp (argv[i], "--reps") == 0 && i + 1 < argc)
        {
          /* Not inside MAX (): it would read the argument twice. */
          int n = atoi (argv[++i]);

          reps = (guint) MAX (1, n);
        }
      else
        {
          fprintf (stderr, "usage: %s [--quick] [--reps N]\n", argv[0]);
          return 2;
        }
    }
  if (quick)
    reps = 3;

  labels_rand = g_rand_new_with_seed (42);
  run_operations (1000);
  run_operations (10000);
  run_shared_trees ();
  g_rand_free (labels_rand);
  return 0;
}
