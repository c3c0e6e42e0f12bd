/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A chat-like window whose feed is a region fed by an actor that produces
 * messages at a high rate (10 000 a second by default; `--rate N` changes it).
 * The feed region renders after each batch of messages; the bridge shows only
 * the newest scene each frame, and the window's status line says how many
 * scenes were conflated on the way. */
#include <stdlib.h>

#include <atomr-view-gtk.h>

#include "example-nodes.h"

#define FEED_LINES 24
#define PRODUCER_TICK_MS 10

static guint messages_per_second = 10000;

/* -- the producer: a plain actor that talks a lot --------------------------------- */

#define CHAT_TYPE_PRODUCER (chat_producer_get_type ())
G_DECLARE_FINAL_TYPE (ChatProducer, chat_producer, CHAT, PRODUCER, AtomrViewActor)

struct _ChatProducer
{
  AtomrViewActor parent_instance;
  guint64        sent;
};

G_DEFINE_FINAL_TYPE (ChatProducer, chat_producer, ATOMR_VIEW_TYPE_ACTOR)

static const char * const authors[] = { "ada", "grace", "edsger", "barbara", "ken" };
static const char * const words[] = { "ship", "it", "the", "build", "is", "green", "again", "who", "broke", "main", "lunch?" };

static gboolean
chat_producer_pre_start (AtomrViewActor    *actor,
                         AtomrViewContext  *context,
                         GError           **error)
{
  atomr_view_context_start_periodic_timer (context, "tick", g_variant_new_string ("tick"), PRODUCER_TICK_MS);
  return TRUE;
}

/* Each tick sends a tick's worth of messages to the feed, its parent. */
static gboolean
chat_producer_receive (AtomrViewActor    *actor,
                       AtomrViewContext  *context,
                       GVariant          *message,
                       GError           **error)
{
  ChatProducer *self = CHAT_PRODUCER (actor);
  AtomrViewActorRef *feed = atomr_view_context_get_parent (context);
  guint batch = MAX (1, messages_per_second * PRODUCER_TICK_MS / 1000);

  for (guint i = 0; i < batch; i++, self->sent++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s %s (#%" G_GUINT64_FORMAT ")",
                                               words[self->sent % G_N_ELEMENTS (words)],
                                               words[(self->sent / 3) % G_N_ELEMENTS (words)],
                                               words[(self->sent / 7) % G_N_ELEMENTS (words)], self->sent);

      atomr_view_actor_ref_tell (feed, g_variant_new ("(sss)", "chat", authors[self->sent % G_N_ELEMENTS (authors)], text),
                                 NULL);
    }
  return TRUE;
}

static void
chat_producer_class_init (ChatProducerClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = chat_producer_pre_start;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = chat_producer_receive;
}

static void
chat_producer_init (ChatProducer *self)
{
}

/* -- the feed: a region that keeps the newest lines ------------------------------ */

#define CHAT_TYPE_FEED (chat_feed_get_type ())
G_DECLARE_FINAL_TYPE (ChatFeed, chat_feed, CHAT, FEED, AtomrViewRegionActor)

struct _ChatFeed
{
  AtomrViewRegionActor parent_instance;
  char                *lines[FEED_LINES];   /* a ring of the newest lines */
  guint64              received;
  guint64              renders;
};

G_DEFINE_FINAL_TYPE (ChatFeed, chat_feed, ATOMR_VIEW_TYPE_REGION_ACTOR)

static gboolean
chat_feed_pre_start (AtomrViewActor    *actor,
                     AtomrViewContext  *context,
                     GError           **error)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (CHAT_TYPE_PRODUCER);
  g_autoptr(AtomrViewActorRef) producer = NULL;

  if (!ATOMR_VIEW_ACTOR_CLASS (chat_feed_parent_class)->pre_start (actor, context, error))
    return FALSE;
  producer = atomr_view_context_spawn (context, props, "producer", error);
  return producer != NULL;
}

