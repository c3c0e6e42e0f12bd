/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <atomr-view.h>

G_BEGIN_DECLS

/* How long a test waits for something that should happen at once. It is a
 * deadline, not a delay: generous, because sanitizer builds on a loaded
 * two-core machine can be a hundred times slower. */
#define TEST_DEADLINE_MS 30000

/* Runs one iteration of the default main context, waiting at most until
 * @deadline_us (monotonic) or a few milliseconds, whichever comes first. */
void atomr_view_test_iterate (gint64 deadline_us);

/* A GSourceFunc that sets the gboolean at @data and removes its source. */
gboolean atomr_view_test_set_flag (gpointer data);

/* Waits for a condition with a deadline, iterating the default main context
 * meanwhile; a condition that never holds fails the test with its text. */
#define ATOMR_VIEW_TEST_WAIT_UNTIL(cond, timeout_ms)                            \
  G_STMT_START {                                                                \
    gint64 _atomr_deadline = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    while (!(cond))                                                             \
      {                                                                         \
        if (g_get_monotonic_time () > _atomr_deadline)                          \
          g_error ("%s:%d: timed out after %d ms waiting for: %s",              \
                   __FILE__, __LINE__, (int) (timeout_ms), #cond);              \
        atomr_view_test_iterate (_atomr_deadline);                              \
      }                                                                         \
  } G_STMT_END

/* Number of threads of this process, read from /proc/self/task. */
guint atomr_view_test_count_threads (void);

/* Resident memory of this process in KiB, read from /proc/self/status. */
guint64 atomr_view_test_read_rss_kib (void);

/* A timeout on the default main context every 20 ms that records the longest
 * gap between its runs: how long the main loop was kept from its sources. */
typedef struct
{
  guint  source_id;
  gint64 last;
  gint64 longest_gap;
} AtomrViewTestHeartbeat;

void atomr_view_test_heartbeat_start (AtomrViewTestHeartbeat *beat);
void atomr_view_test_heartbeat_stop  (AtomrViewTestHeartbeat *beat);

G_END_DECLS
