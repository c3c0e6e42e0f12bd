/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-error.h"
#include "atomr-view-actor-ref-private.h"
#include "atomr-view-actor-system-private.h"
#include "atomr-view-guardian-private.h"
#include "atomr-view-init-private.h"
#include "atomr-view-props.h"

/**
 * AtomrViewActorSystem:
 *
 * A tree of actors with the threads that run them.
 *
 * A system owns named dispatchers — `default` (a thread per CPU, each running
 * its own [struct@GLib.MainContext]) and `ui` (the thread that runs the
 * default main context, where GTK lives) — the guardians `/user` and
 * `/system`, its dead letters, and an event stream where actors subscribe to
 * topics.
 *
 * Actors spawned with [method@AtomrView.ActorSystem.spawn] live under `/user`.
 * [method@AtomrView.ActorSystem.shutdown] stops them all (children before their
 * parents, user actors before system ones) and joins every thread.
 *
 * Thread safety: any thread; [method@AtomrView.ActorSystem.shutdown] and
 * [method@AtomrView.ActorSystem.run] refuse to run on a dispatcher thread.
 *
 * Since: 0.1
 */

#define DEFAULT_THROUGHPUT 100
#define MAX_NAME_LENGTH    64

struct _AtomrViewActorSystem
{
  GObject              parent_instance;
  char                *name;
  guint                default_threads;
  guint                throughput;
  AtomrViewSystemCore *core;
  gboolean             threads_joined;
};

G_DEFINE_FINAL_TYPE (AtomrViewActorSystem, atomr_view_actor_system, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DEFAULT_THREADS,
  PROP_THROUGHPUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
name_is_valid (const char *name)
{
  gsize length = name ? strlen (name) : 0;

  if (length == 0 || length > MAX_NAME_LENGTH)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static void
add_dispatcher_locked (AtomrViewSystemCore *core,
                       AtomrViewDispatcher *dispatcher)
{
  g_hash_table_insert (core->dispatchers, dispatcher->name, dispatcher);
}

static AtomrViewCell *
spawn_guardian (AtomrViewCell *root,
                const char    *name)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (ATOMR_VIEW_TYPE_ACTOR);
  g_autoptr(AtomrViewActorRef) ref = NULL;

  ref = atomr_view_cell_spawn (root, props, name, NULL);
  g_assert (ref != NULL);
  return atomr_view_cell_ref (atomr_view_actor_ref_get_cell (ref));
}

static void
atomr_view_actor_system_constructed (GObject *object)
{
  AtomrViewActorSystem *self = ATOMR_VIEW_ACTOR_SYSTEM (object);
  AtomrViewSystemCore *core;
  g_autoptr(AtomrViewProps) root_props = atomr_view_props_new (ATOMR_VIEW_TYPE_GUARDIAN);

  G_OBJECT_CLASS (atomr_view_actor_system_parent_class)->constructed (object);

  if (!name_is_valid (self->name))
    {
      g_critical ("“%s” is not a valid actor system name", self->name ? self->name : "(null)");
      g_free (self->name);
      self->name = g_strdup ("system");
    }
  if (self->default_threads == 0)
    self->default_threads = g_get_num_processors ();

  core = self->core = atomr_view_system_core_new (self->name);
  core->system = self;
  core->default_dispatcher = atomr_view_dispatcher_new ("default", self->default_threads, self->throughput, FALSE);
  core->ui_dispatcher = atomr_view_dispatcher_new ("ui", 1, self->throughput, TRUE);
  add_dispatcher_locked (core, core->default_dispatcher);
  add_dispatcher_locked (core, core->ui_dispatcher);

  /* The root starts once its two children exist, so that it watches both. */
  core->root = atomr_view_cell_new_root (core, root_props,
                                         atomr_view_dispatcher_pick_thread (core->default_dispatcher));
  core->user_guardian = spawn_guardian (core->root, "user");
  core->system_guardian = spawn_guardian (core->root, "system");
  atomr_view_cell_send_system (core->root, ATOMR_VIEW_ENVELOPE_CREATE, NULL, NULL);
}

static void
stop_threads (AtomrViewActorSystem *self)
{
  AtomrViewSystemCore *core = self->core;
  g_autoptr(GPtrArray) dispatchers = NULL;
  AtomrViewActorRef *root_ref;
  AtomrViewLock *lock;

  if (self->threads_joined)
    return;
  self->threads_joined = TRUE;

  atomic_store (&core->threads_stopped, 1);
  dispatchers = g_ptr_array_new ();
  atomr_view_lock (&core->dispatchers_lock);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, core->dispatchers);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (dispatchers, value);
  }
  g_hash_table_remove_all (core->dispatchers);
  atomr_view_unlock (&core->dispatchers_lock);

  /* Joined now, freed with the core: cells that outlive the system still point at their thread. */
  for (guint i = 0; i < dispatchers->len; i++)
    {
      atomr_view_dispatcher_stop (g_ptr_array_index (dispatchers, i));
      g_ptr_array_add (core->stopped_dispatchers, g_ptr_array_index (dispatchers, i));
    }

  /* The root has no parent to break its cycle with its ActorRef. */
  lock = atomr_view_system_core_children_lock (core, core->root);
  atomr_view_lock (lock);
  root_ref = g_steal_pointer (&core->root->self_ref);
  atomr_view_unlock (lock);
  g_clear_object (&root_ref);

  atomr_view_lock (&core->topics_lock);
  g_hash_table_remove_all (core->topics);
  atomr_view_unlock (&core->topics_lock);
}

