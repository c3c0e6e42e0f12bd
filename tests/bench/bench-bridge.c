/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The UI bridge under load, on the GTK backend:
 *
 *  - latency from a window actor's scene update (the moment it hands the
 *    new tree to set_root) to the patch applied on the UI thread (the
 *    moment the GtkLabel it changes gets its new text), on a quiet system:
 *    one update every 20 ms; then, as a control, a plain thread waking the
 *    UI thread with g_main_context_invoke () at the same rate; then one
 *    update every 5 ms, faster than the bridge applies scenes to a window
 *    (8 ms apart);
 *  - the same, and the window's frames, while the actor floods the bridge
 *    with 100 000 updates a second;
 *  - a chat-like window: a region actor holding the newest messages of a
 *    feed that a producer actor fills at 10 000 messages a second, and the
 *    window's frames meanwhile; the region renders after the messages
 *    waiting (its default) or at most every 16 ms, and shows the newest 200
 *    or 50 messages.
 *
 * Frames are timed with GdkFrameClock: "work" from ::before-paint to
 * ::after-paint, "interval" between two ::after-paint. Prints one JSON
 * result per line, {"scenario", "system", "value", "unit", ...}; run it on
 * a display (Xvfb) with GSK_RENDERER=cairo.
 *
 *   bench-bridge [--quick] */
#include <stdio.h>
#include <string.h>

#include <atomr-view-gtk.h>

#define STATIC_ROWS      100
#define RING             (1 << 21)            /* posting times, by sequence number */
#define DEADLINE_US      (120 * G_USEC_PER_SEC)

static struct
{
  guint quiet_updates;
  guint quiet_interval_ms;
  guint paced_updates;
  guint paced_interval_ms;
  guint flood_rate;
  guint flood_ms;
  guint chat_rate;
  guint chat_warmup_ms;
  guint chat_ms;
} config = { 1000, 20, 1000, 5, 100000, 5000, 10000, 1000, 5000 };

/* -- the ticker: a window whose counter changes ------------------------------ */

/* When each update was handed over, by sequence number. The actor writes an
 * entry before posting; the UI thread reads it after the bridge applied the
 * scene, so the bridge's lock orders the two. */
static gint64 *posted_at;

#define BENCH_TYPE_TICKER (bench_ticker_get_type ())
G_DECLARE_FINAL_TYPE (BenchTicker, bench_ticker, BENCH, TICKER, AtomrViewWindowActor)

struct _BenchTicker
{
  AtomrViewWindowActor  parent_instance;
  AtomrViewNode        *rows;         /* the static part, shared by every scene */
  guint                 seq;
  /* The current run. */
  gboolean              flood;
  guint                 left;         /* quiet: updates still to make */
  guint                 rate;         /* flood: updates a second */
  gint64                started;
  gint64                until;
  guint64               sent;
};

G_DEFINE_FINAL_TYPE (BenchTicker, bench_ticker, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static AtomrViewNode *
ticker_root (BenchTicker *self)
{
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) counter = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNode) counter_node = NULL;
  char text[16];

  g_snprintf (text, sizeof text, "%u", self->seq);
  atomr_view_node_builder_set_key (counter, "counter");
  atomr_view_node_builder_set_string (counter, ATOMR_VIEW_PROP_TEXT, text);
  counter_node = atomr_view_node_builder_build (counter, NULL);
  atomr_view_node_builder_add_child (root, counter_node);
  atomr_view_node_builder_add_child (root, self->rows);
  return atomr_view_node_builder_build (root, NULL);
}

static void
ticker_update (BenchTicker *self)
{
  g_autoptr(AtomrViewNode) root = NULL;

  self->seq++;
  root = ticker_root (self);
  posted_at[self->seq % RING] = g_get_monotonic_time ();
  atomr_view_window_actor_set_root (ATOMR_VIEW_WINDOW_ACTOR (self), root);
}

static AtomrViewNode *
bench_ticker_render (AtomrViewWindowActor *actor)
{
  return ticker_root (BENCH_TICKER (actor));
}

