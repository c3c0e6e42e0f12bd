/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "test-utils.h"

static gboolean
tick_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;
  return G_SOURCE_REMOVE;
}

void
atomr_view_test_iterate (gint64 deadline_us)
{
  /* Conditions set from other threads do not wake the main context, so wait
   * for a short tick at most, never past the deadline. */
  gint64 remaining_us = deadline_us - g_get_monotonic_time ();
  guint wait_ms = (guint) CLAMP (remaining_us / 1000, 0, 2);
  gboolean fired = FALSE;
  GSource *tick = g_timeout_source_new (wait_ms);

  g_source_set_callback (tick, tick_cb, &fired, NULL);
  g_source_attach (tick, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_source_unref (tick);
}

guint
atomr_view_test_count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}