static gboolean
wait_for_termination (AtomrViewActorSystem *self)
{
  AtomrViewSystemCore *core = self->core;
  GMainContext *ui_context = g_main_context_default ();

  /* Actors on the ui dispatcher run in the default main context: run it while waiting if we can. */
  if (g_main_context_acquire (ui_context))
    {
      while (!atomic_load (&core->terminated))
        g_main_context_iteration (ui_context, TRUE);
      g_main_context_release (ui_context);
      return TRUE;
    }

  atomr_view_lock (&core->termination_lock);
  while (!atomic_load (&core->terminated))
    atomr_view_cond_wait (&core->termination_cond, &core->termination_lock);
  atomr_view_unlock (&core->termination_lock);
  return TRUE;
}

static void
atomr_view_actor_system_dispose (GObject *object)
{
  AtomrViewActorSystem *self = ATOMR_VIEW_ACTOR_SYSTEM (object);

  if (self->core != NULL && !self->threads_joined)
    {
      if (atomr_view_dispatcher_in_any_thread ())
        g_critical ("The last reference to the actor system “%s” was dropped on one of its own "
                    "dispatcher threads; shut it down from another thread first", self->name);
      else
        {
          atomr_view_actor_system_request_shutdown (self);
          wait_for_termination (self);
          stop_threads (self);
        }
    }

  G_OBJECT_CLASS (atomr_view_actor_system_parent_class)->dispose (object);
}

static void
atomr_view_actor_system_finalize (GObject *object)
{
  AtomrViewActorSystem *self = ATOMR_VIEW_ACTOR_SYSTEM (object);
  AtomrViewSystemCore *core = self->core;

  if (core != NULL)
    {
      core->system = NULL;
      g_clear_pointer (&core->user_guardian, atomr_view_cell_unref);
      g_clear_pointer (&core->system_guardian, atomr_view_cell_unref);
      g_clear_pointer (&core->root, atomr_view_cell_unref);
      atomr_view_system_core_unref (core);
    }
  g_free (self->name);

  G_OBJECT_CLASS (atomr_view_actor_system_parent_class)->finalize (object);
}

static void
atomr_view_actor_system_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtomrViewActorSystem *self = ATOMR_VIEW_ACTOR_SYSTEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DEFAULT_THREADS:
      g_value_set_uint (value, self->default_threads);
      break;

    case PROP_THROUGHPUT:
      g_value_set_uint (value, self->throughput);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_actor_system_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtomrViewActorSystem *self = ATOMR_VIEW_ACTOR_SYSTEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_DEFAULT_THREADS:
      self->default_threads = g_value_get_uint (value);
      break;

    case PROP_THROUGHPUT:
      self->throughput = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_actor_system_class_init (AtomrViewActorSystemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atomr_view_actor_system_constructed;
  object_class->dispose = atomr_view_actor_system_dispose;
  object_class->finalize = atomr_view_actor_system_finalize;
  object_class->get_property = atomr_view_actor_system_get_property;
  object_class->set_property = atomr_view_actor_system_set_property;

  /**
   * AtomrViewActorSystem:name:
   *
   * The system's name: ASCII letters, digits, `-`, `_` and `.`. It is part
   * of every actor's address (`atomr://NAME/user/...`).
   *
   * Since: 0.1
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewActorSystem:default-threads:
   *
   * The number of threads of the `default` dispatcher; 0 means one per CPU.
   *
   * Since: 0.1
   */
  properties[PROP_DEFAULT_THREADS] =
    g_param_spec_uint ("default-threads", NULL, NULL, 0, 1024, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewActorSystem:throughput:
   *
   * How many messages an actor handles before its thread moves on to the
   * next actor, for the `default` and `ui` dispatchers.
   *
   * Since: 0.1
   */
  properties[PROP_THROUGHPUT] =
    g_param_spec_uint ("throughput", NULL, NULL, 1, G_MAXUINT, DEFAULT_THROUGHPUT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atomr_view_actor_system_init (AtomrViewActorSystem *self)
{
  self->throughput = DEFAULT_THROUGHPUT;
}

AtomrViewSystemCore *
atomr_view_actor_system_get_core (AtomrViewActorSystem *self)
{
  return self->core;
}

/**
 * atomr_view_actor_system_new:
 * @name: the system's name: ASCII letters, digits, `-`, `_` and `.`
 * @error: return location for an error
 *
 * Starts an actor system with its `default` and `ui` dispatchers.
 *
 * Returns: (transfer full) (nullable): the system, or %NULL with
 *   %ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME
 *
 * Since: 0.1
 */
AtomrViewActorSystem *
atomr_view_actor_system_new (const char  *name,
                             GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!name_is_valid (name))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME,
                   _("“%s” is not a valid actor system name: use 1 to %d ASCII letters, digits, "
                     "“-”, “_” or “.”"),
                   name, MAX_NAME_LENGTH);
      return NULL;
    }
  return g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", name, NULL);
}

