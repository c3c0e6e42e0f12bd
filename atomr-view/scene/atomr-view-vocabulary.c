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

#define MAX_KIND_PROPS 8

/* The interned names of core_kinds and of their props, so that a lookup
 * compares pointers: node kinds and prop names are interned. */
static const char *interned_kinds[G_N_ELEMENTS (core_kinds)];
static const char *interned_props[G_N_ELEMENTS (core_kinds)][MAX_KIND_PROPS];
static const char *interned_common[G_N_ELEMENTS (common_props)];

static void
intern_names (const PropSpec *props,
              const char    **names,
              gsize           size)
{
  gsize i;

  for (i = 0; props[i].name != NULL; i++)
    {
      g_assert (i < size);
      names[i] = g_intern_static_string (props[i].name);
    }
}

static void
ensure_interned (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (core_kinds); i++)
        {
          interned_kinds[i] = g_intern_static_string (core_kinds[i].kind);
          intern_names (core_kinds[i].props, interned_props[i], MAX_KIND_PROPS);
        }
      intern_names (common_props, interned_common, G_N_ELEMENTS (interned_common));
      g_once_init_leave (&initialized, 1);
    }
}

static int
lookup_kind (const char *kind)
{
  ensure_interned ();
  for (guint i = 0; i < G_N_ELEMENTS (core_kinds); i++)
    if (interned_kinds[i] == kind)
      return (int) i;
  return -1;
}

/* @name is interned. */
static const char *
lookup_prop (const PropSpec *props,
             const char    **interned,
             const char     *name)
{
  for (guint i = 0; props[i].name != NULL; i++)
    if (interned[i] == name)
      return props[i].type;
  return NULL;
}

static const char *
find_prop_type (const char *kind,
                const char *name)
{
  int index = lookup_kind (kind);
  const char *type;

  if (index < 0)
    return NULL;
  type = lookup_prop (core_kinds[index].props, interned_props[index], name);
  return type != NULL ? type : lookup_prop (common_props, interned_common, name);
}

#define RECENT_TYPES 64   /* a power of two */

typedef struct
{
  const char *kind;       /* interned; NULL for an empty slot */
  const char *name;       /* interned */
  const char *type;       /* NULL: the vocabulary does not say */
} RecentType;

/* Rows built by the thousand ask for the same few (kind, prop) pairs; the
 * answers, keyed by interned names, never change. */
static __thread RecentType recent_types[RECENT_TYPES];

const char *
atomr_view_vocabulary_prop_type (const char *kind,
                                 const char *name)
{
  RecentType *recent;

  /* Both interned (see the header): an address stands for one text. */
  recent = &recent_types[(((guintptr) kind >> 4) ^ ((guintptr) name >> 3)) & (RECENT_TYPES - 1)];
  if (recent->kind == kind && recent->name == name && kind != NULL)
    return recent->type;
  recent->type = find_prop_type (kind, name);
  recent->kind = kind;
  recent->name = name;
  return recent->type;
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
  return atomr_view_vocabulary_check_prop_type (kind, name, g_variant_get_type_string (value), place, error);
}

gboolean
atomr_view_vocabulary_check_prop_type (const char *kind,
                                       const char *name,
                                       const char *value_type,
                                       const char *place,
                                       GError    **error)
{
  const char *type = atomr_view_vocabulary_prop_type (kind, name);

  if (type == NULL || strcmp (type, value_type) == 0)
    return TRUE;
  atomr_view_set_error_at (error, ATOMR_VIEW_SCENE_ERROR_WRONG_TYPE, place,
                           _("expected %s"), describe_type (type));
  return FALSE;
}
