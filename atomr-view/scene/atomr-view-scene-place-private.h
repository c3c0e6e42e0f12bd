/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a decoder is in a document, formatted only when an error names it:
 * `children[3].props.label`. */
typedef struct
{
  GArray *segments;
} AtomrViewPlace;

void  atomr_view_place_init       (AtomrViewPlace *place);
void  atomr_view_place_clear      (AtomrViewPlace *place);
/* @name must outlive its segment. */
void  atomr_view_place_push_name  (AtomrViewPlace *place,
                                   const char     *name);
void  atomr_view_place_push_index (AtomrViewPlace *place,
                                   guint           index);
void  atomr_view_place_pop        (AtomrViewPlace *place);
char *atomr_view_place_to_string  (AtomrViewPlace *place);
void  atomr_view_place_set_error  (AtomrViewPlace *place,
                                   GError        **error,
                                   gint            code,
                                   const char     *format,
                                   ...) G_GNUC_PRINTF (4, 5);

/* Sets an AtomrViewSceneError whose message is "@place: message", or only the
 * message when @place is empty. */
void  atomr_view_set_error_at     (GError        **error,
                                   gint            code,
                                   const char     *place,
                                   const char     *format,
                                   ...) G_GNUC_PRINTF (4, 5);
/* "[0, 7]" */
char *atomr_view_format_path      (const guint    *path,
                                   gsize           path_length);

G_END_DECLS