/**
 * atomr_view_actor_system_get_name:
 * @self: a system
 *
 * Gets the system's name.
 *
 * Returns: the name
 *
 * Since: 0.1
 */
const char *
atomr_view_actor_system_get_name (AtomrViewActorSystem *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), NULL);

  return self->name;
}

/**
 * atomr_view_actor_system_add_dispatcher:
 * @self: a system
 * @name: the dispatcher's name, for [method@AtomrView.Props.set_dispatcher]
 * @n_threads: its number of threads
 * @throughput: how many messages an actor handles before the thread moves
 *   on, or 0 for the system's default
 * @error: return location for an error
 *
 * Adds a dispatcher with threads of its own, each running its own
 * [struct@GLib.MainContext]. Use one to keep slow actors off the `default`
 * threads.
 *
 * Returns: %TRUE on success; %FALSE with
 *   %ATOMR_VIEW_ACTOR_ERROR_DISPATCHER_EXISTS, %ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME
 *   or %ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED
 *
 * Since: 0.1
 */
gboolean
atomr_view_actor_system_add_dispatcher (AtomrViewActorSystem  *self,
                                        const char            *name,
                                        guint                  n_threads,
                                        guint                  throughput,
                                        GError               **error)
{
  AtomrViewSystemCore *core;
  gboolean exists;

  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (n_threads > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  core = self->core;
  if (!name_is_valid (name))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME,
                   _("“%s” is not a valid dispatcher name"), name);
      return FALSE;
    }
  if (atomic_load (&core->shutting_down))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED,
                   _("The actor system “%s” is shutting down"), self->name);
      return FALSE;
    }

  atomr_view_lock (&core->dispatchers_lock);
  exists = g_hash_table_contains (core->dispatchers, name);
  if (!exists)
    add_dispatcher_locked (core, atomr_view_dispatcher_new (name, n_threads,
                                                            throughput ? throughput : self->throughput,
                                                            FALSE));
  atomr_view_unlock (&core->dispatchers_lock);

  if (exists)
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DISPATCHER_EXISTS,
                   _("The actor system “%s” already has a dispatcher named “%s”"), self->name, name);
      return FALSE;
    }
  return TRUE;
}

