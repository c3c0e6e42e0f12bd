/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <gio/gio.h>

#include "atomr-view-actor-types.h"
#include "atomr-view-mpsc-private.h"

G_BEGIN_DECLS

typedef struct _AtomrViewCell             AtomrViewCell;
typedef struct _AtomrViewDispatcher       AtomrViewDispatcher;
typedef struct _AtomrViewDispatcherThread AtomrViewDispatcherThread;

/* One thread of a dispatcher: a GMainContext with one GSource that runs the
 * actors scheduled on it. Actors are pinned to one thread for life. */
struct _AtomrViewDispatcherThread
{
  AtomrViewDispatcher *dispatcher;
  GMainContext        *context;
  GThread             *thread;        /* NULL when on the default main context */
  GSource             *source;
  AtomrViewMpscQueue   run_queue;
  AtomrViewMpscNode   *local;         /* cells scheduled from this thread, newest first */
  guint                local_picks;   /* picks from @local since the last flush */
  _Atomic int          sleeping;      /* 1 while it may block in poll() */
  _Atomic int          quit;
  AtomrViewContext    *actor_context; /* reused for every actor run here */
  GArray              *after_batch;   /* AtomrViewAfterBatch, run when this run of actors ends */
  gboolean             woke_ui;       /* on its own thread: it woke the UI thread and has not slept since */
  GMainContext        *ui_to_wake;    /* a reference: woken when the running actor's turn ends */
  guint                index;
};

typedef struct
{
  GDestroyNotify func;
  gpointer       data;
} AtomrViewAfterBatch;

struct _AtomrViewDispatcher
{
  char                       *name;
  guint                       n_threads;
  guint                       throughput;
  gint64                      spin_us;
  gboolean                    on_default_context;
  AtomrViewDispatcherThread **threads;
  _Atomic guint               next_thread;
};

AtomrViewDispatcher       *atomr_view_dispatcher_new            (const char                *name,
                                                                 guint                      n_threads,
                                                                 guint                      throughput,
                                                                 gboolean                   on_default_context);
void                       atomr_view_dispatcher_stop           (AtomrViewDispatcher       *self);
void                       atomr_view_dispatcher_free           (AtomrViewDispatcher       *self);
AtomrViewDispatcherThread *atomr_view_dispatcher_pick_thread    (AtomrViewDispatcher       *self);
void                       atomr_view_dispatcher_thread_push    (AtomrViewDispatcherThread *thread,
                                                                 AtomrViewCell             *cell);
AtomrViewDispatcherThread *atomr_view_dispatcher_thread_get_current (void);
gboolean                   atomr_view_dispatcher_thread_is_current  (AtomrViewDispatcherThread *thread);
gboolean                   atomr_view_dispatcher_in_any_thread  (void);
/* On a thread of a dispatcher's own (not the UI thread's `ui`): its context,
 * whatever context is pushed for now. Elsewhere NULL. Transfer none. */
GMainContext              *atomr_view_dispatcher_get_own_context (void);
/* While actors run on this thread: calls @func (@data) once they are done,
 * before the thread goes back to its main loop, and returns TRUE. Anywhere
 * else returns FALSE and calls nothing. */
gboolean                   atomr_view_dispatcher_run_after_batch (GDestroyNotify            func,
                                                                  gpointer                  data);
/* Wakes the UI thread's @context: from an actor on a thread of a
 * dispatcher's own, once that actor's turn ends (and the thread then sleeps
 * without spinning first); anywhere else at once. */
void                       atomr_view_dispatcher_wake_ui        (GMainContext              *context);
/* On the UI thread, before it applies scenes: yields the CPU once if a
 * dispatcher thread that woke it has not slept since and was on this CPU. */
void                       atomr_view_dispatcher_let_wakers_sleep (void);
/* For tests: the dispatcher threads that woke the UI thread and have not
 * slept since. */
guint                      atomr_view_dispatcher_count_awake_wakers (void);

G_END_DECLS
