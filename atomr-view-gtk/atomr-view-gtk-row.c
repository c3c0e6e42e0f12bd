/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-gtk-row-private.h"

/* The item a GtkListView sees for one row of a `list` node. It points at the
 * row's mirror, which owns it; the list view may keep the item a little
 * longer than the mirror lives, so the mirror clears the pointer first. */

struct _AtomrViewGtkRow
{
  GObject             parent_instance;
  AtomrViewGtkMirror *mirror;
};

G_DEFINE_FINAL_TYPE (AtomrViewGtkRow, atomr_view_gtk_row, G_TYPE_OBJECT)

static void
atomr_view_gtk_row_class_init (AtomrViewGtkRowClass *klass)
{
}

static void
atomr_view_gtk_row_init (AtomrViewGtkRow *self)
{
}

AtomrViewGtkRow *
atomr_view_gtk_row_new (AtomrViewGtkMirror *mirror)
{
  AtomrViewGtkRow *self = g_object_new (ATOMR_VIEW_GTK_TYPE_ROW, NULL);

  self->mirror = mirror;
  return self;
}

AtomrViewGtkMirror *
atomr_view_gtk_row_get_mirror (AtomrViewGtkRow *self)
{
  g_return_val_if_fail (ATOMR_VIEW_GTK_IS_ROW (self), NULL);

  return self->mirror;
}

void
atomr_view_gtk_row_forget (AtomrViewGtkRow *self)
{
  g_return_if_fail (ATOMR_VIEW_GTK_IS_ROW (self));

  self->mirror = NULL;
}
