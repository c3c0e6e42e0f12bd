/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A console tour of the actor runtime: a supervisor with workers that
 * square numbers and fail on negative ones, restarted by their parent;
 * a question answered with ask; a watch that reports a stop. */
#include <atomr-view.h>

#define DEMO_TYPE_WORKER (demo_worker_get_type ())
G_DECLARE_FINAL_TYPE (DemoWorker, demo_worker, DEMO, WORKER, AtomrViewActor)

struct _DemoWorker
{
  AtomrViewActor parent_instance;
  guint          handled;
};

G_DEFINE_FINAL_TYPE (DemoWorker, demo_worker, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
demo_worker_receive (AtomrViewActor    *actor,
                     AtomrViewContext  *context,
                     GVariant          *message,
                     GError           **error)
{
  DemoWorker *self = DEMO_WORKER (actor);
  gint64 n = g_variant_get_int64 (message);

  if (n < 0)
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED,
                   "cannot square %" G_GINT64_FORMAT ": negative numbers are not allowed here", n);
      return FALSE;
    }
  self->handled++;
  atomr_view_context_reply (context, g_variant_new ("(xu)", n * n, self->handled));
  return TRUE;
}

static gboolean
demo_worker_post_restart (AtomrViewActor    *actor,
                          AtomrViewContext  *context,
                          const GError      *reason,
                          GError           **error)
{
  g_print ("  %s restarted after: %s\n",
           atomr_view_actor_ref_get_path (atomr_view_context_get_self (context)), reason->message);
  return TRUE;
}

static void
demo_worker_class_init (DemoWorkerClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = demo_worker_receive;
  ATOMR_VIEW_ACTOR_CLASS (klass)->post_restart = demo_worker_post_restart;
}

static void
demo_worker_init (DemoWorker *self)
{
}

/* The supervisor spawns the workers and watches them. */
#define DEMO_TYPE_BOSS (demo_boss_get_type ())
G_DECLARE_FINAL_TYPE (DemoBoss, demo_boss, DEMO, BOSS, AtomrViewActor)

struct _DemoBoss
{
  AtomrViewActor parent_instance;
};

G_DEFINE_FINAL_TYPE (DemoBoss, demo_boss, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
demo_boss_pre_start (AtomrViewActor    *actor,
                     AtomrViewContext  *context,
                     GError           **error)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (DEMO_TYPE_WORKER);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("worker-%u", i);
      g_autoptr(AtomrViewActorRef) worker = atomr_view_context_spawn (context, props, name, error);

      if (worker == NULL)
        return FALSE;
      atomr_view_context_watch (context, worker);
    }
  return TRUE;
}

static void
demo_boss_terminated (AtomrViewActor    *actor,
                      AtomrViewContext  *context,
                      AtomrViewActorRef *worker)
{
  g_print ("  %s saw %s stop\n", atomr_view_actor_ref_get_path (atomr_view_context_get_self (context)),
           atomr_view_actor_ref_get_path (worker));
}

static void
demo_boss_class_init (DemoBossClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = demo_boss_pre_start;
  ATOMR_VIEW_ACTOR_CLASS (klass)->terminated = demo_boss_terminated;
}

static void
demo_boss_init (DemoBoss *self)
{
}

static gboolean
ask_square (AtomrViewActorRef *worker,
            gint64             n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = atomr_view_actor_ref_ask_sync (worker, g_variant_new_int64 (n), 1000, NULL, &error);
  gint64 square;
  guint handled;

  if (reply == NULL)
    {
      g_print ("  %s did not answer %" G_GINT64_FORMAT ": %s\n", atomr_view_actor_ref_get_path (worker), n,
               error->message);
      return FALSE;
    }
  g_variant_get (reply, "(xu)", &square, &handled);
  g_print ("  %s: %" G_GINT64_FORMAT " squared is %" G_GINT64_FORMAT " (answer #%u of this instance)\n",
           atomr_view_actor_ref_get_path (worker), n, square, handled);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewActorSystem) system = atomr_view_actor_system_new ("console-demo", &error);
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (DEMO_TYPE_BOSS);
  g_autoptr(AtomrViewActorRef) boss = NULL;
  g_autoptr(AtomrViewActorRef) worker = NULL;

  if (system == NULL)
    g_error ("%s", error->message);
  boss = atomr_view_actor_system_spawn (system, props, "boss", &error);
  if (boss == NULL)
    g_error ("%s", error->message);

  /* The boss spawns its workers in pre_start, on its own thread: wait until one can be found. */
  while ((worker = atomr_view_actor_system_resolve (system, "/user/boss/worker-1", NULL)) == NULL)
    g_thread_yield ();

  g_print ("Asking a worker:\n");
  ask_square (worker, 7);
  ask_square (worker, 12);
  g_print ("A bad question makes it fail; its supervisor restarts it with fresh state:\n");
  atomr_view_actor_ref_tell (worker, g_variant_new_int64 (-1), NULL);
  ask_square (worker, 3);
  g_print ("Stopping it:\n");
  atomr_view_actor_ref_stop (worker);
  while (!atomr_view_actor_ref_is_terminated (worker))
    g_thread_yield ();
  ask_square (worker, 4);

  g_print ("Shutting down (children stop before their parents):\n");
  if (!atomr_view_actor_system_shutdown (system, &error))
    g_error ("%s", error->message);
  g_print ("Done: %" G_GUINT64_FORMAT " dead letter(s).\n", atomr_view_actor_system_get_dead_letter_count (system));
  return 0;
}