static AtomrViewNode *
chat_feed_render (AtomrViewRegionActor *actor)
{
  ChatFeed *self = CHAT_FEED (actor);
  g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT " messages received, %" G_GUINT64_FORMAT " feed scenes rendered",
                                            self->received, ++self->renders);
  GPtrArray *column = example_children ();
  guint64 first = self->received > FEED_LINES ? self->received - FEED_LINES : 0;

  g_ptr_array_add (column, example_node (ATOMR_VIEW_KIND_TEXT, "count", ATOMR_VIEW_PROP_TEXT, g_variant_new_string (count),
                                         ATOMR_VIEW_PROP_HALIGN, g_variant_new_string ("start"),
                                         ATOMR_VIEW_PROP_CSS_CLASSES, example_classes ("dim-label", NULL), NULL));
  /* One keyed row per message: a new message is an insert and the oldest a remove. */
  for (guint64 n = first; n < self->received; n++)
    {
      g_autofree char *key = g_strdup_printf ("m%" G_GUINT64_FORMAT, n);

      g_ptr_array_add (column, example_node (ATOMR_VIEW_KIND_TEXT, key,
                                             ATOMR_VIEW_PROP_TEXT, g_variant_new_string (self->lines[n % FEED_LINES]),
                                             ATOMR_VIEW_PROP_HALIGN, g_variant_new_string ("start"), NULL));
    }
  return example_box (NULL, "vertical", 2, column);
}

static gboolean
chat_feed_receive_message (AtomrViewRegionActor  *actor,
                           AtomrViewContext      *context,
                           GVariant              *message,
                           GError               **error)
{
  ChatFeed *self = CHAT_FEED (actor);
  const char *author, *text;

  if (!g_variant_is_of_type (message, G_VARIANT_TYPE ("(sss)")))
    return ATOMR_VIEW_REGION_ACTOR_CLASS (chat_feed_parent_class)->receive_message (actor, context, message, error);
  g_variant_get (message, "(s&s&s)", NULL, &author, &text);
  g_free (self->lines[self->received % FEED_LINES]);
  self->lines[self->received % FEED_LINES] = g_strdup_printf ("%s: %s", author, text);
  self->received++;
  atomr_view_region_actor_invalidate (actor);
  return TRUE;
}

static void
chat_feed_finalize (GObject *object)
{
  ChatFeed *self = CHAT_FEED (object);

  for (guint i = 0; i < FEED_LINES; i++)
    g_free (self->lines[i]);
  G_OBJECT_CLASS (chat_feed_parent_class)->finalize (object);
}

static void
chat_feed_class_init (ChatFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chat_feed_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = chat_feed_pre_start;
  ATOMR_VIEW_REGION_ACTOR_CLASS (klass)->render = chat_feed_render;
  ATOMR_VIEW_REGION_ACTOR_CLASS (klass)->receive_message = chat_feed_receive_message;
}

static void
chat_feed_init (ChatFeed *self)
{
}

/* -- the window: the feed, a status line and a box to write in ------------------- */

#define CHAT_TYPE_WINDOW (chat_window_get_type ())
G_DECLARE_FINAL_TYPE (ChatWindow, chat_window, CHAT, WINDOW, AtomrViewWindowActor)

struct _ChatWindow
{
  AtomrViewWindowActor parent_instance;
  AtomrViewActorRef   *feed;
  char                *draft;
  char                *status;
};

