/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <stdatomic.h>

#include "atomr-view-actor-error.h"
#include "atomr-view-actor-ref.h"
#include "atomr-view-actor-system.h"
#include "atomr-view-dispatcher-private.h"
#include "atomr-view-event.h"
#include "atomr-view-init-private.h"
#include "atomr-view-lock-private.h"
#include "atomr-view-patch.h"
#include "atomr-view-ui-bridge.h"
#include "atomr-view-ui-error.h"

/**
 * AtomrViewUiBridge:
 *
 * Joins the actor threads and the UI thread.
 *
 * Window actors post to the bridge from their own threads; the bridge applies
 * on the UI thread, through its [iface@AtomrView.Backend]:
 *
 * - **scenes conflate per window**: a scene posted while the previous one is
 *   still waiting replaces it, so a slow UI thread only ever shows the newest
 *   scene, never a backlog. The UI thread hands the backend the scene and the
 *   one the window shows ([method@AtomrView.Backend.render_scene]), and the
 *   backend patches its widgets by their diff. A scene that
 *   follows another by less than 8 ms (half a 60 Hz frame) waits out the
 *   rest of that time, so that a flood is shown at about frame rate rather
 *   than once per turn of the main loop. A window actor on the `ui`
 *   dispatcher posts from the UI thread itself: its scene is applied as
 *   soon as that run of actors ends, in the same turn of the main loop.
 * - **window lifecycle is never dropped**: opening and closing go through a
 *   bounded queue that is applied in order; a window actor opens once and
 *   closes once, so the bound is never reached in practice, and opening fails
 *   with an error rather than dropping anything if it is.
 * - **redraw requests dedupe** per window.
 * - **input and lifecycle events from the UI are never dropped**: they go to
 *   the window's actor as messages; when its mailbox is full they wait in a
 *   bounded queue of the bridge and are sent again on the next turn.
 * - **frame ticks conflate**: a window actor that asks for them gets the
 *   newest one, one at a time.
 * - **a scene shown before is freed where it was made**: once the frame that
 *   replaced it is painted, the thread of the window actor that posted it
 *   frees it when it has nothing else to do, so the UI thread does not
 *   spend that time and the actor's next allocations do not wait on memory
 *   freed by another thread. At most 16 scenes wait for that at once; more
 *   are freed on the UI thread, as are those a window actor on the `ui`
 *   dispatcher posted.
 *
 * Nothing on the UI thread waits on an actor. [method@AtomrView.UiBridge.dup_stats]
 * reports the bridge's figures.
 *
 * When the backend loses its display ([signal@AtomrView.Backend::display-lost],
 * a Broadway daemon that died for example), the bridge closes its windows on
 * the backend and keeps taking scenes, newest first as always; windows opened
 * meanwhile wait. When the display is back
 * ([signal@AtomrView.Backend::display-restored]) it opens every window again
 * and shows its newest scene: the actors notice nothing and lose nothing.
 *
 * Thread safety: any thread, except [ctor@AtomrView.UiBridge.new],
 * [method@AtomrView.UiBridge.flush], [method@AtomrView.UiBridge.reopen_windows]
 * and [method@AtomrView.UiBridge.run], which belong to the UI thread (the one
 * that runs the default main context).
 *
 * Since: 0.1
 */

#define LIFECYCLE_CAPACITY   4096
#define PARKED_CAPACITY      1024
#define LATENCY_SAMPLES      4096
#define RETIRED_CAPACITY     8
/* Scenes waiting to be freed on the threads that posted them, in all. */
#define SCENES_AWAY_MAX      16
/* Half a 60 Hz frame: under a flood a window is given a new scene at most this often. */
#define APPLY_SPACING_US     8000

typedef enum
{
  COMMAND_OPEN,
  COMMAND_CLOSE,
} CommandKind;

typedef struct
{
  CommandKind  kind;
  char        *window_id;
  char        *title;
} LifecycleCommand;

typedef struct
{
  char              *id;
  AtomrViewActorRef *owner;

  /* Under the bridge's lock. */
  char              *title;
  gboolean           title_dirty;
  AtomrViewScene    *pending;          /* newest posted, not shown yet */
  gint64             pending_posted_at;
  AtomrViewScene    *latest;           /* newest posted, shown or not */
  GMainContext      *home;             /* a reference: the actor thread that posts its scenes, or NULL */
  gboolean           redraw;
  gboolean           closing;
  gboolean           wants_frames;
  gboolean           frame_in_flight;
  gint64             frame_pending;    /* 0 when none */

  /* The UI thread. */
  AtomrViewScene    *shown;
  gint64             shown_at;         /* when a scene was last applied, monotonic µs */
  gboolean           open_on_backend;
  gboolean           lost;             /* to open again when the display is back */
  GQueue             parked;           /* GVariant event messages */
} BridgeWindow;

typedef struct
{
  GSource            source;
  AtomrViewUiBridge *bridge;           /* not a reference: the bridge owns the source */
} DrainSource;

/* A scene no window shows any more, until it is let go after the next frame. */
typedef struct
{
  AtomrViewScene *scene;
  GMainContext   *home;                /* a reference: where to free it, or NULL for the UI thread */
} RetiredScene;

struct _AtomrViewUiBridge
{
  GObject               parent_instance;
  AtomrViewActorSystem *system;
  AtomrViewBackend     *backend;
  gulong                event_handler;
  gulong                display_lost_handler;
  gulong                display_restored_handler;
  gboolean              display_lost;  /* the UI thread */
  GSource              *drain_source;
  GArray               *retired;       /* RetiredScene; the UI thread */
  guint                 release_source;
  _Atomic int           dirty;

