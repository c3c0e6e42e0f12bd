/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stdatomic.h>

#include <gio/gio.h>

#include "atomr-view-refcount-private.h"

#include "atomr-view-lock-private.h"

G_BEGIN_DECLS

typedef struct _AtomrViewPromise AtomrViewPromise;

/* The reply slot of one ask. Its ActorRef is the sender of the question;
 * the first message told to it, or the first failure, completes it. */
struct _AtomrViewPromise
{
  AtomrViewRefCount ref_count;
  _Atomic int      state;
  char            *path;
  GVariant        *reply;
  GError          *error;

  /* ask_async: */
  GTask           *task;
  GSource         *timeout_source;
  GSource         *cancel_source;

  /* ask_sync: */
  AtomrViewLock    lock;
  AtomrViewCond    cond;
};

AtomrViewPromise *atomr_view_promise_new       (guint64           uid);
AtomrViewPromise *atomr_view_promise_ref       (AtomrViewPromise *self);
void              atomr_view_promise_unref     (AtomrViewPromise *self);
gboolean          atomr_view_promise_complete  (AtomrViewPromise *self,
                                                GVariant         *reply);
gboolean          atomr_view_promise_fail      (AtomrViewPromise *self,
                                                GError           *error);
void              atomr_view_promise_attach_task (AtomrViewPromise *self,
                                                GTask            *task,
                                                guint             timeout_ms,
                                                GCancellable     *cancellable);
GVariant         *atomr_view_promise_wait      (AtomrViewPromise *self,
                                                guint             timeout_ms,
                                                GCancellable     *cancellable,
                                                GError          **error);
gboolean          atomr_view_promise_is_done   (AtomrViewPromise *self);

G_END_DECLS
