/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-gtk-row-model-private.h"
#include "atomr-view-gtk-row-private.h"

/* The GListModel of a `list` node's rows: a view of the list mirror's
 * children array, so that get_item() is O(1) and the mirror stays the one
 * place that knows the rows. Runs of inserts or removes at neighbouring
 * places (what the diff makes when rows are added or cleared) reach the view
 * as one items-changed, not one per row; so do runs of replaced rows (what
 * the diff makes when every row is new). */

struct _AtomrViewGtkRowModel
{
  GObject    parent_instance;
  GPtrArray *rows;            /* NULL once detached */
  gboolean   pending;
  guint      position;        /* the pending change, as the view will see it */
  guint      removed;
  guint      added;
};

static void atomr_view_gtk_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtomrViewGtkRowModel, atomr_view_gtk_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      atomr_view_gtk_row_model_list_model_init))

static GType
atomr_view_gtk_row_model_get_item_type (GListModel *model)
{
  return ATOMR_VIEW_GTK_TYPE_ROW;
}

static guint
atomr_view_gtk_row_model_get_n_items (GListModel *model)
{
  AtomrViewGtkRowModel *self = ATOMR_VIEW_GTK_ROW_MODEL (model);

  return self->rows != NULL ? self->rows->len : 0;
}

static gpointer
atomr_view_gtk_row_model_get_item (GListModel *model,
                                   guint       position)
{
  AtomrViewGtkRowModel *self = ATOMR_VIEW_GTK_ROW_MODEL (model);
  AtomrViewGtkMirror *row;

  if (self->rows == NULL || position >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  /* Made when the view first asks: of 10 000 rows it asks for a screenful. */
  if (row->row == NULL)
    row->row = G_OBJECT (atomr_view_gtk_row_new (row));
  return g_object_ref (row->row);
}

static void
atomr_view_gtk_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atomr_view_gtk_row_model_get_item_type;
  iface->get_n_items = atomr_view_gtk_row_model_get_n_items;
  iface->get_item = atomr_view_gtk_row_model_get_item;
}

static void
atomr_view_gtk_row_model_finalize (GObject *object)
{
  AtomrViewGtkRowModel *self = ATOMR_VIEW_GTK_ROW_MODEL (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (atomr_view_gtk_row_model_parent_class)->finalize (object);
}

static void
atomr_view_gtk_row_model_class_init (AtomrViewGtkRowModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atomr_view_gtk_row_model_finalize;
}

static void
atomr_view_gtk_row_model_init (AtomrViewGtkRowModel *self)
{
}

AtomrViewGtkRowModel *
atomr_view_gtk_row_model_new (GPtrArray *rows)
{
  AtomrViewGtkRowModel *self = g_object_new (ATOMR_VIEW_GTK_TYPE_ROW_MODEL, NULL);

  self->rows = g_ptr_array_ref (rows);
  return self;
}

gboolean
atomr_view_gtk_row_model_flush (AtomrViewGtkRowModel *self)
{
  guint position = self->position, removed = self->removed, added = self->added;

  if (!self->pending)
    return FALSE;
  self->pending = FALSE;
  if (removed == 0 && added == 0)
    return FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  return TRUE;
}

static void
start (AtomrViewGtkRowModel *self,
       guint                 position,
       guint                 removed,
       guint                 added)
{
  atomr_view_gtk_row_model_flush (self);
  self->pending = TRUE;
  self->position = position;
  self->removed = removed;
  self->added = added;
}

/* The pending change, as the view will see it: the rows now at
 * [position, position + added) take the place of the `removed` rows the
 * view knows from `position` on; before and after it, the rows are the ones
 * the view knows. A note next to or inside that run grows it; any other
 * starts a new one. */

void
atomr_view_gtk_row_model_note_inserted (AtomrViewGtkRowModel *self,
                                        guint                 position)
{
  if (self->rows == NULL)
    return;
  /* Anywhere inside or right after a run of new rows: the run grows. */
  if (self->pending && position >= self->position && position <= self->position + self->added)
    self->added++;
  else
    start (self, position, 0, 1);
}

void
atomr_view_gtk_row_model_note_removed (AtomrViewGtkRowModel *self,
                                       guint                 position)
{
  if (self->rows == NULL)
    return;
  if (self->pending && position >= self->position && position < self->position + self->added)
    self->added--;                        /* a new row the view has not seen yet */
  else if (self->pending && position == self->position + self->added)
    self->removed++;                      /* the next old row */
  else if (self->pending && position + 1 == self->position)
    {
      self->position--;                   /* the old row before the run */
      self->removed++;
    }
  else
    start (self, position, 1, 0);
}

void
atomr_view_gtk_row_model_note_replaced (AtomrViewGtkRowModel *self,
                                        guint                 position)
{
  if (self->rows == NULL)
    return;
  if (self->pending && position >= self->position && position < self->position + self->added)
    return;                               /* a new row the view has not seen yet */
  if (self->pending && position == self->position + self->added)
    {
      self->removed++;                    /* the next old row */
      self->added++;
    }
  else if (self->pending && position + 1 == self->position)
    {
      self->position--;                   /* the old row before the run */
      self->removed++;
      self->added++;
    }
  else
    start (self, position, 1, 1);
}

void
atomr_view_gtk_row_model_changed (AtomrViewGtkRowModel *self,
                                  guint                 position,
                                  guint                 removed,
                                  guint                 added)
{
  if (self->rows == NULL)
    return;
  atomr_view_gtk_row_model_flush (self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

void
atomr_view_gtk_row_model_detach (AtomrViewGtkRowModel *self)
{
  self->pending = FALSE;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}