  AtomrViewLock         lock;
  GHashTable           *windows;       /* id -> BridgeWindow */
  GQueue                lifecycle;     /* LifecycleCommand */
  guint                 opened_ever;

  /* Figures, under the lock. */
  guint64               scenes_posted;
  guint64               scenes_applied;
  guint64               scenes_conflated;
  guint64               render_errors;
  guint64               lifecycle_applied;
  guint64               redraws_requested;
  guint64               redraws_deduped;
  guint64               events_delivered;
  guint64               events_lost;
  guint64               frames_conflated;
  guint64               display_losses;
  guint64               windows_reopened;
  gint64                latencies[LATENCY_SAMPLES];
  guint                 n_latencies;
  guint                 next_latency;
  gint64                last_apply_us;
};

G_DEFINE_FINAL_TYPE (AtomrViewUiBridge, atomr_view_ui_bridge, G_TYPE_OBJECT)

/* system -> bridge, so that window actors find theirs. */
static AtomrViewLock registry_lock = { PTHREAD_MUTEX_INITIALIZER };
static GHashTable *registry;

static _Atomic guint scenes_away;

static gboolean
freed_at_home_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* glibc sorts the blocks a thread's arena took back at that thread's next
 * allocation of a kilobyte or more. After a scene of a thousand rows was
 * freed, that was the actor's next list node: 16 to 21 µs inside a select,
 * against 1 µs once sorted. An allocation of that size, thrown away, sorts
 * them while the thread is idle. */
static void
sort_freed_blocks (void)
{
#ifdef __GLIBC__
  gpointer volatile block = g_malloc (2048);

  g_free (block);
#endif
}

/* The scene's home thread, when it has nothing else to do (or whoever
 * finalizes the context, if the thread is gone). */
static void
free_at_home (gpointer data)
{
  atomr_view_scene_unref (data);
  sort_freed_blocks ();
  atomic_fetch_sub (&scenes_away, 1);
}

/* The UI thread: frees @retired here, or has its home thread free it. */
static void
let_go (RetiredScene *retired)
{
  if (retired->home != NULL && atomic_fetch_add (&scenes_away, 1) < SCENES_AWAY_MAX)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_LOW);
      g_source_set_static_name (source, "[atomr-view] scene shown before");
      g_source_set_callback (source, freed_at_home_cb, g_steal_pointer (&retired->scene), free_at_home);
      g_source_attach (source, retired->home);
      g_source_unref (source);
    }
  else
    {
      if (retired->home != NULL)
        atomic_fetch_sub (&scenes_away, 1);
      g_clear_pointer (&retired->scene, atomr_view_scene_unref);
    }
  g_clear_pointer (&retired->home, g_main_context_unref);
}

static void deliver_event (AtomrViewUiBridge *self, BridgeWindow *window, AtomrViewEvent *event);

static void
lifecycle_command_free (LifecycleCommand *command)
{
  g_free (command->window_id);
  g_free (command->title);
  g_free (command);
}

static void
bridge_window_free (BridgeWindow *window)
{
  g_free (window->id);
  g_clear_object (&window->owner);
  g_free (window->title);
  g_clear_pointer (&window->pending, atomr_view_scene_unref);
  g_clear_pointer (&window->latest, atomr_view_scene_unref);
  g_clear_pointer (&window->shown, atomr_view_scene_unref);
  g_clear_pointer (&window->home, g_main_context_unref);
  g_queue_clear_full (&window->parked, (GDestroyNotify) g_variant_unref);
  g_free (window);
}

static void flush (AtomrViewUiBridge *self,
                   gboolean           paced);

static void
flush_after_batch (gpointer data)
{
  AtomrViewUiBridge *self = data;

  if (self->drain_source != NULL && atomic_load (&self->dirty) != 0)
    flush (self, TRUE);
  g_object_unref (self);
}

/* Any thread: make sure the UI thread drains soon; only the first caller
 * after a drain wakes it. An actor on the UI thread (the `ui` dispatcher)
 * has it drained as soon as its run ends, not one main-loop turn later. */
static void
mark_dirty (AtomrViewUiBridge *self)
{
  GMainContext *context;

  if (atomic_exchange (&self->dirty, 1) != 0)
    return;
  context = g_source_get_context (self->drain_source);
  /* The job runs on this thread once the run ends: nothing can drop the
   * bridge before the reference it holds is taken, right after. */
  if (g_main_context_is_owner (context) && atomr_view_dispatcher_run_after_batch (flush_after_batch, self))
    {
      g_object_ref (self);
      return;
    }
  atomr_view_dispatcher_wake_ui (context);
}

static gboolean
drain_prepare (GSource *source,
               int     *timeout)
{
  *timeout = -1;
  return atomic_load (&((DrainSource *) source)->bridge->dirty) != 0;
}

static gboolean
drain_check (GSource *source)
{
  return atomic_load (&((DrainSource *) source)->bridge->dirty) != 0;
}

static gboolean
drain_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  g_source_set_ready_time (source, -1);
  atomr_view_dispatcher_let_wakers_sleep ();
  flush (((DrainSource *) source)->bridge, TRUE);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs drain_funcs = {
  .prepare = drain_prepare,
  .check = drain_check,
  .dispatch = drain_dispatch,
};

