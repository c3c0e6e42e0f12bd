/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

#include "atomr-view-refcount-private.h"

G_BEGIN_DECLS

typedef struct _AtomrViewCell  AtomrViewCell;
typedef struct _AtomrViewTimer AtomrViewTimer;

/* A keyed timer of one actor. It fires on the actor's thread and sends its
 * message through the mailbox; a message of a timer cancelled or restarted
 * since is dropped on delivery, so no message arrives after a cancel. */
struct _AtomrViewTimer
{
  AtomrViewRefCount ref_count;
  AtomrViewCell   *cell;         /* not a reference: cancelled before the cell goes */
  char            *key;
  GVariant        *message;
  GSource         *source;
  gboolean         periodic;
  gboolean         active;
};

AtomrViewTimer *atomr_view_timer_new    (AtomrViewCell  *cell,
                                         const char     *key,
                                         GVariant       *message,
                                         guint           interval_ms,
                                         gboolean        periodic,
                                         GMainContext   *context);
AtomrViewTimer *atomr_view_timer_ref    (AtomrViewTimer *self);
void            atomr_view_timer_unref  (AtomrViewTimer *self);
void            atomr_view_timer_cancel (AtomrViewTimer *self);

G_END_DECLS