/**
 * atomr_view_actor_system_spawn:
 * @self: a system
 * @props: how to make the actor
 * @name: (nullable): the actor's name, unique under `/user`, or %NULL for a
 *   generated one
 * @error: return location for an error
 *
 * Starts a top-level actor, under `/user`.
 *
 * Fails with %ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME,
 * %ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN, %ATOMR_VIEW_ACTOR_ERROR_UNKNOWN_DISPATCHER,
 * or %ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED once shutdown has begun.
 *
 * Returns: (transfer full) (nullable): the actor's reference
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_actor_system_spawn (AtomrViewActorSystem  *self,
                               AtomrViewProps        *props,
                               const char            *name,
                               GError               **error)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), NULL);
  g_return_val_if_fail (props != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (atomic_load (&self->core->shutting_down))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED,
                   _("The actor system “%s” is shutting down"), self->name);
      return NULL;
    }
  return atomr_view_cell_spawn (self->core->user_guardian, props, name, error);
}

/**
 * atomr_view_actor_system_resolve:
 * @self: a system
 * @path: an actor's path (`/user/a/b`) or address (`atomr://NAME/user/a/b`)
 * @error: return location for an error
 *
 * Finds a live actor by its path.
 *
 * Returns: (transfer full) (nullable): the actor's reference, or %NULL with
 *   %ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_actor_system_resolve (AtomrViewActorSystem  *self,
                                 const char            *path,
                                 GError               **error)
{
  g_auto(GStrv) parts = NULL;
  AtomrViewCell *cell;
  const char *p = path;

  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_has_prefix (p, "atomr://"))
    {
      const char *system_name = p + strlen ("atomr://");
      const char *slash = strchr (system_name, '/');

      if (slash == NULL || (gsize) (slash - system_name) != strlen (self->name) ||
          strncmp (system_name, self->name, slash - system_name) != 0)
        {
          g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND,
                       _("“%s” does not name an actor of the system “%s”"), path, self->name);
          return NULL;
        }
      p = slash;
    }
  if (p[0] != '/')
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND,
                   _("“%s” is not an actor path: paths start with “/”"), path);
      return NULL;
    }

  cell = atomr_view_cell_ref (self->core->root);
  parts = g_strsplit (p + 1, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      AtomrViewCell *child;

      if (parts[i][0] == '\0' && parts[i + 1] == NULL)
        break;
      child = atomr_view_cell_lookup_child (cell, parts[i]);
      atomr_view_cell_unref (cell);
      if (child == NULL)
        {
          g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND,
                       _("No actor lives at %s"), path);
          return NULL;
        }
      cell = child;
    }

  {
    AtomrViewActorRef *ref = atomr_view_cell_dup_ref (cell);

    atomr_view_cell_unref (cell);
    return ref;
  }
}

/**
 * atomr_view_actor_system_resolve_variant:
 * @self: a system
 * @value: an actor reference as made by [method@AtomrView.ActorRef.to_variant]
 * @error: return location for an error
 *
 * Turns an actor reference that travelled inside a message back into a
 * reference.
 *
 * Returns: (transfer full) (nullable): the actor's reference, or %NULL with
 *   %ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE (not a string) or
 *   %ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND
 *
 * Since: 0.1
 */
AtomrViewActorRef *
atomr_view_actor_system_resolve_variant (AtomrViewActorSystem  *self,
                                         GVariant              *value,
                                         GError               **error)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE,
                   _("An actor reference travels as a string, not as “%s”"),
                   g_variant_get_type_string (value));
      return NULL;
    }
  return atomr_view_actor_system_resolve (self, g_variant_get_string (value, NULL), error);
}

/**
 * atomr_view_actor_system_subscribe:
 * @self: a system
 * @topic: a topic, such as %ATOMR_VIEW_TOPIC_DEAD_LETTERS
 * @subscriber: the actor that receives what is published on @topic
 *
 * Subscribes an actor to a topic of the event stream. Subscribing twice has
 * no further effect.
 *
 * Since: 0.1
 */
void
atomr_view_actor_system_subscribe (AtomrViewActorSystem *self,
                                   const char           *topic,
                                   AtomrViewActorRef    *subscriber)
{
  AtomrViewSystemCore *core;
  GPtrArray *subscribers;

  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self));
  g_return_if_fail (topic != NULL);
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (subscriber));

  core = self->core;
  atomr_view_lock (&core->topics_lock);
  subscribers = g_hash_table_lookup (core->topics, topic);
  if (subscribers == NULL)
    {
      subscribers = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (core->topics, g_strdup (topic), subscribers);
    }
  if (!g_ptr_array_find_with_equal_func (subscribers, subscriber, atomr_view_actor_ref_equal, NULL))
    g_ptr_array_add (subscribers, g_object_ref (subscriber));
  atomr_view_unlock (&core->topics_lock);
}

/**
 * atomr_view_actor_system_unsubscribe:
 * @self: a system
 * @topic: a topic
 * @subscriber: a subscriber of @topic
 *
 * Ends a subscription made with [method@AtomrView.ActorSystem.subscribe].
 *
 * Since: 0.1
 */
void
atomr_view_actor_system_unsubscribe (AtomrViewActorSystem *self,
                                     const char           *topic,
                                     AtomrViewActorRef    *subscriber)
{
  AtomrViewSystemCore *core;
  GPtrArray *subscribers;
  guint index;

  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self));
  g_return_if_fail (topic != NULL);
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (subscriber));

  core = self->core;
  atomr_view_lock (&core->topics_lock);
  subscribers = g_hash_table_lookup (core->topics, topic);
  if (subscribers != NULL &&
      g_ptr_array_find_with_equal_func (subscribers, subscriber, atomr_view_actor_ref_equal, &index))
    g_ptr_array_remove_index (subscribers, index);
  atomr_view_unlock (&core->topics_lock);
}