static void
on_backend_event (AtomrViewBackend  *backend,
                  AtomrViewEvent    *event,
                  AtomrViewUiBridge *self)
{
  BridgeWindow *window;
  gboolean deliver = TRUE;

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, atomr_view_event_get_window_id (event));
  if (window != NULL && g_str_equal (atomr_view_event_get_signal (event), ATOMR_VIEW_SIGNAL_FRAME))
    {
      /* Frame ticks conflate: one in flight, the newest waiting. */
      if (!window->wants_frames)
        deliver = FALSE;
      else if (window->frame_in_flight)
        {
          GVariant *value = atomr_view_event_get_value (event);

          if (window->frame_pending != 0)
            self->frames_conflated++;
          window->frame_pending = value ? g_variant_get_int64 (value) : g_get_monotonic_time ();
          deliver = FALSE;
        }
      else
        window->frame_in_flight = TRUE;
    }
  atomr_view_unlock (&self->lock);

  if (window != NULL && deliver)
    deliver_event (self, window, event);
}

/* UI thread: every window leaves the backend, and waits for the display to come back. */
static void
on_backend_display_lost (AtomrViewBackend  *backend,
                         AtomrViewUiBridge *self)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  self->display_lost = TRUE;
  atomr_view_lock (&self->lock);
  self->display_losses++;
  g_hash_table_iter_init (&iter, self->windows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (windows, value);
  atomr_view_unlock (&self->lock);

  for (guint i = 0; i < windows->len; i++)
    {
      BridgeWindow *window = g_ptr_array_index (windows, i);

      if (!window->open_on_backend)
        continue;
      atomr_view_backend_close_window (self->backend, window->id);
      window->open_on_backend = FALSE;
      window->lost = TRUE;
      g_clear_pointer (&window->shown, atomr_view_scene_unref);
    }
}

static void
on_backend_display_restored (AtomrViewBackend  *backend,
                             AtomrViewUiBridge *self)
{
  self->display_lost = FALSE;
  atomr_view_ui_bridge_reopen_windows (self);
}

static void
atomr_view_ui_bridge_dispose (GObject *object)
{
  AtomrViewUiBridge *self = ATOMR_VIEW_UI_BRIDGE (object);

  if (self->drain_source != NULL)
    {
      g_source_destroy (self->drain_source);
      g_clear_pointer (&self->drain_source, g_source_unref);
    }
  g_clear_handle_id (&self->release_source, g_source_remove);
  g_array_set_size (self->retired, 0);
  if (self->backend != NULL)
    {
      g_clear_signal_handler (&self->event_handler, self->backend);
      g_clear_signal_handler (&self->display_lost_handler, self->backend);
      g_clear_signal_handler (&self->display_restored_handler, self->backend);
    }

  atomr_view_lock (&registry_lock);
  if (registry != NULL && self->system != NULL && g_hash_table_lookup (registry, self->system) == self)
    g_hash_table_remove (registry, self->system);
  atomr_view_unlock (&registry_lock);

  G_OBJECT_CLASS (atomr_view_ui_bridge_parent_class)->dispose (object);
}

static void
atomr_view_ui_bridge_finalize (GObject *object)
{
  AtomrViewUiBridge *self = ATOMR_VIEW_UI_BRIDGE (object);

  g_hash_table_unref (self->windows);
  g_array_unref (self->retired);
  g_queue_clear_full (&self->lifecycle, (GDestroyNotify) lifecycle_command_free);
  atomr_view_lock_clear (&self->lock);
  g_clear_object (&self->backend);
  g_clear_object (&self->system);

  G_OBJECT_CLASS (atomr_view_ui_bridge_parent_class)->finalize (object);
}

static void
atomr_view_ui_bridge_class_init (AtomrViewUiBridgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atomr_view_ui_bridge_dispose;
  object_class->finalize = atomr_view_ui_bridge_finalize;
}

static void
atomr_view_ui_bridge_init (AtomrViewUiBridge *self)
{
  atomr_view_lock_init (&self->lock);
  self->windows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) bridge_window_free);
  self->retired = g_array_new (FALSE, FALSE, sizeof (RetiredScene));
  g_array_set_clear_func (self->retired, (GDestroyNotify) let_go);
  g_queue_init (&self->lifecycle);
}

/**
 * atomr_view_ui_bridge_new:
 * @system: the actor system whose window actors use the bridge
 * @backend: the backend that shows the windows
 *
 * Makes the bridge of @system. Call it on the UI thread: the thread that runs
 * the default main context, where the backend lives. Window actors of
 * @system find it with [func@AtomrView.UiBridge.dup_for_system].
 *
 * Returns: (transfer full): a new bridge
 *
 * Since: 0.1
 */
AtomrViewUiBridge *
atomr_view_ui_bridge_new (AtomrViewActorSystem *system,
                          AtomrViewBackend     *backend)
{
  AtomrViewUiBridge *self;
  DrainSource *source;

  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (system), NULL);
  g_return_val_if_fail (ATOMR_VIEW_IS_BACKEND (backend), NULL);

  self = g_object_new (ATOMR_VIEW_TYPE_UI_BRIDGE, NULL);
  self->system = g_object_ref (system);
  self->backend = g_object_ref (backend);
  self->event_handler = g_signal_connect (backend, "event", G_CALLBACK (on_backend_event), self);
  self->display_lost_handler = g_signal_connect (backend, "display-lost", G_CALLBACK (on_backend_display_lost), self);
  self->display_restored_handler = g_signal_connect (backend, "display-restored",
                                                     G_CALLBACK (on_backend_display_restored), self);

  source = (DrainSource *) g_source_new (&drain_funcs, sizeof (DrainSource));
  source->bridge = self;
  self->drain_source = (GSource *) source;
  g_source_set_static_name (self->drain_source, "[atomr-view] UI bridge");
  /* Below input and painting: a flood of scenes never stalls a frame. */
  g_source_set_priority (self->drain_source, G_PRIORITY_DEFAULT_IDLE);
  g_source_attach (self->drain_source, g_main_context_default ());

  atomr_view_lock (&registry_lock);
  if (registry == NULL)
    registry = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (registry, system, self);
  atomr_view_unlock (&registry_lock);

  return self;
}

