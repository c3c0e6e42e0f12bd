/* SPDX-License-Identifier: LGPL-2.1-or-later */
#define _GNU_SOURCE 1   /* sched_getcpu() */
#include "config.h"

#include <sched.h>

#include "atomr-view-cell-private.h"
#include "atomr-view-context-private.h"
#include "atomr-view-dispatcher-private.h"
#include "atomr-view-lock-private.h"

/* A run of the source stops after this long so that timers and the other
 * sources of the context get their turn even under a flood. */
#define DISPATCH_BUDGET_US 2000
#define DEFAULT_SPIN_US    50
/* After this many picks from the local stack it goes, oldest first, to the
 * back of the shared queue: nothing waits longer than that for its turn. */
#define LOCAL_BURST        64
/* On the UI thread: above painting (GDK paints at G_PRIORITY_HIGH_IDLE + 20)
 * and below input (G_PRIORITY_DEFAULT), or below both. */
#define UI_PRIORITY_AHEAD  (G_PRIORITY_HIGH_IDLE + 10)
#define UI_PRIORITY_BEHIND G_PRIORITY_DEFAULT_IDLE

typedef struct
{
  GSource                    source;
  AtomrViewDispatcherThread *thread;
} RunQueueSource;

static __thread AtomrViewDispatcherThread *current_thread;
static __thread gboolean                   on_dispatcher_thread;
static __thread AtomrViewDispatcherThread *own_thread;     /* the thread this one runs, not the UI's */

/* Our threads that woke the UI thread and have not gone to sleep since,
 * and the CPU the last of them was on (see let_wakers_sleep()). */
static _Atomic guint wakers_awake;
static _Atomic int   last_waker_cpu = -1;

/* Moves the local stack, oldest first, to the back of the shared queue. */
static void
flush_local (AtomrViewDispatcherThread *t)
{
  AtomrViewMpscNode *oldest_first = NULL;

  while (t->local != NULL)
    {
      AtomrViewMpscNode *node = t->local;

      t->local = atomic_load_explicit (&node->next, memory_order_relaxed);
      atomic_store_explicit (&node->next, oldest_first, memory_order_relaxed);
      oldest_first = node;
    }
  while (oldest_first != NULL)
    {
      AtomrViewMpscNode *node = oldest_first;

      oldest_first = atomic_load_explicit (&node->next, memory_order_relaxed);
      atomr_view_mpsc_push (&t->run_queue, node);
    }
  t->local_picks = 0;
}

/* Newest local cell first (a parent's fresh children and the actor just
 * sent to run while their data is hot, and a tree of actors lives depth
 * first as in CAF), then the shared queue. */
static AtomrViewMpscNode *
next_cell (AtomrViewDispatcherThread *t)
{
  AtomrViewMpscNode *node = t->local;

  if (node != NULL)
    {
      if (t->local_picks < LOCAL_BURST)
        {
          t->local = atomic_load_explicit (&node->next, memory_order_relaxed);
          t->local_picks++;
          return node;
        }
      flush_local (t);
    }
  return atomr_view_mpsc_pop (&t->run_queue);
}

/* On the thread that iterates @t's context, about to block. */
static void
waker_sleeps (AtomrViewDispatcherThread *t)
{
  if (!t->woke_ui)
    return;
  t->woke_ui = FALSE;
  atomic_fetch_sub_explicit (&wakers_awake, 1, memory_order_relaxed);
}

static gboolean
run_queue_prepare (GSource *source,
                   int     *timeout)
{
  AtomrViewDispatcherThread *t = ((RunQueueSource *) source)->thread;

  *timeout = -1;
  if (t->local != NULL || !atomr_view_mpsc_is_empty (&t->run_queue))
    return TRUE;

  /* Announce that we may sleep, then look again: a sender that pushed in
   * between sees the flag and wakes the context (Dekker-style handshake). */
  atomic_store_explicit (&t->sleeping, 1, memory_order_seq_cst);
  if (!atomr_view_mpsc_is_empty (&t->run_queue))
    {
      atomic_store_explicit (&t->sleeping, 0, memory_order_relaxed);
      return TRUE;
    }
  waker_sleeps (t);
  return FALSE;
}

