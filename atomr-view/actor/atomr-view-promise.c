/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-error.h"
#include "atomr-view-init-private.h"
#include "atomr-view-lock-private.h"
#include "atomr-view-promise-private.h"

/* Blocking asks poll this long before sleeping: the reply usually comes
 * sooner than a halted vCPU wakes up. */
#define SPIN_US 30

enum {
  PENDING,
  COMPLETING,   /* a completer won; the result is being stored */
  DONE,
};

AtomrViewPromise *
atomr_view_promise_new (guint64 uid)
{
  AtomrViewPromise *self = g_new0 (AtomrViewPromise, 1);

  atomr_view_ref_count_init (&self->ref_count);
  atomic_init (&self->state, PENDING);
  self->path = g_strdup_printf ("/temp/$%" G_GINT64_MODIFIER "x", uid);
  atomr_view_lock_init (&self->lock);
  atomr_view_cond_init (&self->cond);
  return self;
}

AtomrViewPromise *
atomr_view_promise_ref (AtomrViewPromise *self)
{
  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

void
atomr_view_promise_unref (AtomrViewPromise *self)
{
  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  g_assert (self->task == NULL);
  g_clear_pointer (&self->reply, g_variant_unref);
  g_clear_error (&self->error);
  atomr_view_cond_clear (&self->cond);
  atomr_view_lock_clear (&self->lock);
  g_free (self->path);
  g_free (self);
}

gboolean
atomr_view_promise_is_done (AtomrViewPromise *self)
{
  return atomic_load_explicit (&self->state, memory_order_acquire) == DONE;
}

static void
destroy_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* Any thread. Takes @reply (sinking it) or @error; the first result wins. */
static gboolean
settle (AtomrViewPromise *self,
        GVariant         *reply,
        GError           *error)
{
  int expected = PENDING;
  GTask *task;

  if (!atomic_compare_exchange_strong (&self->state, &expected, COMPLETING))
    {
      if (reply != NULL)
        g_variant_unref (g_variant_ref_sink (reply));
      g_clear_error (&error);
      return FALSE;
    }

  /* The waiter may return and drop its references as soon as it sees DONE:
   * keep the promise alive until we are done with its lock. */
  atomr_view_promise_ref (self);
  self->reply = reply ? g_variant_ref_sink (reply) : NULL;
  self->error = error;
  task = g_steal_pointer (&self->task);

  atomr_view_lock (&self->lock);
  atomic_store_explicit (&self->state, DONE, memory_order_release);
  atomr_view_cond_broadcast (&self->cond);
  atomr_view_unlock (&self->lock);

  if (task != NULL)
    {
      destroy_source (&self->timeout_source);
      destroy_source (&self->cancel_source);
      if (self->error != NULL)
        g_task_return_error (task, g_error_copy (self->error));
      else
        g_task_return_pointer (task, g_variant_ref (self->reply), (GDestroyNotify) g_variant_unref);
      g_object_unref (task);
    }
  atomr_view_promise_unref (self);
  return TRUE;
}

gboolean
atomr_view_promise_complete (AtomrViewPromise *self,
                             GVariant         *reply)
{
  return settle (self, reply, NULL);
}

gboolean
atomr_view_promise_fail (AtomrViewPromise *self,
                         GError           *error)
{
  return settle (self, NULL, error);
}

static gboolean
timeout_cb (gpointer user_data)
{
  AtomrViewPromise *self = user_data;

  atomr_view_promise_fail (self, g_error_new (ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_TIMEOUT,
                                              _("No reply came in time")));
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  AtomrViewPromise *self = user_data;

  atomr_view_promise_fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                      _("The question was cancelled")));
  return G_SOURCE_REMOVE;
}

/* The asking thread, before the question is sent. */
void
atomr_view_promise_attach_task (AtomrViewPromise *self,
                                GTask            *task,
                                guint             timeout_ms,
                                GCancellable     *cancellable)
{
  GMainContext *context = g_task_get_context (task);

  self->task = g_object_ref (task);
  if (timeout_ms > 0)
    {
      self->timeout_source = g_timeout_source_new (timeout_ms);
      g_source_set_static_name (self->timeout_source, "[atomr-view] ask timeout");
      g_source_set_callback (self->timeout_source, timeout_cb, atomr_view_promise_ref (self),
                             (GDestroyNotify) atomr_view_promise_unref);
      g_source_attach (self->timeout_source, context);
    }
  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (self->cancel_source, "[atomr-view] ask cancellable");
      g_source_set_callback (self->cancel_source, (GSourceFunc) (void (*)(void)) cancelled_cb,
                             atomr_view_promise_ref (self), (GDestroyNotify) atomr_view_promise_unref);
      g_source_attach (self->cancel_source, context);
    }
}

static void
wake_waiter_cb (GCancellable *cancellable,
                gpointer      user_data)
{
  AtomrViewPromise *self = user_data;

  atomr_view_promise_fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                      _("The question was cancelled")));
}

/* The asking thread: waits for the result, @timeout_ms 0 meaning no limit. */
GVariant *
atomr_view_promise_wait (AtomrViewPromise  *self,
                         guint              timeout_ms,
                         GCancellable      *cancellable,
                         GError           **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = timeout_ms > 0 ? start + (gint64) timeout_ms * 1000 : G_MAXINT64;
  gint64 spin_until = start + SPIN_US;
  gulong cancel_id = 0;
  guint spins = 0;

  while (!atomr_view_promise_is_done (self))
    {
      atomr_view_cpu_relax ();
      if ((++spins & 31) == 0 && g_get_monotonic_time () > spin_until)
        break;
    }

  if (!atomr_view_promise_is_done (self))
    {
      if (cancellable != NULL)
        cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (wake_waiter_cb), self, NULL);

      atomr_view_lock (&self->lock);
      while (!atomr_view_promise_is_done (self))
        if (!atomr_view_cond_wait_until (&self->cond, &self->lock, deadline))
          {
            atomr_view_unlock (&self->lock);
            timeout_cb (self);
            atomr_view_lock (&self->lock);
          }
      atomr_view_unlock (&self->lock);

      if (cancel_id != 0)
        g_cancellable_disconnect (cancellable, cancel_id);
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return NULL;
    }
  return g_variant_ref (self->reply);
}