/**
 * atomr_view_ui_bridge_dup_for_system:
 * @system: an actor system
 *
 * Finds the bridge made for @system.
 *
 * Returns: (transfer full) (nullable): the bridge, or %NULL when there is none
 *
 * Since: 0.1
 */
AtomrViewUiBridge *
atomr_view_ui_bridge_dup_for_system (AtomrViewActorSystem *system)
{
  AtomrViewUiBridge *self = NULL;

  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (system), NULL);

  atomr_view_lock (&registry_lock);
  if (registry != NULL)
    self = g_hash_table_lookup (registry, system);
  if (self != NULL)
    g_object_ref (self);
  atomr_view_unlock (&registry_lock);
  return self;
}

/**
 * atomr_view_ui_bridge_get_backend:
 * @self: a bridge
 *
 * Gets the backend.
 *
 * Returns: (transfer none): the backend
 *
 * Since: 0.1
 */
AtomrViewBackend *
atomr_view_ui_bridge_get_backend (AtomrViewUiBridge *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self), NULL);

  return self->backend;
}

/**
 * atomr_view_ui_bridge_get_system:
 * @self: a bridge
 *
 * Gets the actor system.
 *
 * Returns: (transfer none): the system
 *
 * Since: 0.1
 */
AtomrViewActorSystem *
atomr_view_ui_bridge_get_system (AtomrViewUiBridge *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self), NULL);

  return self->system;
}

/**
 * atomr_view_ui_bridge_open_window:
 * @self: a bridge
 * @window_id: the window's id, unique in the bridge
 * @title: the window's title
 * @owner: the actor that receives the window's events
 * @error: return location for an error
 *
 * Opens a window, on the UI thread's next turn.
 *
 * Returns: %TRUE on success; %FALSE with %ATOMR_VIEW_UI_ERROR_WINDOW_EXISTS
 *
 * Since: 0.1
 */
gboolean
atomr_view_ui_bridge_open_window (AtomrViewUiBridge  *self,
                                  const char         *window_id,
                                  const char         *title,
                                  AtomrViewActorRef  *owner,
                                  GError            **error)
{
  LifecycleCommand *command;
  BridgeWindow *window;

  g_return_val_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self), FALSE);
  g_return_val_if_fail (window_id != NULL, FALSE);
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (owner), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  atomr_view_lock (&self->lock);
  if (g_hash_table_contains (self->windows, window_id))
    {
      atomr_view_unlock (&self->lock);
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_WINDOW_EXISTS,
                   _("A window with the id “%s” is already open"), window_id);
      return FALSE;
    }
  if (self->lifecycle.length >= LIFECYCLE_CAPACITY)
    {
      atomr_view_unlock (&self->lock);
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED,
                   _("Cannot open the window “%s”: %d window commands are already waiting for the UI thread"),
                   window_id, LIFECYCLE_CAPACITY);
      return FALSE;
    }

  window = g_new0 (BridgeWindow, 1);
  window->id = g_strdup (window_id);
  window->owner = g_object_ref (owner);
  window->title = g_strdup (title ? title : "");
  g_queue_init (&window->parked);
  g_hash_table_insert (self->windows, window->id, window);
  self->opened_ever++;

  command = g_new0 (LifecycleCommand, 1);
  command->kind = COMMAND_OPEN;
  command->window_id = g_strdup (window_id);
  command->title = g_strdup (window->title);
  g_queue_push_tail (&self->lifecycle, command);
  atomr_view_unlock (&self->lock);

  mark_dirty (self);
  return TRUE;
}

/**
 * atomr_view_ui_bridge_close_window:
 * @self: a bridge
 * @window_id: a window's id
 *
 * Closes a window, on the UI thread's next turn. Scenes posted to it after
 * this are ignored.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_close_window (AtomrViewUiBridge *self,
                                   const char        *window_id)
{
  LifecycleCommand *command;
  BridgeWindow *window;

  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));
  g_return_if_fail (window_id != NULL);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window == NULL || window->closing)
    {
      atomr_view_unlock (&self->lock);
      return;
    }
  /* Never dropped: a window closes once, after opening once, so the queue holds at most two per window. */
  window->closing = TRUE;
  command = g_new0 (LifecycleCommand, 1);
  command->kind = COMMAND_CLOSE;
  command->window_id = g_strdup (window_id);
  g_queue_push_tail (&self->lifecycle, command);
  atomr_view_unlock (&self->lock);

  mark_dirty (self);
}

