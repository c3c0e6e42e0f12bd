/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "atomr-view-init-private.h"

#include <string.h>

#include "atomr-view-kinds.h"
#include "atomr-view-scene-error.h"
#include "atomr-view-scene-place-private.h"
#include "atomr-view-vocabulary-private.h"

/* The table of docs/scenes.md; atomr-view-kinds.h documents each name. */

typedef struct
{
  const char *name;
  const char *type;
} PropSpec;

typedef struct
{
  const char     *kind;
  const PropSpec *props;   /* ends with a NULL name */
} KindSpec;

static const PropSpec common_props[] = {
  { ATOMR_VIEW_PROP_VISIBLE, "b" },
  { ATOMR_VIEW_PROP_SENSITIVE, "b" },
  { ATOMR_VIEW_PROP_TOOLTIP, "s" },
  { ATOMR_VIEW_PROP_CSS_CLASSES, "as" },
  { ATOMR_VIEW_PROP_HEXPAND, "b" },
  { ATOMR_VIEW_PROP_VEXPAND, "b" },
  { ATOMR_VIEW_PROP_HALIGN, "s" },
  { ATOMR_VIEW_PROP_VALIGN, "s" },
  { ATOMR_VIEW_PROP_MIN_SIZE, "(dd)" },
  { NULL, NULL },
};
static const PropSpec container_props[] = {
  { ATOMR_VIEW_PROP_ORIENTATION, "s" },
  { ATOMR_VIEW_PROP_SPACING, "i" },
  { NULL, NULL },
};
static const PropSpec text_props[] = {
  { ATOMR_VIEW_PROP_TEXT, "s" },
  { ATOMR_VIEW_PROP_COLOR, "(dddd)" },
  { ATOMR_VIEW_PROP_WRAP, "b" },
  { NULL, NULL },
};
static const PropSpec button_props[] = {
  { ATOMR_VIEW_PROP_LABEL, "s" },
  { ATOMR_VIEW_PROP_ICON_NAME, "s" },
  { NULL, NULL },
};
static const PropSpec text_input_props[] = {
  { ATOMR_VIEW_PROP_TEXT, "s" },
  { ATOMR_VIEW_PROP_PLACEHOLDER, "s" },
  { ATOMR_VIEW_PROP_EDITABLE, "b" },
  { NULL, NULL },
};
static const PropSpec check_props[] = {
  { ATOMR_VIEW_PROP_LABEL, "s" },
  { ATOMR_VIEW_PROP_ACTIVE, "b" },
  { NULL, NULL },
};
static const PropSpec switch_props[] = {
  { ATOMR_VIEW_PROP_ACTIVE, "b" },
  { NULL, NULL },
};
static const PropSpec slider_props[] = {
  { ATOMR_VIEW_PROP_VALUE, "d" },
  { ATOMR_VIEW_PROP_MIN, "d" },
  { ATOMR_VIEW_PROP_MAX, "d" },
  { ATOMR_VIEW_PROP_STEP, "d" },
  { ATOMR_VIEW_PROP_ORIENTATION, "s" },
  { NULL, NULL },
};
static const PropSpec progress_props[] = {
  { ATOMR_VIEW_PROP_FRACTION, "d" },
  { ATOMR_VIEW_PROP_TEXT, "s" },
  { NULL, NULL },
};
static const PropSpec spinner_props[] = {
  { ATOMR_VIEW_PROP_SPINNING, "b" },
  { NULL, NULL },
};
static const PropSpec image_props[] = {
  { ATOMR_VIEW_PROP_ICON_NAME, "s" },
  { ATOMR_VIEW_PROP_FILE, "s" },
  { ATOMR_VIEW_PROP_PIXEL_SIZE, "i" },
  { NULL, NULL },
};
static const PropSpec orientation_only_props[] = {
  { ATOMR_VIEW_PROP_ORIENTATION, "s" },
  { NULL, NULL },
};
static const PropSpec no_props[] = {
  { NULL, NULL },
};
static const PropSpec region_props[] = {
  { ATOMR_VIEW_PROP_PLACEHOLDER, "s" },
  { NULL, NULL },
};

static const KindSpec core_kinds[] = {
  { ATOMR_VIEW_KIND_CONTAINER, container_props },
  { ATOMR_VIEW_KIND_TEXT, text_props },
  { ATOMR_VIEW_KIND_BUTTON, button_props },
  { ATOMR_VIEW_KIND_TEXT_INPUT, text_input_props },
  { ATOMR_VIEW_KIND_CHECK, check_props },
  { ATOMR_VIEW_KIND_SWITCH, switch_props },
  { ATOMR_VIEW_KIND_SLIDER, slider_props },
  { ATOMR_VIEW_KIND_PROGRESS, progress_props },
  { ATOMR_VIEW_KIND_SPINNER, spinner_props },
  { ATOMR_VIEW_KIND_IMAGE, image_props },
  { ATOMR_VIEW_KIND_SEPARATOR, orientation_only_props },
  { ATOMR_VIEW_KIND_SCROLL, no_props },
  { ATOMR_VIEW_KIND_LIST, no_props },
  { ATOMR_VIEW_KIND_REGION, region_props },
};

/* The interned names of core_kinds, so a lookup compares pointers. */
static const char *interned_kinds[G_N_ELEMENTS (core_kinds)];

static const KindSpec *
lookup_kind (const char *kind)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (core_kinds); i++)
        interned_kinds[i] = g_intern_static_string (core_kinds[i].kind);
      g_once_init_leave (&initialized, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (core_kinds); i++)
    if (interned_kinds[i] == kind)
      return &core_kinds[i];
  return NULL;
}

static const char *
lookup_prop (const PropSpec *props,
             const char     *name)
{
  for (; props->name != NULL; props++)
    if (strcmp (props->name, name) == 0)
      return props->type;
  return NULL;
}

const char *
atomr_view_vocabulary_prop_type (const char *kind,
                                 const char *name)
{
  const KindSpec *spec = lookup_kind (kind);
  const char *type;

  if (spec == NULL)
    return NULL;
  type = lookup_prop (spec->props, name);
  return type != NULL ? type : lookup_prop (common_props, name);
}

static const char *
describe_type (const char *type)
{
  if (strcmp (type, "s") == 0)
    return _("a string");
  if (strcmp (type, "b") == 0)
    return _("a boolean");
  if (strcmp (type, "i") == 0)
    return _("a 32-bit integer");
  if (strcmp (type, "d") == 0)
    return _("a number");
  if (strcmp (type, "as") == 0)
    return _("a list of strings");
  if (strcmp (type, "(dd)") == 0)
    return _("a vector (x, y)");
  if (strcmp (type, "(dddd)") == 0)
    return _("a colour (red, green, blue, alpha)");
  g_assert_not_reached ();
}

gboolean
atomr_view_vocabulary_check_prop (const char *kind,
                                  const char *name,
                                  GVariant   *value,
                                  const char *place,
                                  GError    **error)
{
  const char *type = atomr_view_vocabulary_prop_type (kind, name);

  if (type == NULL || strcmp (type, g_variant_get_type_string (value)) == 0)
    return TRUE;
  atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, place,
                           _("expected %s"), describe_type (type));
  return FALSE;
}
