/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-envelope-private.h"
#include "atomr-view-timer-private.h"

AtomrViewEnvelope *
atomr_view_envelope_new_user (GVariant          *message,
                              AtomrViewActorRef *sender)
{
  AtomrViewEnvelope *envelope = g_new (AtomrViewEnvelope, 1);

  envelope->kind = ATOMR_VIEW_ENVELOPE_USER;
  envelope->user.message = g_variant_ref_sink (message);
  envelope->user.sender = sender ? g_object_ref (sender) : NULL;
  envelope->user.timer = NULL;
  return envelope;
}

AtomrViewEnvelope *
atomr_view_envelope_new_system (AtomrViewEnvelopeKind  kind,
                                AtomrViewActorRef     *subject,
                                const GError          *error)
{
  AtomrViewEnvelope *envelope = g_new (AtomrViewEnvelope, 1);

  envelope->kind = kind;
  envelope->sys.subject = subject ? g_object_ref (subject) : NULL;
  envelope->sys.error = error ? g_error_copy (error) : NULL;
  return envelope;
}

void
atomr_view_envelope_free (AtomrViewEnvelope *envelope)
{
  if (atomr_view_envelope_is_system (envelope))
    {
      g_clear_object (&envelope->sys.subject);
      g_clear_error (&envelope->sys.error);
    }
  else
    {
      g_clear_pointer (&envelope->user.message, g_variant_unref);
      g_clear_object (&envelope->user.sender);
      g_clear_pointer (&envelope->user.timer, atomr_view_timer_unref);
    }
  g_free (envelope);
}