/**
 * atomr_view_ui_bridge_set_title:
 * @self: a bridge
 * @window_id: a window's id
 * @title: the new title
 *
 * Changes a window's title; titles conflate like scenes.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_set_title (AtomrViewUiBridge *self,
                                const char        *window_id,
                                const char        *title)
{
  BridgeWindow *window;

  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));
  g_return_if_fail (window_id != NULL);
  g_return_if_fail (title != NULL);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window != NULL && !window->closing && g_strcmp0 (window->title, title) != 0)
    {
      g_free (window->title);
      window->title = g_strdup (title);
      window->title_dirty = TRUE;
    }
  atomr_view_unlock (&self->lock);
  mark_dirty (self);
}

/* Under the lock. Takes @scene. */
static void
post_locked (AtomrViewUiBridge *self,
             BridgeWindow      *window,
             AtomrViewScene    *scene)
{
  /* NULL for an actor of the `ui` dispatcher, on the UI thread, and for any other thread. */
  GMainContext *here = atomr_view_dispatcher_get_own_context ();

  self->scenes_posted++;
  if (here != window->home)
    {
      g_clear_pointer (&window->home, g_main_context_unref);
      window->home = here != NULL ? g_main_context_ref (here) : NULL;
    }
  if (window->pending != NULL)
    {
      self->scenes_conflated++;
      atomr_view_scene_unref (window->pending);
    }
  window->pending = scene;
  window->pending_posted_at = g_get_monotonic_time ();
  g_clear_pointer (&window->latest, atomr_view_scene_unref);
  window->latest = atomr_view_scene_ref (scene);
}

/**
 * atomr_view_ui_bridge_post_scene:
 * @self: a bridge
 * @window_id: a window's id
 * @scene: what the window should show
 *
 * Asks for @scene to be shown. If the UI thread has not shown the scene
 * posted before, this one replaces it. Scenes for an unknown or closing
 * window are ignored.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_post_scene (AtomrViewUiBridge *self,
                                 const char        *window_id,
                                 AtomrViewScene    *scene)
{
  BridgeWindow *window;

  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));
  g_return_if_fail (window_id != NULL);
  g_return_if_fail (scene != NULL);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window == NULL || window->closing)
    {
      atomr_view_unlock (&self->lock);
      return;
    }
  post_locked (self, window, atomr_view_scene_ref (scene));
  atomr_view_unlock (&self->lock);

  mark_dirty (self);
}

static GVariant *
error_value (const GError *error)
{
  return g_variant_new ("(sus)", g_quark_to_string (error->domain), error->code, error->message);
}

/* Any thread: tells the owner of @window_id what went wrong, and logs it. */
static void
report_error (AtomrViewUiBridge *self,
              BridgeWindow      *window,
              const GError      *error)
{
  const char *root[] = { NULL };
  g_autoptr(AtomrViewEvent) event = atomr_view_event_new (window->id, root, ATOMR_VIEW_SIGNAL_ERROR, error_value (error));

  if (window->open_on_backend)
    g_warning ("Window “%s” keeps its last good scene: %s", window->id, error->message);
  else
    g_warning ("Window “%s” could not open: %s", window->id, error->message);
  atomr_view_actor_ref_tell (window->owner, atomr_view_event_to_variant (event), NULL);
}

/**
 * atomr_view_ui_bridge_post_patches:
 * @self: a bridge
 * @window_id: a window's id
 * @patches: (element-type AtomrView.Patch): patches to the newest scene
 *   posted to the window
 * @error: return location for an error
 *
 * Applies @patches to the newest scene posted to the window and posts the
 * result. A patch list that does not fit that scene is refused as a whole:
 * nothing is posted, the window's actor gets an %ATOMR_VIEW_SIGNAL_ERROR
 * event, and a warning is logged.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
atomr_view_ui_bridge_post_patches (AtomrViewUiBridge  *self,
                                   const char         *window_id,
                                   GPtrArray          *patches,
                                   GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  AtomrViewScene *patched = NULL;
  BridgeWindow *window;

  g_return_val_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self), FALSE);
  g_return_val_if_fail (window_id != NULL, FALSE);
  g_return_val_if_fail (patches != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window == NULL || window->closing)
    g_set_error (&local_error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_WINDOW,
                 _("No window “%s” is open"), window_id);
  else if (window->latest == NULL)
    g_set_error (&local_error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED,
                 _("The window “%s” has no scene to patch yet"), window_id);
  else if ((patched = atomr_view_scene_apply (window->latest, patches, &local_error)) != NULL)
    post_locked (self, window, patched);
  atomr_view_unlock (&self->lock);

  if (local_error != NULL)
    {
      if (window != NULL && !window->closing)
        report_error (self, window, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  mark_dirty (self);
  return TRUE;
}

/**
 * atomr_view_ui_bridge_dup_scene:
 * @self: a bridge
 * @window_id: a window's id
 *
 * Gets the newest scene posted to a window, shown or not.
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL
 *
 * Since: 0.1
 */
AtomrViewScene *
atomr_view_ui_bridge_dup_scene (AtomrViewUiBridge *self,
                                const char        *window_id)
{
  AtomrViewScene *scene = NULL;
  BridgeWindow *window;

  g_return_val_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self), NULL);
  g_return_val_if_fail (window_id != NULL, NULL);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window != NULL && window->latest != NULL)
    scene = atomr_view_scene_ref (window->latest);
  atomr_view_unlock (&self->lock);
  return scene;
}

