/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib-object.h>

#include "atomr-view-actor-types.h"
#include "atomr-view-mpsc-private.h"

G_BEGIN_DECLS

typedef struct _AtomrViewTimer AtomrViewTimer;

typedef enum
{
  ATOMR_VIEW_ENVELOPE_USER,
  ATOMR_VIEW_ENVELOPE_TIMER,            /* a user message sent by a timer */
  ATOMR_VIEW_ENVELOPE_RECEIVE_TIMEOUT,
  /* System messages: always handled before user messages. */
  ATOMR_VIEW_ENVELOPE_CREATE,
  ATOMR_VIEW_ENVELOPE_FAILED,           /* child -> parent: subject failed with error */
  ATOMR_VIEW_ENVELOPE_RESUME,
  ATOMR_VIEW_ENVELOPE_RESTART,          /* error is the cause */
  ATOMR_VIEW_ENVELOPE_STOP,
  ATOMR_VIEW_ENVELOPE_WATCH,            /* subject wants to know when we die */
  ATOMR_VIEW_ENVELOPE_UNWATCH,
  ATOMR_VIEW_ENVELOPE_DEATH_NOTICE,     /* subject, which we watch, has died */
  ATOMR_VIEW_ENVELOPE_CHILD_TERMINATED, /* subject, our child, has died */
} AtomrViewEnvelopeKind;

/* One message on its way to an actor. Owned by whoever holds it; every
 * pointer field is a strong reference. */
typedef struct
{
  AtomrViewMpscNode      node;
  AtomrViewEnvelopeKind  kind;
  union {
    struct {
      GVariant          *message;
      AtomrViewActorRef *sender;
      AtomrViewTimer    *timer;     /* for ATOMR_VIEW_ENVELOPE_TIMER */
    } user;
    struct {
      AtomrViewActorRef *subject;
      GError            *error;
    } sys;
  };
} AtomrViewEnvelope;

AtomrViewEnvelope *atomr_view_envelope_new_user   (GVariant              *message,
                                                   AtomrViewActorRef     *sender);
AtomrViewEnvelope *atomr_view_envelope_new_system (AtomrViewEnvelopeKind  kind,
                                                   AtomrViewActorRef     *subject,
                                                   const GError          *error);
void               atomr_view_envelope_free       (AtomrViewEnvelope     *envelope);

static inline gboolean
atomr_view_envelope_is_system (const AtomrViewEnvelope *envelope)
{
  return envelope->kind >= ATOMR_VIEW_ENVELOPE_CREATE;
}

static inline AtomrViewEnvelope *
atomr_view_envelope_from_node (AtomrViewMpscNode *node)
{
  return (AtomrViewEnvelope *) node;
}

G_END_DECLS
