/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "atomr-view-actor-types.h"
#include "atomr-view-dispatcher-private.h"
#include "atomr-view-envelope-private.h"
#include "atomr-view-mailbox-private.h"

G_BEGIN_DECLS

typedef struct _AtomrViewSystemCore AtomrViewSystemCore;
typedef struct _AtomrViewCellExtras AtomrViewCellExtras;

typedef enum
{
  ATOMR_VIEW_CELL_CREATED,      /* waiting for its CREATE message */
  ATOMR_VIEW_CELL_RUNNING,
  ATOMR_VIEW_CELL_SUSPENDED,    /* failed; waiting for its supervisor */
  ATOMR_VIEW_CELL_RESTARTING,   /* waiting for its children to stop before recreating */
  ATOMR_VIEW_CELL_TERMINATING,  /* waiting for its children to stop before stopping */
  ATOMR_VIEW_CELL_TERMINATED,
} AtomrViewCellState;

/* The runtime side of one actor: its mailbox, its place in the tree, its
 * lifecycle. The AtomrViewActor instance is what users write; the cell
 * outlives restarts of it. Fields are grouped by the thread that owns them. */
struct _AtomrViewCell
{
  _Atomic int                ref_count;
  AtomrViewMpscNode          run_node;
  _Atomic int                scheduled;        /* in a run queue or running */
  _Atomic int                terminated;       /* tells now go to dead letters */
  AtomrViewMailbox           mailbox;

  /* Fixed at creation. */
  AtomrViewSystemCore       *system;
  AtomrViewCell             *parent;           /* strong; NULL for the root */
  AtomrViewDispatcherThread *thread;
  AtomrViewProps            *props;
  char                      *name;
  guint64                    uid;
  _Atomic (char *)           path;             /* built on first use */
  guint                      throughput;

  /* Under the system's children lock for this cell (any thread reads). */
  AtomrViewCell             *first_child;
  AtomrViewCell             *last_child;
  AtomrViewCell             *prev_sibling;
  AtomrViewCell             *next_sibling;
  GHashTable                *children_index;   /* name -> cell, once there are many */
  guint                      n_children;
  gboolean                   accepts_children;

  /* The cell's own thread. */
  AtomrViewCellState         state;
  AtomrViewActor            *actor;
  AtomrViewActorRef         *self_ref;         /* strong until termination */
  AtomrViewCellExtras       *extras;           /* allocated on first use */

  /* The parent's thread. */
  gboolean                   stop_requested;
  GArray                    *restart_times;    /* gint64 monotonic times */
};

AtomrViewCell     *atomr_view_cell_new_root         (AtomrViewSystemCore       *system,
                                                     AtomrViewProps            *props,
                                                     AtomrViewDispatcherThread *thread);
AtomrViewCell     *atomr_view_cell_ref              (AtomrViewCell             *self);
void               atomr_view_cell_unref            (AtomrViewCell             *self);

static inline AtomrViewMpscNode *
atomr_view_cell_get_run_node (AtomrViewCell *self)
{
  return &self->run_node;
}

static inline AtomrViewCell *
atomr_view_cell_from_run_node (AtomrViewMpscNode *node)
{
  return (AtomrViewCell *) ((char *) node - G_STRUCT_OFFSET (AtomrViewCell, run_node));
}

/* Any thread. */
void               atomr_view_cell_run              (AtomrViewCell             *self,
                                                     AtomrViewDispatcherThread *thread);
gboolean           atomr_view_cell_tell             (AtomrViewCell             *self,
                                                     GVariant                  *message,
                                                     AtomrViewActorRef         *sender,
                                                     GError                   **error);
gboolean           atomr_view_cell_enqueue          (AtomrViewCell             *self,
                                                     AtomrViewEnvelope         *envelope,
                                                     GError                   **error);
void               atomr_view_cell_send_system      (AtomrViewCell             *self,
                                                     AtomrViewEnvelopeKind      kind,
                                                     AtomrViewActorRef         *subject,
                                                     const GError              *error);
AtomrViewActorRef *atomr_view_cell_spawn            (AtomrViewCell             *parent,
                                                     AtomrViewProps            *props,
                                                     const char                *name,
                                                     GError                   **error);
AtomrViewActorRef *atomr_view_cell_dup_ref          (AtomrViewCell             *self);
const char        *atomr_view_cell_get_path         (AtomrViewCell             *self);
AtomrViewCell     *atomr_view_cell_lookup_child     (AtomrViewCell             *self,
                                                     const char                *name);
GPtrArray         *atomr_view_cell_dup_children     (AtomrViewCell             *self);
gboolean           atomr_view_cell_is_terminated    (AtomrViewCell             *self);

/* The cell's own thread, from its context. */
void               atomr_view_cell_stop             (AtomrViewCell             *self,
                                                     AtomrViewCell             *target);
void               atomr_view_cell_watch            (AtomrViewCell             *self,
                                                     AtomrViewActorRef         *target);
void               atomr_view_cell_unwatch          (AtomrViewCell             *self,
                                                     AtomrViewActorRef         *target);
void               atomr_view_cell_stash            (AtomrViewCell             *self,
                                                     AtomrViewEnvelope         *envelope);
void               atomr_view_cell_unstash_all      (AtomrViewCell             *self);
guint              atomr_view_cell_get_stash_size   (AtomrViewCell             *self);
void               atomr_view_cell_become           (AtomrViewCell             *self,
                                                     AtomrViewReceiveFunc       behaviour,
                                                     gpointer                   user_data,
                                                     GDestroyNotify             destroy,
                                                     gboolean                   discard_old);
void               atomr_view_cell_unbecome         (AtomrViewCell             *self);
void               atomr_view_cell_start_timer      (AtomrViewCell             *self,
                                                     const char                *key,
                                                     GVariant                  *message,
                                                     guint                      interval_ms,
                                                     gboolean                   periodic);
void               atomr_view_cell_cancel_timer     (AtomrViewCell             *self,
                                                     const char                *key);
gboolean           atomr_view_cell_is_timer_active  (AtomrViewCell             *self,
                                                     const char                *key);
void               atomr_view_cell_set_receive_timeout (AtomrViewCell          *self,
                                                     guint                      timeout_ms);
AtomrViewCell     *atomr_view_cell_get_parent       (AtomrViewCell             *self);

G_END_DECLS