/**
 * atomr_view_ui_bridge_request_redraw:
 * @self: a bridge
 * @window_id: a window's id
 *
 * Asks for a window to be painted again; requests made before the UI thread
 * gets to them count as one.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_request_redraw (AtomrViewUiBridge *self,
                                     const char        *window_id)
{
  BridgeWindow *window;

  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));
  g_return_if_fail (window_id != NULL);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window != NULL)
    {
      self->redraws_requested++;
      if (window->redraw)
        self->redraws_deduped++;
      window->redraw = TRUE;
    }
  atomr_view_unlock (&self->lock);
  mark_dirty (self);
}

/**
 * atomr_view_ui_bridge_set_wants_frames:
 * @self: a bridge
 * @window_id: a window's id
 * @wants_frames: whether the window's actor gets %ATOMR_VIEW_SIGNAL_FRAME events
 *
 * Turns frame ticks on or off for a window. The actor calls
 * [method@AtomrView.UiBridge.frame_done] after each tick to get the next.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_set_wants_frames (AtomrViewUiBridge *self,
                                       const char        *window_id,
                                       gboolean           wants_frames)
{
  BridgeWindow *window;

  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));
  g_return_if_fail (window_id != NULL);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window != NULL)
    window->wants_frames = wants_frames;
  atomr_view_unlock (&self->lock);
}

/**
 * atomr_view_ui_bridge_frame_done:
 * @self: a bridge
 * @window_id: a window's id
 *
 * Says that the window's actor has handled its frame tick, so that the newest
 * one waiting, if any, is sent.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_frame_done (AtomrViewUiBridge *self,
                                 const char        *window_id)
{
  BridgeWindow *window;
  gboolean wake = FALSE;

  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));
  g_return_if_fail (window_id != NULL);

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, window_id);
  if (window != NULL)
    {
      window->frame_in_flight = FALSE;
      wake = window->frame_pending != 0;
    }
  atomr_view_unlock (&self->lock);
  if (wake)
    mark_dirty (self);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * atomr_view_ui_bridge_dup_stats:
 * @self: a bridge
 *
 * Reports the bridge's figures as a dictionary: `windows` (`u`),
 * `scenes-posted`, `scenes-applied`, `scenes-conflated` (`t`, scenes replaced
 * by a newer one before they were shown), `scenes-pending` (`u`),
 * `render-errors`, `lifecycle-applied` (`t`), `lifecycle-pending` (`u`),
 * `redraws-requested`, `redraws-deduped`, `events-delivered` (`t`),
 * `events-parked` (`u`, waiting for room in a full mailbox), `events-lost`
 * (`t`), `frames-conflated` (`t`), `display-losses` (`t`, how often the
 * backend lost its display), `windows-reopened` (`t`, windows shown again
 * after the display came back), and the latency from posting a scene to
 * its being shown over the last 4096 scenes shown: `apply-latency-p50-us`,
 * `apply-latency-p99-us`, `apply-latency-max-us` (`d`), with `last-apply-us`
 * (`x`) the time the last one took to render.
 *
 * Returns: (transfer floating): an `a{sv}` dictionary
 *
 * Since: 0.1
 */
GVariant *
atomr_view_ui_bridge_dup_stats (AtomrViewUiBridge *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autofree gint64 *sorted = NULL;
  GHashTableIter iter;
  gpointer value;
  guint pending = 0, parked = 0, n;

  g_return_val_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self), NULL);

  atomr_view_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->windows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BridgeWindow *window = value;

      pending += window->pending != NULL;
      parked += window->parked.length;
    }
  g_variant_dict_insert (&dict, "windows", "u", g_hash_table_size (self->windows));
  g_variant_dict_insert (&dict, "scenes-posted", "t", self->scenes_posted);
  g_variant_dict_insert (&dict, "scenes-applied", "t", self->scenes_applied);
  g_variant_dict_insert (&dict, "scenes-conflated", "t", self->scenes_conflated);
  g_variant_dict_insert (&dict, "scenes-pending", "u", pending);
  g_variant_dict_insert (&dict, "render-errors", "t", self->render_errors);
  g_variant_dict_insert (&dict, "lifecycle-applied", "t", self->lifecycle_applied);
  g_variant_dict_insert (&dict, "lifecycle-pending", "u", self->lifecycle.length);
  g_variant_dict_insert (&dict, "redraws-requested", "t", self->redraws_requested);
  g_variant_dict_insert (&dict, "redraws-deduped", "t", self->redraws_deduped);
  g_variant_dict_insert (&dict, "events-delivered", "t", self->events_delivered);
  g_variant_dict_insert (&dict, "events-parked", "u", parked);
  g_variant_dict_insert (&dict, "events-lost", "t", self->events_lost);
  g_variant_dict_insert (&dict, "frames-conflated", "t", self->frames_conflated);
  g_variant_dict_insert (&dict, "display-losses", "t", self->display_losses);
  g_variant_dict_insert (&dict, "windows-reopened", "t", self->windows_reopened);
  g_variant_dict_insert (&dict, "last-apply-us", "x", self->last_apply_us);
  n = self->n_latencies;
  sorted = g_memdup2 (self->latencies, sizeof (gint64) * MAX (n, 1));
  atomr_view_unlock (&self->lock);

  qsort (sorted, n, sizeof (gint64), compare_gint64);
  g_variant_dict_insert (&dict, "apply-latency-p50-us", "d", n ? (double) sorted[(n - 1) / 2] : 0.0);
  g_variant_dict_insert (&dict, "apply-latency-p99-us", "d", n ? (double) sorted[(guint) ((n - 1) * 0.99)] : 0.0);
  g_variant_dict_insert (&dict, "apply-latency-max-us", "d", n ? (double) sorted[n - 1] : 0.0);
  return g_variant_dict_end (&dict);
}

/* UI thread. Never waits: a full mailbox parks the event for the next turn. */
static gboolean
try_deliver (AtomrViewUiBridge *self,
             BridgeWindow      *window,
             GVariant          *message)
{
  g_autoptr(GError) error = NULL;

  if (atomr_view_actor_ref_try_tell (window->owner, message, NULL, &error))
    {
      atomr_view_lock (&self->lock);
      self->events_delivered++;
      atomr_view_unlock (&self->lock);
      return TRUE;
    }
  return !g_error_matches (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL);
}

