/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-counter.h"

struct _BenchCounter
{
  AtomrViewActor parent_instance;
  gint64         count;
};

G_DEFINE_FINAL_TYPE (BenchCounter, bench_counter, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
bench_counter_receive (AtomrViewActor    *actor,
                       AtomrViewContext  *context,
                       GVariant          *message,
                       GError           **error)
{
  BenchCounter *self = BENCH_COUNTER (actor);

  if (g_variant_is_of_type (message, G_VARIANT_TYPE_INT64))
    {
      self->count++;
      if (atomr_view_context_get_sender (context) != NULL)
        atomr_view_context_reply (context, message);
    }
  else if (g_variant_is_of_type (message, G_VARIANT_TYPE_STRING))
    atomr_view_context_reply (context, g_variant_new_int64 (self->count));
  return TRUE;
}

static void
bench_counter_class_init (BenchCounterClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = bench_counter_receive;
}

static void
bench_counter_init (BenchCounter *self)
{
}
