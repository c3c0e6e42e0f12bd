/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-context.h"
#include "atomr-view-actor-ref.h"
#include "atomr-view-guardian-private.h"

/* The actors at the top of a system: the root `/`, and below it `/user` (the
 * parent of what users spawn) and `/system`. The root watches the two; when
 * `/user` has stopped it stops `/system`, and then itself, so that shutdown
 * stops user actors first. */
struct _AtomrViewGuardian
{
  AtomrViewActor parent_instance;
};

G_DEFINE_FINAL_TYPE (AtomrViewGuardian, atomr_view_guardian, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
atomr_view_guardian_pre_start (AtomrViewActor    *actor,
                               AtomrViewContext  *context,
                               GError           **error)
{
  g_autoptr(GPtrArray) children = atomr_view_context_dup_children (context);

  for (guint i = 0; i < children->len; i++)
    atomr_view_context_watch (context, g_ptr_array_index (children, i));
  return TRUE;
}

static void
atomr_view_guardian_terminated (AtomrViewActor    *actor,
                                AtomrViewContext  *context,
                                AtomrViewActorRef *child)
{
  g_autoptr(AtomrViewActorRef) system_guardian = atomr_view_context_get_child (context, "system");

  if (g_str_equal (atomr_view_actor_ref_get_name (child), "user") && system_guardian != NULL)
    atomr_view_context_stop (context, system_guardian);
  else
    atomr_view_context_stop (context, atomr_view_context_get_self (context));
}

static void
atomr_view_guardian_class_init (AtomrViewGuardianClass *klass)
{
  AtomrViewActorClass *actor_class = ATOMR_VIEW_ACTOR_CLASS (klass);

  actor_class->pre_start = atomr_view_guardian_pre_start;
  actor_class->terminated = atomr_view_guardian_terminated;
}

static void
atomr_view_guardian_init (AtomrViewGuardian *self)
{
}