static void
deliver_event (AtomrViewUiBridge *self,
               BridgeWindow      *window,
               AtomrViewEvent    *event)
{
  g_autoptr(GVariant) message = g_variant_ref_sink (atomr_view_event_to_variant (event));

  /* Keep order: while older events wait, newer ones wait behind them. */
  if (window->parked.length == 0 && try_deliver (self, window, message))
    return;
  if (window->parked.length >= PARKED_CAPACITY)
    {
      g_warning ("The actor of window “%s” has not taken its events for a while; dropping the oldest",
                 window->id);
      g_variant_unref (g_queue_pop_head (&window->parked));
      atomr_view_lock (&self->lock);
      self->events_lost++;
      atomr_view_unlock (&self->lock);
    }
  g_queue_push_tail (&window->parked, g_steal_pointer (&message));
  mark_dirty (self);
}

static void
record_latency (AtomrViewUiBridge *self,
                gint64             posted_at,
                gint64             started,
                gint64             finished)
{
  atomr_view_lock (&self->lock);
  self->latencies[self->next_latency] = finished - posted_at;
  self->next_latency = (self->next_latency + 1) % LATENCY_SAMPLES;
  self->n_latencies = MIN (self->n_latencies + 1, LATENCY_SAMPLES);
  self->last_apply_us = finished - started;
  self->scenes_applied++;
  atomr_view_unlock (&self->lock);
}

static gboolean
release_cb (gpointer user_data)
{
  AtomrViewUiBridge *self = user_data;

  self->release_source = 0;
  g_array_set_size (self->retired, 0);
  return G_SOURCE_REMOVE;
}

/* UI thread. Freeing a large scene takes a while: it happens after the
 * frame that shows the new one (frames have a higher priority), and before
 * the bridge applies the next scene; a caller that flushes without running
 * the main loop frees them a few scenes later. */
static void
retire (AtomrViewUiBridge *self,
        BridgeWindow      *window,
        AtomrViewScene    *scene)
{
  RetiredScene retired = { scene, NULL };

  if (scene == NULL)
    return;
  atomr_view_lock (&self->lock);
  if (window->home != NULL)
    retired.home = g_main_context_ref (window->home);
  atomr_view_unlock (&self->lock);
  if (self->retired->len >= RETIRED_CAPACITY)
    g_array_set_size (self->retired, 0);
  g_array_append_val (self->retired, retired);
  if (self->release_source == 0)
    {
      self->release_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, release_cb, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->release_source),
                                "[atomr-view] scenes shown before");
    }
}

/* UI thread. */
static void
render_window (AtomrViewUiBridge *self,
               BridgeWindow      *window,
               AtomrViewScene    *scene,
               gint64             posted_at)
{
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean ok;

  if (window->shown == scene)
    return;
  ok = atomr_view_backend_render_scene (self->backend, window->id, window->shown, scene, &error);
  if (!ok)
    {
      atomr_view_lock (&self->lock);
      self->render_errors++;
      atomr_view_unlock (&self->lock);
      report_error (self, window, error);
      return;
    }
  retire (self, window, g_steal_pointer (&window->shown));
  window->shown = atomr_view_scene_ref (scene);
  window->shown_at = g_get_monotonic_time ();
  record_latency (self, posted_at, started, g_get_monotonic_time ());
}

static void
apply_lifecycle (AtomrViewUiBridge *self,
                 LifecycleCommand  *command)
{
  BridgeWindow *window;
  g_autoptr(GError) error = NULL;

  atomr_view_lock (&self->lock);
  window = g_hash_table_lookup (self->windows, command->window_id);
  self->lifecycle_applied++;
  atomr_view_unlock (&self->lock);
  if (window == NULL)
    return;

  if (command->kind == COMMAND_OPEN && self->display_lost)
    {
      /* Opened when the display is back, with the others. */
      window->lost = TRUE;
      return;
    }
  if (command->kind == COMMAND_OPEN)
    {
      if (atomr_view_backend_open_window (self->backend, window->id, command->title, &error))
        {
          window->open_on_backend = TRUE;
          return;
        }
      /* A window that could not open is gone: its actor hears why, and run() need not wait for it. */
      report_error (self, window, error);
    }
  else if (window->open_on_backend)
    atomr_view_backend_close_window (self->backend, window->id);

  atomr_view_lock (&self->lock);
  g_hash_table_remove (self->windows, command->window_id);
  atomr_view_unlock (&self->lock);
}

/**
 * atomr_view_ui_bridge_flush:
 * @self: a bridge
 *
 * Applies everything waiting now: window commands in order, then the newest
 * scene of each window, titles, redraws, and events waiting for room. The
 * bridge does this by itself on the UI thread's turns; tests and benchmarks
 * call it to apply at a known moment.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_flush (AtomrViewUiBridge *self)
{
  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));

  flush (self, FALSE);
}

/* UI thread. When @paced, a window that was given a scene less than
 * APPLY_SPACING_US ago keeps its newest one waiting until then: a flood of
 * scenes is shown at about frame rate instead of once per main loop turn. */
