/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "test-utils.h"

static gboolean
tick_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
atomr_view_test_set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
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
  /* Below everything under test: on a slow (sanitised) build the tick is due
   * at every turn, and at default priority it would starve idle sources such
   * as the UI bridge's. */
  g_source_set_priority (tick, G_PRIORITY_LOW);
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

guint64
atomr_view_test_read_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  AtomrViewTestHeartbeat *beat = user_data;
  gint64 now = g_get_monotonic_time ();

  if (beat->last != 0)
    beat->longest_gap = MAX (beat->longest_gap, now - beat->last);
  beat->last = now;
  return G_SOURCE_CONTINUE;
}

void
atomr_view_test_heartbeat_start (AtomrViewTestHeartbeat *beat)
{
  beat->last = 0;
  beat->longest_gap = 0;
  /* At the priority of input events, which is what responsiveness means; every
   * 20 ms, so that even a sanitised turn of the loop leaves idle sources room. */
  beat->source_id = g_timeout_add (20, heartbeat_cb, beat);
}

void
atomr_view_test_heartbeat_stop (AtomrViewTestHeartbeat *beat)
{
  g_clear_handle_id (&beat->source_id, g_source_remove);
}