G_DEFINE_FINAL_TYPE (ChatWindow, chat_window, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static gboolean
chat_window_pre_start (AtomrViewActor    *actor,
                       AtomrViewContext  *context,
                       GError           **error)
{
  ChatWindow *self = CHAT_WINDOW (actor);
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (CHAT_TYPE_FEED);

  if (!ATOMR_VIEW_ACTOR_CLASS (chat_window_parent_class)->pre_start (actor, context, error))
    return FALSE;
  self->feed = atomr_view_window_actor_spawn_region (ATOMR_VIEW_WINDOW_ACTOR (self), context, props, "feed", error);
  if (self->feed == NULL)
    return FALSE;
  atomr_view_context_start_periodic_timer (context, "status", g_variant_new_string ("status"), 250);
  return TRUE;
}

static AtomrViewNode *
chat_window_render (AtomrViewWindowActor *actor)
{
  ChatWindow *self = CHAT_WINDOW (actor);
  GPtrArray *column = example_children ();
  GPtrArray *compose = example_children ();

  g_ptr_array_add (column, example_node (ATOMR_VIEW_KIND_TEXT, "status", ATOMR_VIEW_PROP_TEXT, g_variant_new_string (self->status),
                                         ATOMR_VIEW_PROP_HALIGN, g_variant_new_string ("start"), NULL));
  g_ptr_array_add (column, example_node (ATOMR_VIEW_KIND_REGION, "feed",
                                         ATOMR_VIEW_PROP_VEXPAND, g_variant_new_boolean (TRUE),
                                         ATOMR_VIEW_PROP_MIN_SIZE, g_variant_new ("(dd)", 560.0, 480.0), NULL));
  g_ptr_array_add (compose, example_node (ATOMR_VIEW_KIND_TEXT_INPUT, "message",
                                          ATOMR_VIEW_PROP_TEXT, g_variant_new_string (self->draft),
                                          ATOMR_VIEW_PROP_PLACEHOLDER, g_variant_new_string ("Say something"),
                                          ATOMR_VIEW_PROP_HEXPAND, g_variant_new_boolean (TRUE), NULL));
  g_ptr_array_add (compose, example_node (ATOMR_VIEW_KIND_BUTTON, "send", ATOMR_VIEW_PROP_LABEL, g_variant_new_string ("Send"), NULL));
  g_ptr_array_add (column, example_box ("compose", "horizontal", 6, compose));
  return example_with_margins (example_box (NULL, "vertical", 8, column), 12);
}

static gboolean
chat_window_handle_event (AtomrViewWindowActor  *actor,
                          AtomrViewContext      *context,
                          AtomrViewEvent        *event,
                          GError               **error)
{
  ChatWindow *self = CHAT_WINDOW (actor);
  const char *key = atomr_view_event_get_key (event);
  const char *signal = atomr_view_event_get_signal (event);

  if (g_strcmp0 (key, "message") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_CHANGED))
    {
      g_free (self->draft);
      self->draft = g_variant_dup_string (atomr_view_event_get_value (event), NULL);
      return TRUE;
    }
  if ((g_strcmp0 (key, "message") == 0 && g_str_equal (signal, ATOMR_VIEW_SIGNAL_ACTIVATE)) ||
      g_strcmp0 (key, "send") == 0)
    {
      if (self->draft[0] != '\0')
        atomr_view_actor_ref_tell (self->feed, g_variant_new ("(sss)", "chat", "you", self->draft), NULL);
      g_free (self->draft);
      self->draft = g_strdup ("");
      atomr_view_window_actor_invalidate (actor);
      return TRUE;
    }
  return ATOMR_VIEW_WINDOW_ACTOR_CLASS (chat_window_parent_class)->handle_event (actor, context, event, error);
}

/* The status timer: what the bridge did with the feed's scenes. */
static gboolean
chat_window_receive_message (AtomrViewWindowActor  *actor,
                             AtomrViewContext      *context,
                             GVariant              *message,
                             GError               **error)
{
  ChatWindow *self = CHAT_WINDOW (actor);
  g_autoptr(AtomrViewUiBridge) bridge = NULL;
  g_autoptr(GVariant) stats = NULL;
  guint64 posted = 0, applied = 0, conflated = 0;

  if (!g_variant_is_of_type (message, G_VARIANT_TYPE_STRING))
    return ATOMR_VIEW_WINDOW_ACTOR_CLASS (chat_window_parent_class)->receive_message (actor, context, message, error);
  bridge = atomr_view_ui_bridge_dup_for_system (atomr_view_context_get_system (context));
  if (bridge == NULL)
    return TRUE;
  stats = atomr_view_ui_bridge_dup_stats (bridge);
  g_variant_lookup (stats, "scenes-posted", "t", &posted);
  g_variant_lookup (stats, "scenes-applied", "t", &applied);
  g_variant_lookup (stats, "scenes-conflated", "t", &conflated);
  g_free (self->status);
  self->status = g_strdup_printf ("Feed at %u messages/s · %" G_GUINT64_FORMAT " scenes posted, %" G_GUINT64_FORMAT
                                  " shown, %" G_GUINT64_FORMAT " skipped as stale by the bridge",
                                  messages_per_second, posted, applied, conflated);
  atomr_view_window_actor_invalidate (actor);
  return TRUE;
}

static void
chat_window_finalize (GObject *object)
{
  ChatWindow *self = CHAT_WINDOW (object);

  g_clear_object (&self->feed);
  g_free (self->draft);
  g_free (self->status);
  G_OBJECT_CLASS (chat_window_parent_class)->finalize (object);
}

static void
chat_window_class_init (ChatWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chat_window_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = chat_window_pre_start;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = chat_window_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->handle_event = chat_window_handle_event;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->receive_message = chat_window_receive_message;
}

static void
chat_window_init (ChatWindow *self)
{
  self->draft = g_strdup ("");
  self->status = g_strdup ("Starting the feed…");
  atomr_view_window_actor_set_title (ATOMR_VIEW_WINDOW_ACTOR (self), "Chat");
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--rate"))
      messages_per_second = (guint) CLAMP (strtoul (argv[i + 1], NULL, 10), 1, 1000000);
  return atomr_view_gtk_run_window (CHAT_TYPE_WINDOW, argc, argv);
}