static gboolean
bench_ticker_receive_message (AtomrViewWindowActor  *actor,
                              AtomrViewContext      *context,
                              GVariant              *message,
                              GError               **error)
{
  BenchTicker *self = BENCH_TICKER (actor);
  const char *what;
  guint32 a, b;

  if (!g_variant_is_of_type (message, G_VARIANT_TYPE ("(suu)")))
    return ATOMR_VIEW_WINDOW_ACTOR_CLASS (bench_ticker_parent_class)->receive_message (actor, context, message,
                                                                                       error);
  g_variant_get (message, "(&suu)", &what, &a, &b);
  if (g_str_equal (what, "quiet"))
    {
      /* a updates, one every b ms */
      self->flood = FALSE;
      self->left = a;
      atomr_view_context_start_periodic_timer (context, "tick", g_variant_new ("(suu)", "tick", 0, 0), b);
    }
  else if (g_str_equal (what, "flood"))
    {
      /* a updates a second for b ms, paced by a 1 ms timer */
      self->flood = TRUE;
      self->rate = a;
      self->started = g_get_monotonic_time ();
      self->until = self->started + (gint64) b * 1000;
      self->sent = 0;
      atomr_view_context_start_periodic_timer (context, "tick", g_variant_new ("(suu)", "tick", 0, 0), 1);
    }
  else if (g_str_equal (what, "tick") && !self->flood)
    {
      ticker_update (self);
      if (--self->left == 0)
        atomr_view_context_cancel_timer (context, "tick");
    }
  else if (g_str_equal (what, "tick"))
    {
      gint64 now = g_get_monotonic_time ();
      guint64 due = (guint64) (MIN (now, self->until) - self->started) * self->rate / G_USEC_PER_SEC;

      /* Catch up after a late tick, but never by more than 10 ms worth. */
      due = MIN (due, self->sent + self->rate / 100);
      for (; self->sent < due; self->sent++)
        ticker_update (self);
      if (now >= self->until)
        atomr_view_context_cancel_timer (context, "tick");
    }
  return TRUE;
}

static void
bench_ticker_finalize (GObject *object)
{
  g_clear_pointer (&BENCH_TICKER (object)->rows, atomr_view_node_unref);

  G_OBJECT_CLASS (bench_ticker_parent_class)->finalize (object);
}

static void
bench_ticker_class_init (BenchTickerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bench_ticker_finalize;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = bench_ticker_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->receive_message = bench_ticker_receive_message;
}

static void
bench_ticker_init (BenchTicker *self)
{
  g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);

  atomr_view_node_builder_set_key (list, "rows");
  for (guint i = 0; i < STATIC_ROWS; i++)
    {
      g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
      g_autoptr(AtomrViewNode) row_node = NULL;
      g_autofree char *key = g_strdup_printf ("row%u", i);
      g_autofree char *text = g_strdup_printf ("A row that does not change, number %u", i);

      atomr_view_node_builder_set_key (row, key);
      atomr_view_node_builder_set_string (row, ATOMR_VIEW_PROP_TEXT, text);
      row_node = atomr_view_node_builder_build (row, NULL);
      atomr_view_node_builder_add_child (list, row_node);
    }
  self->rows = atomr_view_node_builder_build (list, NULL);
}

/* -- the chat: a window, a feed region, a producer ---------------------------- */

static gint messages_received;   /* atomic */
static gint feed_renders;        /* atomic */
/* For the next feed; set before it is spawned. */
static guint chat_render_interval;
static guint chat_keep;              /* the newest messages it shows */

#define BENCH_TYPE_PRODUCER (bench_producer_get_type ())
G_DECLARE_FINAL_TYPE (BenchProducer, bench_producer, BENCH, PRODUCER, AtomrViewActor)

struct _BenchProducer
{
  AtomrViewActor  parent_instance;
  gint64          started;
  gint64          until;
  guint64         sent;
};

G_DEFINE_FINAL_TYPE (BenchProducer, bench_producer, ATOMR_VIEW_TYPE_ACTOR)