static gboolean
run_queue_check (GSource *source)
{
  AtomrViewDispatcherThread *t = ((RunQueueSource *) source)->thread;

  atomic_store_explicit (&t->sleeping, 0, memory_order_relaxed);
  return t->local != NULL || !atomr_view_mpsc_is_empty (&t->run_queue);
}

/* After the run, not inside it: what a job asks of a dispatcher waits for
 * the next run (a bridge that cannot hand an event over tries again later,
 * not in a loop here). */
static void
run_after_batch (AtomrViewDispatcherThread *t)
{
  /* Not running actors even when this run was nested in another's (a
   * dispatcher stopped from an actor): no job adds a job. */
  AtomrViewDispatcherThread *outer = current_thread;

  current_thread = NULL;
  for (guint i = 0; i < t->after_batch->len; i++)
    {
      AtomrViewAfterBatch *job = &g_array_index (t->after_batch, AtomrViewAfterBatch, i);

      job->func (job->data);
    }
  g_array_set_size (t->after_batch, 0);
  current_thread = outer;
}

/* After an actor's turn: the UI thread learns of what it posted now that
 * it has nothing left to do. */
static void
wake_ui_now (AtomrViewDispatcherThread *t)
{
  GMainContext *context = g_steal_pointer (&t->ui_to_wake);

  if (context == NULL)
    return;
  if (own_thread == t)
    {
      if (!t->woke_ui)
        atomic_fetch_add_explicit (&wakers_awake, 1, memory_order_relaxed);
      t->woke_ui = TRUE;
#ifdef HAVE_SCHED_GETCPU
      atomic_store_explicit (&last_waker_cpu, sched_getcpu (), memory_order_relaxed);
#endif
    }
  g_main_context_wakeup (context);
  g_main_context_unref (context);
}

static gboolean
run_queue_looks_empty (AtomrViewDispatcherThread *t)
{
  return t->local == NULL && atomr_view_mpsc_is_empty (&t->run_queue);
}

/* Actors on the UI thread run ahead of painting, so that what a click makes
 * them show is in the frame that follows the click, not in the one after.
 * A run that leaves work behind drops them below painting until they have
 * caught up: a busy actor never holds frames back. */
static void
place_ui_source (AtomrViewDispatcherThread *t)
{
  gint priority = run_queue_looks_empty (t) ? UI_PRIORITY_AHEAD : UI_PRIORITY_BEHIND;

  if (g_source_get_priority (t->source) != priority)
    g_source_set_priority (t->source, priority);
}