static void
flush (AtomrViewUiBridge *self,
       gboolean           paced)
{
  g_autoptr(GPtrArray) windows = NULL;
  GQueue commands = G_QUEUE_INIT;
  LifecycleCommand *command;
  GHashTableIter iter;
  gpointer value;
  gint64 now = g_get_monotonic_time ();
  gint64 next_due = G_MAXINT64;

  atomic_store (&self->dirty, 0);

  atomr_view_lock (&self->lock);
  commands = self->lifecycle;
  g_queue_init (&self->lifecycle);
  atomr_view_unlock (&self->lock);
  while ((command = g_queue_pop_head (&commands)) != NULL)
    {
      apply_lifecycle (self, command);
      lifecycle_command_free (command);
    }

  windows = g_ptr_array_new ();
  atomr_view_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->windows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (windows, value);
  atomr_view_unlock (&self->lock);

  /* Windows leave the table only here, on this thread: the pointers stay valid. */
  for (guint i = 0; i < windows->len; i++)
    {
      BridgeWindow *window = g_ptr_array_index (windows, i);
      g_autoptr(AtomrViewScene) scene = NULL;
      g_autofree char *title = NULL;
      gint64 posted_at, frame = 0;
      gboolean redraw;

      if (!window->open_on_backend)
        continue;

      atomr_view_lock (&self->lock);
      if (paced && window->pending != NULL && now - window->shown_at < APPLY_SPACING_US)
        next_due = MIN (next_due, window->shown_at + APPLY_SPACING_US);
      else
        scene = g_steal_pointer (&window->pending);
      posted_at = window->pending_posted_at;
      if (window->title_dirty)
        title = g_strdup (window->title);
      window->title_dirty = FALSE;
      redraw = window->redraw;
      window->redraw = FALSE;
      if (!window->frame_in_flight && window->frame_pending != 0)
        {
          frame = window->frame_pending;
          window->frame_pending = 0;
          window->frame_in_flight = TRUE;
        }
      atomr_view_unlock (&self->lock);

      if (title != NULL)
        atomr_view_backend_set_title (self->backend, window->id, title);
      if (scene != NULL)
        render_window (self, window, scene, posted_at);
      if (redraw)
        atomr_view_backend_request_redraw (self->backend, window->id);
      if (frame != 0)
        {
          const char *root[] = { NULL };
          g_autoptr(AtomrViewEvent) event = atomr_view_event_new (window->id, root, ATOMR_VIEW_SIGNAL_FRAME,
                                                                  g_variant_new_int64 (frame));
          deliver_event (self, window, event);
        }
      while (window->parked.length > 0 && try_deliver (self, window, g_queue_peek_head (&window->parked)))
        g_variant_unref (g_queue_pop_head (&window->parked));
      if (window->parked.length > 0)
        mark_dirty (self);
    }
  if (next_due != G_MAXINT64)
    g_source_set_ready_time (self->drain_source, next_due);
}

/**
 * atomr_view_ui_bridge_reopen_windows:
 * @self: a bridge
 *
 * Opens every window again on the backend and shows its newest scene: for a
 * backend that lost its display and has a new one (a Broadway daemon that was
 * restarted, for example). Nothing is asked of the actors: the bridge holds
 * the scenes they posted. The bridge does this by itself on
 * [signal@AtomrView.Backend::display-restored]. A window that cannot open
 * again is forgotten, and its actor gets an %ATOMR_VIEW_SIGNAL_ERROR event.
 *
 * Since: 0.1
 */
void
atomr_view_ui_bridge_reopen_windows (AtomrViewUiBridge *self)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self));

  atomr_view_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->windows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (windows, value);
  atomr_view_unlock (&self->lock);

  for (guint i = 0; i < windows->len; i++)
    {
      BridgeWindow *window = g_ptr_array_index (windows, i);
      g_autoptr(AtomrViewScene) scene = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GError) error = NULL;

      if (!window->open_on_backend && !window->lost)
        continue;
      atomr_view_lock (&self->lock);
      title = g_strdup (window->title);
      window->title_dirty = FALSE;
      scene = window->latest ? atomr_view_scene_ref (window->latest) : NULL;
      g_clear_pointer (&window->pending, atomr_view_scene_unref);
      atomr_view_unlock (&self->lock);

      g_clear_pointer (&window->shown, atomr_view_scene_unref);
      window->lost = FALSE;
      if (!atomr_view_backend_open_window (self->backend, window->id, title, &error))
        {
          /* Like a window that could not open at first: its actor hears why, and run() need not wait for it. */
          window->open_on_backend = FALSE;
          report_error (self, window, error);
          atomr_view_lock (&self->lock);
          g_hash_table_remove (self->windows, window->id);
          atomr_view_unlock (&self->lock);
          continue;
        }
      window->open_on_backend = TRUE;
      atomr_view_lock (&self->lock);
      self->windows_reopened++;
      atomr_view_unlock (&self->lock);
      if (scene != NULL)
        render_window (self, window, scene, g_get_monotonic_time ());
    }
}

/**
 * atomr_view_ui_bridge_run:
 * @self: a bridge
 *
 * Runs the default main context — the UI — until every window that was
 * opened has closed again, or the actor system has shut down, then shuts the
 * system down. This is the usual end of an application's `main()`.
 *
 * Returns: an exit status for `main()`: 0
 *
 * Since: 0.1
 */
int
atomr_view_ui_bridge_run (AtomrViewUiBridge *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ATOMR_VIEW_IS_UI_BRIDGE (self), 1);

  for (;;)
    {
      guint opened, open;

      atomr_view_lock (&self->lock);
      opened = self->opened_ever;
      open = g_hash_table_size (self->windows);
      atomr_view_unlock (&self->lock);
      if ((opened > 0 && open == 0) || atomr_view_actor_system_is_terminated (self->system))
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  if (!atomr_view_actor_system_shutdown (self->system, &error))
    {
      g_warning ("Could not shut the actor system down: %s", error->message);
      return 1;
    }
  return 0;
}