/**
 * atomr_view_actor_system_publish:
 * @self: a system
 * @topic: a topic
 * @message: the message; a floating reference is sunk
 *
 * Sends @message to every subscriber of @topic.
 *
 * Returns: the number of subscribers it was sent to
 *
 * Since: 0.1
 */
guint
atomr_view_actor_system_publish (AtomrViewActorSystem *self,
                                 const char           *topic,
                                 GVariant             *message)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), 0);
  g_return_val_if_fail (topic != NULL, 0);
  g_return_val_if_fail (message != NULL, 0);

  return atomr_view_system_core_publish (self->core, topic, message);
}

/**
 * atomr_view_actor_system_get_dead_letter_count:
 * @self: a system
 *
 * Counts the messages that could not be delivered since the system started.
 *
 * Returns: the number of dead letters
 *
 * Since: 0.1
 */
guint64
atomr_view_actor_system_get_dead_letter_count (AtomrViewActorSystem *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), 0);

  return atomic_load_explicit (&self->core->dead_letters, memory_order_relaxed);
}

/**
 * atomr_view_actor_system_request_shutdown:
 * @self: a system
 *
 * Starts stopping every actor and returns at once; any thread, actors
 * included. [method@AtomrView.ActorSystem.run] returns when it is done.
 *
 * Since: 0.1
 */
void
atomr_view_actor_system_request_shutdown (AtomrViewActorSystem *self)
{
  int expected = 0;

  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self));

  if (atomic_compare_exchange_strong (&self->core->shutting_down, &expected, 1))
    atomr_view_cell_send_system (self->core->user_guardian, ATOMR_VIEW_ENVELOPE_STOP, NULL, NULL);
}

/**
 * atomr_view_actor_system_shutdown:
 * @self: a system
 * @error: return location for an error
 *
 * Stops every actor — children before their parents, `/user` before
 * `/system` — and joins every thread. While it waits it runs the default main
 * context when it can, so that actors on the `ui` dispatcher stop too.
 *
 * Returns: %TRUE once everything has stopped; %FALSE with
 *   %ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK when called on a dispatcher thread
 *   (call [method@AtomrView.ActorSystem.request_shutdown] there)
 *
 * Since: 0.1
 */
gboolean
atomr_view_actor_system_shutdown (AtomrViewActorSystem  *self,
                                  GError               **error)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (atomr_view_dispatcher_in_any_thread ())
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK,
                   _("Shutting down the actor system “%s” from one of its own actors would wait "
                     "for itself; use atomr_view_actor_system_request_shutdown()"),
                   self->name);
      return FALSE;
    }
  atomr_view_actor_system_request_shutdown (self);
  wait_for_termination (self);
  stop_threads (self);
  return TRUE;
}

/**
 * atomr_view_actor_system_run:
 * @self: a system
 * @error: return location for an error
 *
 * Runs the default main context — and with it the actors of the `ui`
 * dispatcher, and GTK — until the system has shut down (see
 * [method@AtomrView.ActorSystem.request_shutdown]), then joins its threads.
 *
 * Returns: %TRUE once the system has shut down; %FALSE with
 *   %ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK on a dispatcher thread or when
 *   another thread runs the default main context
 *
 * Since: 0.1
 */
gboolean
atomr_view_actor_system_run (AtomrViewActorSystem  *self,
                             GError               **error)
{
  GMainContext *context = g_main_context_default ();

  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (atomr_view_dispatcher_in_any_thread () || !g_main_context_acquire (context))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK,
                   _("The actor system “%s” must run on the thread that owns the default main "
                     "context, outside its actors"),
                   self->name);
      return FALSE;
    }
  while (!atomic_load (&self->core->terminated))
    g_main_context_iteration (context, TRUE);
  g_main_context_release (context);
  stop_threads (self);
  return TRUE;
}

/**
 * atomr_view_actor_system_is_terminated:
 * @self: a system
 *
 * Whether every actor of the system has stopped.
 *
 * Returns: %TRUE once the root guardian has stopped
 *
 * Since: 0.1
 */
gboolean
atomr_view_actor_system_is_terminated (AtomrViewActorSystem *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_SYSTEM (self), FALSE);

  return atomic_load (&self->core->terminated);
}