static gboolean
run_queue_dispatch (GSource     *source,
                    GSourceFunc  callback,
                    gpointer     user_data)
{
  AtomrViewDispatcherThread *t = ((RunQueueSource *) source)->thread;
  AtomrViewDispatcherThread *previous = current_thread;
  gint64 deadline = g_get_monotonic_time () + DISPATCH_BUDGET_US;
  AtomrViewMpscNode *node;
  guint n = 0;

  atomic_store_explicit (&t->sleeping, 0, memory_order_relaxed);
  current_thread = t;
  while ((node = next_cell (t)) != NULL)
    {
      AtomrViewCell *cell = atomr_view_cell_from_run_node (node);

      atomr_view_cell_run (cell, t);
      wake_ui_now (t);
      atomr_view_cell_unref (cell);
      if ((++n & 31) == 0 && g_get_monotonic_time () > deadline)
        break;
    }
  current_thread = previous;
  run_after_batch (t);
  if (t->dispatcher->on_default_context)
    place_ui_source (t);

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs run_queue_funcs = {
  .prepare = run_queue_prepare,
  .check = run_queue_check,
  .dispatch = run_queue_dispatch,
};

static gpointer
dispatcher_thread_main (gpointer data)
{
  AtomrViewDispatcherThread *t = data;
  gint64 spin_us = t->dispatcher->spin_us;

  on_dispatcher_thread = TRUE;
  own_thread = t;
  g_main_context_push_thread_default (t->context);
  while (!atomic_load_explicit (&t->quit, memory_order_acquire))
    {
      /* Waking a halted vCPU costs tens of microseconds here; spinning a
       * little before blocking keeps ping-pong and ask latency low. Not
       * after waking the UI thread, though: the kernel tends to wake it on
       * this CPU, where it would wait for the spin to end to show a scene. */
      if (spin_us > 0 && !t->woke_ui && run_queue_looks_empty (t))
        {
          gint64 until = g_get_monotonic_time () + spin_us;
          guint spins = 0;

          while (run_queue_looks_empty (t) && !atomic_load_explicit (&t->quit, memory_order_relaxed))
            {
              atomr_view_cpu_relax ();
              if ((++spins & 63) == 0 && g_get_monotonic_time () > until)
                break;
            }
        }
      g_main_context_iteration (t->context, TRUE);
    }
  waker_sleeps (t);
  g_main_context_pop_thread_default (t->context);
  own_thread = NULL;
  on_dispatcher_thread = FALSE;

  return NULL;
}

static AtomrViewDispatcherThread *
dispatcher_thread_new (AtomrViewDispatcher *dispatcher,
                       guint                index,
                       GMainContext        *context)
{
  AtomrViewDispatcherThread *t = g_new0 (AtomrViewDispatcherThread, 1);
  RunQueueSource *source;

  t->dispatcher = dispatcher;
  t->index = index;
  t->context = g_main_context_ref (context);
  atomr_view_mpsc_init (&t->run_queue);
  t->actor_context = atomr_view_context_new_for_thread (t);
  t->after_batch = g_array_new (FALSE, FALSE, sizeof (AtomrViewAfterBatch));

  source = (RunQueueSource *) g_source_new (&run_queue_funcs, sizeof (RunQueueSource));
  source->thread = t;
  t->source = (GSource *) source;
  g_source_set_static_name (t->source, "[atomr-view] actor run queue");
  /* On the UI thread actors yield to input (see place_ui_source()); on our
   * own threads they are the main work. */
  g_source_set_priority (t->source, dispatcher->on_default_context ? UI_PRIORITY_AHEAD : G_PRIORITY_DEFAULT);
  g_source_attach (t->source, t->context);
  return t;
}

AtomrViewDispatcher *
atomr_view_dispatcher_new (const char *name,
                           guint       n_threads,
                           guint       throughput,
                           gboolean    on_default_context)
{
  AtomrViewDispatcher *self = g_new0 (AtomrViewDispatcher, 1);
  const char *spin = g_getenv ("ATOMR_VIEW_SPIN_US");

  g_return_val_if_fail (n_threads > 0, NULL);
  g_return_val_if_fail (throughput > 0, NULL);

  self->name = g_strdup (name);
  self->n_threads = on_default_context ? 1 : n_threads;
  self->throughput = throughput;
  self->on_default_context = on_default_context;
  self->spin_us = spin ? g_ascii_strtoll (spin, NULL, 10) : DEFAULT_SPIN_US;
  self->threads = g_new0 (AtomrViewDispatcherThread *, self->n_threads);

  if (on_default_context)
    {
      self->threads[0] = dispatcher_thread_new (self, 0, g_main_context_default ());
      return self;
    }

  for (guint i = 0; i < self->n_threads; i++)
    {
      g_autoptr(GMainContext) context = g_main_context_new ();
      g_autofree char *thread_name = g_strdup_printf ("atomr-%s-%u", name, i);
      AtomrViewDispatcherThread *t = dispatcher_thread_new (self, i, context);

      self->threads[i] = t;
      t->thread = g_thread_new (thread_name, dispatcher_thread_main, t);
    }
  return self;
}

/* Stops and joins the threads. Actors must have terminated already; cells
 * still queued (draining dead letters) run once more on the caller. */
void
atomr_view_dispatcher_stop (AtomrViewDispatcher *self)
{
  for (guint i = 0; i < self->n_threads; i++)
    {
      AtomrViewDispatcherThread *t = self->threads[i];

      if (t->thread == NULL)
        continue;
      atomic_store_explicit (&t->quit, 1, memory_order_release);
      g_main_context_wakeup (t->context);
      g_thread_join (g_steal_pointer (&t->thread));
    }

  for (guint i = 0; i < self->n_threads; i++)
    {
      AtomrViewDispatcherThread *t = self->threads[i];
      AtomrViewDispatcherThread *previous = current_thread;
      AtomrViewMpscNode *node;

      g_source_destroy (t->source);
      current_thread = t;
      while ((node = next_cell (t)) != NULL)
        {
          AtomrViewCell *cell = atomr_view_cell_from_run_node (node);

          atomr_view_cell_run (cell, t);
          wake_ui_now (t);
          atomr_view_cell_unref (cell);
        }
      current_thread = previous;
      run_after_batch (t);
    }
}

void
atomr_view_dispatcher_free (AtomrViewDispatcher *self)
{
  for (guint i = 0; i < self->n_threads; i++)
    {
      AtomrViewDispatcherThread *t = self->threads[i];

      g_assert (t->thread == NULL);
      g_assert (t->ui_to_wake == NULL);
      g_clear_pointer (&t->source, g_source_unref);
      g_clear_object (&t->actor_context);
      g_array_unref (t->after_batch);
      g_main_context_unref (t->context);
      g_free (t);
    }
  g_free (self->threads);
  g_free (self->name);
  g_free (self);
}

AtomrViewDispatcherThread *
atomr_view_dispatcher_pick_thread (AtomrViewDispatcher *self)
{
  guint n = atomic_fetch_add_explicit (&self->next_thread, 1, memory_order_relaxed);

  return self->threads[n % self->n_threads];
}

/* Any thread. The run queue takes over the caller's reference on @cell. */
void
atomr_view_dispatcher_thread_push (AtomrViewDispatcherThread *t,
                                   AtomrViewCell             *cell)
{
  AtomrViewMpscNode *node = atomr_view_cell_get_run_node (cell);

  /* From an actor of this very thread: no atomics, no wake-up. */
  if (current_thread == t)
    {
      atomic_store_explicit (&node->next, t->local, memory_order_relaxed);
      t->local = node;
      return;
    }
  atomr_view_mpsc_push (&t->run_queue, node);
  if (atomic_load_explicit (&t->sleeping, memory_order_seq_cst) &&
      atomic_exchange_explicit (&t->sleeping, 0, memory_order_seq_cst))
    g_main_context_wakeup (t->context);
}

/* Woken at once, the UI thread (which the kernel tends to wake on this
 * CPU) took the CPU from the actor in the middle of its step, and the rest
 * of the step then ran inside the UI thread's frame. */
void
atomr_view_dispatcher_wake_ui (GMainContext *context)
{
  AtomrViewDispatcherThread *t = current_thread;

  if (t == NULL || t->dispatcher->on_default_context)
    {
      g_main_context_wakeup (context);
      return;
    }
  if (t->ui_to_wake == context)
    return;
  /* Another UI context still waiting (not one of ours) is woken now. */
  wake_ui_now (t);
  t->ui_to_wake = g_main_context_ref (context);
}

/* On the UI thread, woken for a scene: if the actor's thread that woke it
 * may still be finishing its turn on this CPU, let it finish and sleep
 * first. The kernel tends to wake the UI thread on its waker's CPU and to
 * let it preempt the waker; left runnable there, the waker makes the CPU
 * look busy for the whole frame, so the X server that GTK wakes next goes
 * to the other CPU (on a VM, a halted one), and the UI thread waits for it
 * and moves over (docs/threads.md). */
void
atomr_view_dispatcher_let_wakers_sleep (void)
{
#ifdef HAVE_SCHED_GETCPU
  if (atomic_load_explicit (&wakers_awake, memory_order_relaxed) > 0 &&
      atomic_load_explicit (&last_waker_cpu, memory_order_relaxed) == sched_getcpu ())
    sched_yield ();
#endif
}

guint
atomr_view_dispatcher_count_awake_wakers (void)
{
  return atomic_load_explicit (&wakers_awake, memory_order_relaxed);
}

AtomrViewDispatcherThread *
atomr_view_dispatcher_thread_get_current (void)
{
  return current_thread;
}

/* Whether running on @t's thread: inside its dispatch, or owning its context
 * (a GTK signal handler on the UI thread, for example). */
gboolean
atomr_view_dispatcher_thread_is_current (AtomrViewDispatcherThread *t)
{
  return current_thread == t || g_main_context_is_owner (t->context);
}

GMainContext *
atomr_view_dispatcher_get_own_context (void)
{
  return own_thread != NULL ? own_thread->context : NULL;
}

gboolean
atomr_view_dispatcher_in_any_thread (void)
{
  return on_dispatcher_thread || current_thread != NULL;
}

gboolean
atomr_view_dispatcher_run_after_batch (GDestroyNotify func,
                                       gpointer       data)
{
  AtomrViewAfterBatch job = { func, data };

  if (current_thread == NULL)
    return FALSE;
  g_array_append_val (current_thread->after_batch, job);
  return TRUE;
}