static const char * const authors[] = { "ada", "brian", "claude", "dennis", "edsger", "grace", "ken" };
static const char * const words[] = {
  "the", "frame", "clock", "paints", "every", "sixteen", "milliseconds", "while", "actors", "post",
  "scenes", "that", "conflate", "in", "the", "bridge",
};

static gboolean
bench_producer_pre_start (AtomrViewActor    *actor,
                          AtomrViewContext  *context,
                          GError           **error)
{
  BenchProducer *self = BENCH_PRODUCER (actor);

  self->started = g_get_monotonic_time ();
  self->until = self->started + (gint64) (config.chat_warmup_ms + config.chat_ms + 500) * 1000;
  atomr_view_context_start_periodic_timer (context, "tick", g_variant_new_string ("tick"), 1);
  return TRUE;
}

static gboolean
bench_producer_receive (AtomrViewActor    *actor,
                        AtomrViewContext  *context,
                        GVariant          *message,
                        GError           **error)
{
  BenchProducer *self = BENCH_PRODUCER (actor);
  AtomrViewActorRef *feed = atomr_view_context_get_parent (context);
  gint64 now = g_get_monotonic_time ();
  guint64 due = (guint64) (MIN (now, self->until) - self->started) * config.chat_rate / G_USEC_PER_SEC;

  due = MIN (due, self->sent + config.chat_rate / 100);
  for (; self->sent < due; self->sent++)
    {
      GString *text = g_string_new (NULL);
      guint n_words = 3 + self->sent % 9;

      for (guint i = 0; i < n_words; i++)
        g_string_append_printf (text, i ? " %s" : "%s", words[(self->sent * 7 + i * 3) % G_N_ELEMENTS (words)]);
      atomr_view_actor_ref_tell (feed, g_variant_new ("(tss)", self->sent, authors[self->sent % G_N_ELEMENTS (authors)],
                                                      text->str), NULL);
      g_string_free (text, TRUE);
    }
  if (now >= self->until)
    atomr_view_context_cancel_timer (context, "tick");
  return TRUE;
}

static void
bench_producer_class_init (BenchProducerClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = bench_producer_pre_start;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_producer_receive;
}

static void
bench_producer_init (BenchProducer *self)
{
}

#define BENCH_TYPE_FEED (bench_feed_get_type ())
G_DECLARE_FINAL_TYPE (BenchFeed, bench_feed, BENCH, FEED, AtomrViewRegionActor)

struct _BenchFeed
{
  AtomrViewRegionActor  parent_instance;
  GQueue                messages;    /* AtomrViewNode, oldest first */
};

G_DEFINE_FINAL_TYPE (BenchFeed, bench_feed, ATOMR_VIEW_TYPE_REGION_ACTOR)

static AtomrViewNode *
message_node (guint64     id,
              const char *author,
              const char *text)
{
  g_autoptr(AtomrViewNodeBuilder) row = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) who = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) what = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNode) who_node = NULL;
  g_autoptr(AtomrViewNode) what_node = NULL;
  char key[32];

  g_snprintf (key, sizeof key, "m%" G_GUINT64_FORMAT, id);
  atomr_view_node_builder_set_string (who, ATOMR_VIEW_PROP_TEXT, author);
  who_node = atomr_view_node_builder_build (who, NULL);
  atomr_view_node_builder_set_string (what, ATOMR_VIEW_PROP_TEXT, text);
  what_node = atomr_view_node_builder_build (what, NULL);
  atomr_view_node_builder_set_key (row, key);
  atomr_view_node_builder_set_string (row, ATOMR_VIEW_PROP_ORIENTATION, "horizontal");
  atomr_view_node_builder_set_int (row, ATOMR_VIEW_PROP_SPACING, 8);
  atomr_view_node_builder_add_child (row, who_node);
  atomr_view_node_builder_add_child (row, what_node);
  return atomr_view_node_builder_build (row, NULL);
}

