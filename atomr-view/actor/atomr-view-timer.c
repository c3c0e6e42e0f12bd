/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-cell-private.h"
#include "atomr-view-timer-private.h"

static gboolean
timer_fired_cb (gpointer user_data)
{
  AtomrViewTimer *self = user_data;
  AtomrViewEnvelope *envelope;

  if (!self->active)
    return G_SOURCE_REMOVE;

  envelope = atomr_view_envelope_new_user (self->message, NULL);
  envelope->kind = ATOMR_VIEW_ENVELOPE_TIMER;
  envelope->user.timer = atomr_view_timer_ref (self);
  atomr_view_cell_enqueue (self->cell, envelope, NULL);

  return self->periodic ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

AtomrViewTimer *
atomr_view_timer_new (AtomrViewCell *cell,
                      const char    *key,
                      GVariant      *message,
                      guint          interval_ms,
                      gboolean       periodic,
                      GMainContext  *context)
{
  AtomrViewTimer *self = g_new0 (AtomrViewTimer, 1);

  atomr_view_ref_count_init (&self->ref_count);
  self->cell = cell;
  self->key = g_strdup (key);
  self->message = g_variant_ref_sink (message);
  self->periodic = periodic;
  self->active = TRUE;
  self->source = g_timeout_source_new (interval_ms);
  g_source_set_static_name (self->source, "[atomr-view] actor timer");
  g_source_set_callback (self->source, timer_fired_cb, atomr_view_timer_ref (self),
                         (GDestroyNotify) atomr_view_timer_unref);
  g_source_attach (self->source, context);
  return self;
}

AtomrViewTimer *
atomr_view_timer_ref (AtomrViewTimer *self)
{
  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

void
atomr_view_timer_unref (AtomrViewTimer *self)
{
  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  g_assert (self->source == NULL);
  g_variant_unref (self->message);
  g_free (self->key);
  g_free (self);
}

/* The cell's thread. Idempotent. */
void
atomr_view_timer_cancel (AtomrViewTimer *self)
{
  self->active = FALSE;
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
}
