/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include "atomr-view-scene-error.h"
#include "atomr-view-scene-place-private.h"

typedef struct
{
  const char *name;   /* NULL for an index */
  guint       index;
} Segment;

void
atomr_view_place_init (AtomrViewPlace *place)
{
  place->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
}

void
atomr_view_place_clear (AtomrViewPlace *place)
{
  g_clear_pointer (&place->segments, g_array_unref);
}

void
atomr_view_place_push_name (AtomrViewPlace *place,
                            const char     *name)
{
  Segment segment = { name, 0 };

  g_array_append_val (place->segments, segment);
}

void
atomr_view_place_push_index (AtomrViewPlace *place,
                             guint           index)
{
  Segment segment = { NULL, index };

  g_array_append_val (place->segments, segment);
}

void
atomr_view_place_pop (AtomrViewPlace *place)
{
  g_assert (place->segments->len > 0);
  g_array_set_size (place->segments, place->segments->len - 1);
}

char *
atomr_view_place_to_string (AtomrViewPlace *place)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < place->segments->len; i++)
    {
      const Segment *segment = &g_array_index (place->segments, Segment, i);

      if (segment->name == NULL)
        g_string_append_printf (out, "[%u]", segment->index);
      else if (out->len == 0)
        g_string_append (out, segment->name);
      else
        g_string_append_printf (out, ".%s", segment->name);
    }
  return g_string_free (out, FALSE);
}

static void
set_error_valist (GError    **error,
                  gint        code,
                  const char *place,
                  const char *format,
                  va_list     args) G_GNUC_PRINTF (4, 0);

static void
set_error_valist (GError    **error,
                  gint        code,
                  const char *place,
                  const char *format,
                  va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (place == NULL || place[0] == '\0')
    g_set_error_literal (error, ATOMR_VIEW_SCENE_ERROR, code, message);
  else
    g_set_error (error, ATOMR_VIEW_SCENE_ERROR, code, "%s: %s", place, message);
}

void
atomr_view_set_error_at (GError    **error,
                         gint        code,
                         const char *place,
                         const char *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, code, place, format, args);
  va_end (args);
}

void
atomr_view_place_set_error (AtomrViewPlace *place,
                            GError        **error,
                            gint            code,
                            const char     *format,
                            ...)
{
  g_autofree char *where = atomr_view_place_to_string (place);
  va_list args;

  va_start (args, format);
  set_error_valist (error, code, where, format, args);
  va_end (args);
}

char *
atomr_view_format_path (const guint *path,
                        gsize        path_length)
{
  GString *out = g_string_new ("[");

  for (gsize i = 0; i < path_length; i++)
    g_string_append_printf (out, i == 0 ? "%u" : ", %u", path[i]);
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}