static AtomrViewNode *
bench_feed_render (AtomrViewRegionActor *actor)
{
  BenchFeed *self = BENCH_FEED (actor);
  g_autoptr(AtomrViewNodeBuilder) list = atomr_view_node_builder_new (ATOMR_VIEW_KIND_LIST);

  g_atomic_int_inc (&feed_renders);
  atomr_view_node_builder_set_key (list, "messages");
  for (GList *l = self->messages.head; l != NULL; l = l->next)
    atomr_view_node_builder_add_child (list, l->data);
  return atomr_view_node_builder_build (list, NULL);
}

static gboolean
bench_feed_pre_start (AtomrViewActor    *actor,
                      AtomrViewContext  *context,
                      GError           **error)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (BENCH_TYPE_PRODUCER);
  g_autoptr(AtomrViewActorRef) producer = NULL;

  atomr_view_region_actor_set_render_interval (ATOMR_VIEW_REGION_ACTOR (actor), chat_render_interval);
  if (!ATOMR_VIEW_ACTOR_CLASS (bench_feed_parent_class)->pre_start (actor, context, error))
    return FALSE;
  producer = atomr_view_context_spawn (context, props, "producer", error);
  return producer != NULL;
}

static gboolean
bench_feed_receive_message (AtomrViewRegionActor  *actor,
                            AtomrViewContext      *context,
                            GVariant              *message,
                            GError               **error)
{
  BenchFeed *self = BENCH_FEED (actor);
  const char *author, *text;
  guint64 id;

  if (!g_variant_is_of_type (message, G_VARIANT_TYPE ("(tss)")))
    return ATOMR_VIEW_REGION_ACTOR_CLASS (bench_feed_parent_class)->receive_message (actor, context, message,
                                                                                     error);
  g_variant_get (message, "(t&s&s)", &id, &author, &text);
  g_atomic_int_inc (&messages_received);
  g_queue_push_tail (&self->messages, message_node (id, author, text));
  while (self->messages.length > chat_keep)
    atomr_view_node_unref (g_queue_pop_head (&self->messages));
  atomr_view_region_actor_invalidate (actor);
  return TRUE;
}

static void
bench_feed_finalize (GObject *object)
{
  g_queue_clear_full (&BENCH_FEED (object)->messages, (GDestroyNotify) atomr_view_node_unref);

  G_OBJECT_CLASS (bench_feed_parent_class)->finalize (object);
}

static void
bench_feed_class_init (BenchFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bench_feed_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = bench_feed_pre_start;
  ATOMR_VIEW_REGION_ACTOR_CLASS (klass)->render = bench_feed_render;
  ATOMR_VIEW_REGION_ACTOR_CLASS (klass)->receive_message = bench_feed_receive_message;
}

static void
bench_feed_init (BenchFeed *self)
{
  g_queue_init (&self->messages);
}

#define BENCH_TYPE_CHAT (bench_chat_get_type ())
G_DECLARE_FINAL_TYPE (BenchChat, bench_chat, BENCH, CHAT, AtomrViewWindowActor)

struct _BenchChat
{
  AtomrViewWindowActor parent_instance;
};

G_DEFINE_FINAL_TYPE (BenchChat, bench_chat, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static AtomrViewNode *
bench_chat_render (AtomrViewWindowActor *actor)
{
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) title = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) feed = atomr_view_node_builder_new (ATOMR_VIEW_KIND_REGION);
  g_autoptr(AtomrViewNode) title_node = NULL;
  g_autoptr(AtomrViewNode) feed_node = NULL;

  atomr_view_node_builder_set_key (title, "title");
  atomr_view_node_builder_set_string (title, ATOMR_VIEW_PROP_TEXT, "#benchmarks");
  title_node = atomr_view_node_builder_build (title, NULL);
  atomr_view_node_builder_set_key (feed, "feed");
  atomr_view_node_builder_set_boolean (feed, ATOMR_VIEW_PROP_VEXPAND, TRUE);
  feed_node = atomr_view_node_builder_build (feed, NULL);
  atomr_view_node_builder_add_child (root, title_node);
  atomr_view_node_builder_add_child (root, feed_node);
  return atomr_view_node_builder_build (root, NULL);
}

static gboolean
bench_chat_pre_start (AtomrViewActor    *actor,
                      AtomrViewContext  *context,
                      GError           **error)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (BENCH_TYPE_FEED);
  g_autoptr(AtomrViewActorRef) feed = NULL;

  if (!ATOMR_VIEW_ACTOR_CLASS (bench_chat_parent_class)->pre_start (actor, context, error))
    return FALSE;
  feed = atomr_view_window_actor_spawn_region (ATOMR_VIEW_WINDOW_ACTOR (actor), context, props, "feed", error);
  return feed != NULL;
}

static void
bench_chat_class_init (BenchChatClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = bench_chat_pre_start;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = bench_chat_render;
}

static void
bench_chat_init (BenchChat *self)
{
}

/* -- measuring on the UI thread --------------------------------------------- */

typedef struct
{
  GdkFrameClock *clock;
  gint64         frame_started;
  gint64         last_paint;
  gboolean       recording;
  GArray        *work_us;       /* double */
  GArray        *interval_us;   /* double */
} Frames;

static void
frames_before_paint_cb (GdkFrameClock *clock,
                        Frames        *frames)
{
  frames->frame_started = g_get_monotonic_time ();
}

static void
frames_after_paint_cb (GdkFrameClock *clock,
                       Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->recording)
    {
      double work = now - frames->frame_started;

      g_array_append_val (frames->work_us, work);
      if (frames->last_paint != 0)
        {
          double interval = now - frames->last_paint;

          g_array_append_val (frames->interval_us, interval);
        }
    }
  frames->last_paint = now;
}

static void
frames_start (Frames    *frames,
              GtkWidget *window)
{
  frames->clock = g_object_ref (gtk_widget_get_frame_clock (window));
  frames->work_us = g_array_new (FALSE, FALSE, sizeof (double));
  frames->interval_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (frames->clock, "before-paint", G_CALLBACK (frames_before_paint_cb), frames);
  g_signal_connect (frames->clock, "after-paint", G_CALLBACK (frames_after_paint_cb), frames);
}

/* Forgets what was recorded and records from now on. */
static void
frames_record (Frames *frames)
{
  frames->recording = TRUE;
  frames->last_paint = 0;
  g_array_set_size (frames->work_us, 0);
  g_array_set_size (frames->interval_us, 0);
}

static void
frames_stop (Frames *frames)
{
  g_signal_handlers_disconnect_by_data (frames->clock, frames);
  g_clear_object (&frames->clock);
  g_clear_pointer (&frames->work_us, g_array_unref);
  g_clear_pointer (&frames->interval_us, g_array_unref);
}

/* Latencies of the ticker's updates, in microseconds, as the UI thread applies them. */
static GArray *latencies;
static gboolean latencies_recording;
static guint64 last_seq;

static void
counter_changed_cb (GtkLabel   *label,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  guint64 seq = g_ascii_strtoull (gtk_label_get_text (label), NULL, 10);
  double latency;

  if (!latencies_recording || seq == 0)
    return;
  latency = g_get_monotonic_time () - posted_at[seq % RING];
  g_array_append_val (latencies, latency);
  last_seq = seq;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank with rounding, as tests/bench/suites/_stats.py. */
static double
nearest_rank (GArray *values,
              double  p)
{
  g_autoptr(GArray) sorted = NULL;

  if (values->len == 0)
    return 0;
  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  return g_array_index (sorted, double, (guint) (p / 100.0 * (sorted->len - 1) + 0.5));
}

static void
print_result (const char *scenario,
              double      value,
              const char *unit,
              const char *extra)
{
  printf ("{\"scenario\": \"%s\", \"system\": \"atomr-view\", \"value\": %.3f, \"unit\": \"%s\"%s%s}\n",
          scenario, value, unit, extra != NULL ? ", " : "", extra != NULL ? extra : "");
  fflush (stdout);
}

static void
print_spread (const char *what,
              GArray     *values,
              double      scale,
              const char *unit)
{
  static const struct { const char *name; double p; } points[] = {
    { "p50", 50 }, { "p99", 99 }, { "max", 100 },
  };
  g_autofree char *extra = g_strdup_printf ("\"samples\": %u", values->len);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *scenario = g_strdup_printf ("%s: %s", what, points[i].name);

      print_result (scenario, nearest_rank (values, points[i].p) * scale, unit, extra);
    }
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

#define RUN_UNTIL(done, what) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + DEADLINE_US; \
    guint wake_ = g_timeout_add (10, wake_cb, NULL); \
    while (!(done)) \
      { \
        if (g_get_monotonic_time () > deadline_) \
          g_error ("bench-bridge: timed out waiting for %s", what); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wake_); \
  } G_STMT_END

static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  RUN_UNTIL (g_get_monotonic_time () >= until, "time to pass");
}

/* The control: the same change without atomr-view, as GTK code would make
 * it from a worker thread: every 5 ms the thread hands the next number to
 * the UI thread with g_main_context_invoke (), which sets the counter's
 * text. Same window, same label, same frames; what is left is what the
 * machine and GTK cost anything that crosses threads at that moment. */
typedef struct
{
  GtkLabel *counter;
  guint     left;
  guint     interval_ms;
} Control;

typedef struct
{
  GtkLabel *counter;
  guint     number;
  gint64    sent;
} ControlUpdate;

static gboolean
control_arrived_cb (gpointer data)
{
  ControlUpdate *update = data;
  char text[16];
  double latency;

  g_snprintf (text, sizeof text, "%u", update->number);
  gtk_label_set_text (update->counter, text);
  latency = g_get_monotonic_time () - update->sent;
  g_array_append_val (latencies, latency);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static gpointer
control_thread (gpointer data)
{
  Control *control = data;

  for (guint i = 0; i < control->left; i++)
    {
      ControlUpdate *update = g_new (ControlUpdate, 1);

      g_usleep ((gulong) control->interval_ms * 1000);
      update->counter = control->counter;
      update->number = 1000000 + i;
      update->sent = g_get_monotonic_time ();
      g_main_context_invoke (NULL, control_arrived_cb, update);
    }
  return NULL;
}

/* Updates the ticker has been asked for so far, all quiet runs together. */
static guint64 ticker_updates;

/* The ticker makes @count updates, one every @interval_ms; prints their latencies. */
static void
run_quiet (AtomrViewActorRef *ticker,
           guint              count,
           guint              interval_ms,
           const char        *what)
{
  g_array_set_size (latencies, 0);
  latencies_recording = TRUE;
  ticker_updates += count;
  atomr_view_actor_ref_tell (ticker, g_variant_new ("(suu)", "quiet", count, interval_ms), NULL);
  RUN_UNTIL (last_seq >= ticker_updates, "the quiet updates");
  latencies_recording = FALSE;
  print_spread (what, latencies, 1.0, "us");
}

static guint64
stat_u64 (GVariant   *stats,
          const char *name)
{
  guint64 value = 0;

  g_variant_lookup (stats, name, "t", &value);
  return value;
}

static double
stat_double (GVariant   *stats,
             const char *name)
{
  double value = 0;

  g_variant_lookup (stats, name, "d", &value);
  return value;
}

static void
run_chat (AtomrViewActorSystem *system,
          AtomrViewGtkBackend  *backend,
          AtomrViewUiBridge    *bridge,
          const char           *name,
          guint                 render_interval_ms,
          guint                 keep)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (BENCH_TYPE_CHAT);
  g_autoptr(AtomrViewActorRef) chat = NULL;
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *scenario = NULL;
  Frames frames = { 0 };
  gint received, renders;
  double seconds;
  gint64 started;
  char extra[256];

  chat_render_interval = render_interval_ms;
  chat_keep = keep;
  chat = atomr_view_actor_system_spawn (system, props, name, &error);
  g_assert_no_error (error);
  RUN_UNTIL (atomr_view_gtk_backend_get_window (backend, name) != NULL &&
             gtk_widget_get_mapped (GTK_WIDGET (atomr_view_gtk_backend_get_window (backend, name))),
             "the chat's window");
  frames_start (&frames, GTK_WIDGET (atomr_view_gtk_backend_get_window (backend, name)));
  run_for (config.chat_warmup_ms);

  before = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));
  received = g_atomic_int_get (&messages_received);
  renders = g_atomic_int_get (&feed_renders);
  frames_record (&frames);
  started = g_get_monotonic_time ();
  run_for (config.chat_ms);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  frames.recording = FALSE;
  after = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));

  if (render_interval_ms == 0)
    what = g_strdup_printf ("chat, 10 000 messages/s, newest %u shown", keep);
  else
    what = g_strdup_printf ("chat, 10 000 messages/s, newest %u shown, region renders every %u ms", keep,
                            render_interval_ms);
  scenario = g_strdup_printf ("%s, frame work", what);
  print_spread (scenario, frames.work_us, 1e-3, "ms");
  g_free (scenario);
  scenario = g_strdup_printf ("%s, frame interval", what);
  print_spread (scenario, frames.interval_us, 1e-3, "ms");
  g_free (scenario);
  scenario = g_strdup_printf ("%s: messages received per second", what);
  g_snprintf (extra, sizeof extra, "\"target\": %u", config.chat_rate);
  print_result (scenario, (g_atomic_int_get (&messages_received) - received) / seconds, "1/s", extra);
  g_free (scenario);
  scenario = g_strdup_printf ("%s: region renders per second", what);
  print_result (scenario, (g_atomic_int_get (&feed_renders) - renders) / seconds, "1/s", NULL);
  g_free (scenario);
  scenario = g_strdup_printf ("%s: scenes applied per second", what);
  print_result (scenario, (stat_u64 (after, "scenes-applied") - stat_u64 (before, "scenes-applied")) / seconds,
                "1/s", NULL);
  g_free (scenario);
  scenario = g_strdup_printf ("%s: frames per second", what);
  print_result (scenario, frames.work_us->len / seconds, "1/s", NULL);

  frames_stop (&frames);
  atomr_view_actor_ref_stop (chat);
  RUN_UNTIL (atomr_view_gtk_backend_get_window (backend, name) == NULL, "the chat's window to close");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtomrViewActorSystem) system = NULL;
  g_autoptr(AtomrViewGtkBackend) backend = NULL;
  g_autoptr(AtomrViewUiBridge) bridge = NULL;
  g_autoptr(AtomrViewProps) ticker_props = NULL;
  g_autoptr(AtomrViewActorRef) ticker = NULL;
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *counter_path[] = { "counter", NULL };
  Frames frames = { 0 };
  GtkWidget *counter;
  char extra[256];
  gint64 started;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--quick") == 0)
        {
          config.quiet_updates = 100;
          config.paced_updates = 100;
          config.flood_ms = 1000;
          config.chat_warmup_ms = 300;
          config.chat_ms = 1000;
        }
      else
        {
          fprintf (stderr, "usage: %s [--quick]\n", argv[0]);
          return 2;
        }
    }

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-bridge: cannot open a display\n");
      return 1;
    }
  posted_at = g_new0 (gint64, RING);
  latencies = g_array_new (FALSE, FALSE, sizeof (double));

  system = atomr_view_actor_system_new ("bench-bridge", &error);
  g_assert_no_error (error);
  backend = atomr_view_gtk_backend_new ();
  bridge = atomr_view_ui_bridge_new (system, ATOMR_VIEW_BACKEND (backend));

  /* The ticker: quiet, then flooded. */
  ticker_props = atomr_view_props_new (BENCH_TYPE_TICKER);
  ticker = atomr_view_actor_system_spawn (system, ticker_props, "ticker", &error);
  g_assert_no_error (error);
  RUN_UNTIL ((counter = atomr_view_gtk_backend_get_widget (backend, "ticker", counter_path)) != NULL &&
             gtk_widget_get_mapped (counter), "the ticker's window");
  g_signal_connect (counter, "notify::label", G_CALLBACK (counter_changed_cb), NULL);
  frames_start (&frames, GTK_WIDGET (gtk_widget_get_root (counter)));
  run_for (300);

  /* One update every 20 ms, below the frame rate: the bridge applies each
   * as it comes. Then the bridge's own figure, and the control. */
  run_quiet (ticker, config.quiet_updates, config.quiet_interval_ms, "update to applied, quiet");
  before = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));
  g_snprintf (extra, sizeof extra, "\"note\": \"the bridge's own figure, post to render done, last %u\"",
              MIN (config.quiet_updates, 4096));
  print_result ("bridge apply latency, quiet: p50", stat_double (before, "apply-latency-p50-us"), "us", extra);
  print_result ("bridge apply latency, quiet: p99", stat_double (before, "apply-latency-p99-us"), "us", extra);
  {
    Control control = { GTK_LABEL (counter), config.quiet_updates, config.quiet_interval_ms };
    GThread *thread;

    g_array_set_size (latencies, 0);
    thread = g_thread_new ("control", control_thread, &control);
    RUN_UNTIL (latencies->len >= config.quiet_updates, "the control's wake-ups");
    g_thread_join (thread);
    print_spread ("control: a thread sets the label through g_main_context_invoke, quiet", latencies, 1.0, "us");
  }
  /* One every 5 ms, faster than frames: the bridge spaces what it applies
   * to a window 8 ms apart, and the newest scene waits for its turn. */
  run_quiet (ticker, config.paced_updates, config.paced_interval_ms, "update to applied, one every 5 ms");

  run_for (200);
  g_array_set_size (latencies, 0);
  latencies_recording = TRUE;
  frames_record (&frames);
  g_clear_pointer (&before, g_variant_unref);
  before = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));
  started = g_get_monotonic_time ();
  atomr_view_actor_ref_tell (ticker, g_variant_new ("(suu)", "flood", config.flood_rate, config.flood_ms), NULL);
  run_for (config.flood_ms);
  after = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));
  latencies_recording = FALSE;
  frames.recording = FALSE;
  {
    double seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
    guint64 posted = stat_u64 (after, "scenes-posted") - stat_u64 (before, "scenes-posted");
    guint64 applied = stat_u64 (after, "scenes-applied") - stat_u64 (before, "scenes-applied");
    guint64 conflated = stat_u64 (after, "scenes-conflated") - stat_u64 (before, "scenes-conflated");

    print_spread ("update to applied, flooded", latencies, 1.0, "us");
    g_snprintf (extra, sizeof extra, "\"target\": %u", config.flood_rate);
    print_result ("flood: updates posted per second", posted / seconds, "1/s", extra);
    print_result ("flood: scenes applied per second", applied / seconds, "1/s", NULL);
    g_snprintf (extra, sizeof extra, "\"note\": \"of %" G_GUINT64_FORMAT " posted\"", posted);
    print_result ("flood: scenes conflated", (double) conflated, "scenes", extra);
  }
  /* Frames recorded while flooding. */
  {
    g_autoptr(GArray) work = g_array_copy (frames.work_us);
    g_autoptr(GArray) interval = g_array_copy (frames.interval_us);

    print_spread ("frames while flooded, work", work, 1e-3, "ms");
    print_spread ("frames while flooded, interval", interval, 1e-3, "ms");
  }
  frames_stop (&frames);
  atomr_view_actor_ref_stop (ticker);
  RUN_UNTIL (atomr_view_gtk_backend_get_window (backend, "ticker") == NULL, "the ticker's window to close");

  /* The chat: a region fed at 10 000 messages a second, rendering after the
   * messages waiting (the default), then at most every 16 ms; showing the
   * newest 200 messages, then the newest 50. */
  run_chat (system, backend, bridge, "chat", 0, 200);
  run_chat (system, backend, bridge, "chat-16ms", 16, 200);
  run_chat (system, backend, bridge, "chat-16ms-50", 16, 50);

  g_clear_object (&ticker);
  if (!atomr_view_actor_system_shutdown (system, &error))
    g_error ("bench-bridge: %s", error->message);
  g_array_unref (latencies);
  g_free (posted_at);
  return 0;
}
