/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "atomr-view-gtk-kind-private.h"
#include "atomr-view-gtk-row-model-private.h"
#include "atomr-view-gtk-value-private.h"

/* The kinds a scene may use on GTK: the core vocabulary of atomr-view-kinds.h,
 * each with the props it documents, and any GtkWidget type named as a kind.
 * Every kind also takes the common props (visible, css-classes, ...), and
 * any other prop passes through to a GObject property of the kind's widget. */

typedef void     (*ApplyFunc) (AtomrViewGtkMirror  *mirror,
                               GVariant            *value);
typedef gboolean (*CheckFunc) (GVariant            *value,
                               GError             **error);

typedef struct
{
  const char *name;
  const char *type;     /* the GVariant type the vocabulary documents */
  ApplyFunc   apply;    /* a NULL value puts the default back */
  CheckFunc   check;    /* what the type alone does not say, or NULL */
} PropSpec;

struct _AtomrViewGtkKind
{
  const char           *name;
  GType               (*target_type) (void);  /* core kinds: the type that passed-through props go to */
  GType                 type;                 /* GtkWidget types named as kinds */
  const PropSpec       *props;
  AtomrViewGtkChildren  children;
  gboolean              fills;                /* expands both ways by default */
  void                (*create)           (AtomrViewGtkMirror *mirror);
  void                (*release)          (AtomrViewGtkMirror *mirror);
  void                (*children_changed) (AtomrViewGtkMirror *mirror);
};

static GType
kind_target_type (const AtomrViewGtkKind *kind)
{
  return kind->target_type != NULL ? kind->target_type () : kind->type;
}

/* -- helpers ------------------------------------------------------------- */

/* Interned names lie close together: mix their addresses well (Fibonacci hashing). */
static guint
address_hash (gconstpointer first,
              gconstpointer second)
{
  guint64 mixed = ((guint64) (guintptr) first * 31u + (guint64) (guintptr) second) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (mixed >> 32);
}

static const char *
get_string (GVariant   *value,
            const char *fallback)
{
  return value != NULL ? g_variant_get_string (value, NULL) : fallback;
}

static gboolean
get_boolean (GVariant *value,
             gboolean  fallback)
{
  return value != NULL ? g_variant_get_boolean (value) : fallback;
}

static double
get_number (GVariant *value,
            double    fallback)
{
  double number = fallback;

  if (value != NULL)
    atomr_view_gtk_variant_get_number (value, &number);
  return number;
}

static gboolean
check_one_of (GVariant            *value,
              const char * const  *allowed,
              GError             **error)
{
  const char *text = g_variant_get_string (value, NULL);
  g_autofree char *list = NULL;

  if (g_strv_contains (allowed, text))
    return TRUE;
  list = g_strjoinv ("”, “", (char **) allowed);
  g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
               _("“%s” is not one of “%s”"), text, list);
  return FALSE;
}

static const char * const orientations[] = { "horizontal", "vertical", NULL };
static const char * const alignments[] = { "fill", "start", "end", "center", "baseline", NULL };

static gboolean
check_orientation (GVariant  *value,
                   GError   **error)
{
  return check_one_of (value, orientations, error);
}

static gboolean
check_alignment (GVariant  *value,
                 GError   **error)
{
  return check_one_of (value, alignments, error);
}

static GtkOrientation
parse_orientation (GVariant       *value,
                   GtkOrientation  fallback)
{
  if (value == NULL)
    return fallback;
  return g_str_equal (g_variant_get_string (value, NULL), "vertical") ? GTK_ORIENTATION_VERTICAL
                                                                      : GTK_ORIENTATION_HORIZONTAL;
}

static GtkAlign
parse_alignment (GVariant *value)
{
  const char *text = get_string (value, "fill");

  if (g_str_equal (text, "start"))
    return GTK_ALIGN_START;
  if (g_str_equal (text, "end"))
    return GTK_ALIGN_END;
  if (g_str_equal (text, "center"))
    return GTK_ALIGN_CENTER;
  if (g_str_equal (text, "baseline"))
    return GTK_ALIGN_BASELINE;
  return GTK_ALIGN_FILL;
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* -- common props ---------------------------------------------------------- */

static void
apply_visible (AtomrViewGtkMirror *mirror,
               GVariant           *value)
{
  gtk_widget_set_visible (mirror->widget, get_boolean (value, TRUE));
}

static void
apply_sensitive (AtomrViewGtkMirror *mirror,
                 GVariant           *value)
{
  gtk_widget_set_sensitive (mirror->widget, get_boolean (value, TRUE));
}

static void
apply_tooltip (AtomrViewGtkMirror *mirror,
               GVariant           *value)
{
  gtk_widget_set_tooltip_text (mirror->widget, get_string (value, NULL));
}

static void
apply_css_classes (AtomrViewGtkMirror *mirror,
                   GVariant           *value)
{
  GtkWidget *widget = GTK_WIDGET (mirror->target);

  /* Only the classes the scene added go: GTK's own classes of the widget stay. */
  for (guint i = 0; mirror->css_classes != NULL && mirror->css_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, mirror->css_classes[i]);
  g_clear_pointer (&mirror->css_classes, g_strfreev);
  if (value == NULL)
    return;
  mirror->css_classes = g_variant_dup_strv (value, NULL);
  for (guint i = 0; mirror->css_classes[i] != NULL; i++)
    if (*mirror->css_classes[i] != '\0')
      gtk_widget_add_css_class (widget, mirror->css_classes[i]);
}

static void
apply_hexpand (AtomrViewGtkMirror *mirror,
               GVariant           *value)
{
  if (value != NULL)
    gtk_widget_set_hexpand (mirror->widget, g_variant_get_boolean (value));
  else if (mirror->kind->fills)
    gtk_widget_set_hexpand (mirror->widget, TRUE);
  else
    gtk_widget_set_hexpand_set (mirror->widget, FALSE);
}

static void
apply_vexpand (AtomrViewGtkMirror *mirror,
               GVariant           *value)
{
  if (value != NULL)
    gtk_widget_set_vexpand (mirror->widget, g_variant_get_boolean (value));
  else if (mirror->kind->fills)
    gtk_widget_set_vexpand (mirror->widget, TRUE);
  else
    gtk_widget_set_vexpand_set (mirror->widget, FALSE);
}

static void
apply_halign (AtomrViewGtkMirror *mirror,
              GVariant           *value)
{
  gtk_widget_set_halign (mirror->widget, parse_alignment (value));
}

static void
apply_valign (AtomrViewGtkMirror *mirror,
              GVariant           *value)
{
  gtk_widget_set_valign (mirror->widget, parse_alignment (value));
}

static void
apply_min_size (AtomrViewGtkMirror *mirror,
                GVariant           *value)
{
  double width = -1, height = -1;

  if (value != NULL)
    g_variant_get (value, "(dd)", &width, &height);
  gtk_widget_set_size_request (mirror->widget,
                               width >= 0 ? (int) MIN (width, G_MAXINT) : -1,
                               height >= 0 ? (int) MIN (height, G_MAXINT) : -1);
}

static gboolean
check_min_size (GVariant  *value,
                GError   **error)
{
  double width, height;

  g_variant_get (value, "(dd)", &width, &height);
  if (isfinite (width) && isfinite (height))
    return TRUE;
  g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
               _("a size must be finite"));
  return FALSE;
}

static const PropSpec common_props[] = {
  { ATOMR_VIEW_PROP_VISIBLE, "b", apply_visible, NULL },
  { ATOMR_VIEW_PROP_SENSITIVE, "b", apply_sensitive, NULL },
  { ATOMR_VIEW_PROP_TOOLTIP, "s", apply_tooltip, NULL },
  { ATOMR_VIEW_PROP_CSS_CLASSES, "as", apply_css_classes, NULL },
  { ATOMR_VIEW_PROP_HEXPAND, "b", apply_hexpand, NULL },
  { ATOMR_VIEW_PROP_VEXPAND, "b", apply_vexpand, NULL },
  { ATOMR_VIEW_PROP_HALIGN, "s", apply_halign, check_alignment },
  { ATOMR_VIEW_PROP_VALIGN, "s", apply_valign, check_alignment },
  { ATOMR_VIEW_PROP_MIN_SIZE, "(dd)", apply_min_size, check_min_size },
  { NULL },
};

/* -- container ------------------------------------------------------------- */

static void
container_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
}

static void
container_apply_orientation (AtomrViewGtkMirror *mirror,
                             GVariant           *value)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (mirror->widget),
                                  parse_orientation (value, GTK_ORIENTATION_VERTICAL));
}

static void
container_apply_spacing (AtomrViewGtkMirror *mirror,
                         GVariant           *value)
{
  gtk_box_set_spacing (GTK_BOX (mirror->widget), (int) get_number (value, 0));
}

static gboolean
check_not_negative (GVariant  *value,
                    GError   **error)
{
  if (get_number (value, 0) >= 0)
    return TRUE;
  g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
               _("it must not be negative"));
  return FALSE;
}

static const PropSpec container_props[] = {
  { ATOMR_VIEW_PROP_ORIENTATION, "s", container_apply_orientation, check_orientation },
  { ATOMR_VIEW_PROP_SPACING, "i", container_apply_spacing, check_not_negative },
  { NULL },
};

/* -- text ------------------------------------------------------------------ */

static void
text_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_label_new (NULL);
}

static void
text_apply_text (AtomrViewGtkMirror *mirror,
                 GVariant           *value)
{
  gtk_label_set_text (GTK_LABEL (mirror->widget), get_string (value, ""));
}

static guint16
color_channel (double channel)
{
  return (guint16) (CLAMP (channel, 0.0, 1.0) * G_MAXUINT16 + 0.5);
}

static void
text_apply_color (AtomrViewGtkMirror *mirror,
                  GVariant           *value)
{
  PangoAttrList *attributes;
  double red, green, blue, alpha;

  if (value == NULL)
    {
      gtk_label_set_attributes (GTK_LABEL (mirror->widget), NULL);
      return;
    }
  g_variant_get (value, "(dddd)", &red, &green, &blue, &alpha);
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_foreground_new (color_channel (red), color_channel (green),
                                                                 color_channel (blue)));
  pango_attr_list_insert (attributes, pango_attr_foreground_alpha_new (color_channel (alpha)));
  gtk_label_set_attributes (GTK_LABEL (mirror->widget), attributes);
  pango_attr_list_unref (attributes);
}

static void
text_apply_wrap (AtomrViewGtkMirror *mirror,
                 GVariant           *value)
{
  gtk_label_set_wrap (GTK_LABEL (mirror->widget), get_boolean (value, FALSE));
}

static const PropSpec text_props[] = {
  { ATOMR_VIEW_PROP_TEXT, "s", text_apply_text, NULL },
  { ATOMR_VIEW_PROP_COLOR, "(dddd)", text_apply_color, NULL },
  { ATOMR_VIEW_PROP_WRAP, "b", text_apply_wrap, NULL },
  { NULL },
};

/* -- button ---------------------------------------------------------------- */

typedef struct
{
  char *label;
  char *icon_name;
} ButtonState;

static void
button_state_free (ButtonState *state)
{
  g_free (state->label);
  g_free (state->icon_name);
  g_free (state);
}

static void
button_clicked_cb (GtkButton          *button,
                   AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_CLICKED, NULL);
}

static void
button_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_button_new ();
  mirror->data = g_new0 (ButtonState, 1);
  g_signal_connect (mirror->widget, "clicked", G_CALLBACK (button_clicked_cb), mirror);
}

static void
button_release (AtomrViewGtkMirror *mirror)
{
  button_state_free (mirror->data);
}

/* A label, an icon, or both side by side. */
static void
button_update (AtomrViewGtkMirror *mirror)
{
  ButtonState *state = mirror->data;
  GtkButton *button = GTK_BUTTON (mirror->widget);

  if (state->label != NULL && state->icon_name != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (state->icon_name));
      gtk_box_append (GTK_BOX (box), gtk_label_new (state->label));
      gtk_button_set_child (button, box);
    }
  else if (state->icon_name != NULL)
    gtk_button_set_icon_name (button, state->icon_name);
  else
    gtk_button_set_label (button, state->label != NULL ? state->label : "");
}

static void
button_apply_label (AtomrViewGtkMirror *mirror,
                    GVariant           *value)
{
  ButtonState *state = mirror->data;

  g_free (state->label);
  state->label = g_strdup (get_string (value, NULL));
  button_update (mirror);
}

static void
button_apply_icon_name (AtomrViewGtkMirror *mirror,
                        GVariant           *value)
{
  ButtonState *state = mirror->data;

  g_free (state->icon_name);
  state->icon_name = g_strdup (get_string (value, NULL));
  button_update (mirror);
}

static const PropSpec button_props[] = {
  { ATOMR_VIEW_PROP_LABEL, "s", button_apply_label, NULL },
  { ATOMR_VIEW_PROP_ICON_NAME, "s", button_apply_icon_name, NULL },
  { NULL },
};

/* -- text-input -------------------------------------------------------------- */

/* The texts the entry reported while the user typed, oldest first. An actor
 * that echoes them into its scene lags behind the keyboard: a scene text
 * found here is such an echo and must not undo newer keystrokes. */
#define ENTRY_MAX_SENT 64

typedef struct
{
  GQueue sent;
  guint  epoch;    /* the tree's event count after the last of them */
} EntryState;

static void
entry_state_free (EntryState *state)
{
  g_queue_clear_full (&state->sent, g_free);
  g_free (state);
}

static void
entry_changed_cb (GtkEditable        *editable,
                  AtomrViewGtkMirror *mirror)
{
  EntryState *state = mirror->data;
  const char *text = gtk_editable_get_text (editable);

  if (atomr_view_gtk_mirror_is_busy (mirror))
    return;
  if (state->sent.length == ENTRY_MAX_SENT)
    g_free (g_queue_pop_head (&state->sent));
  g_queue_push_tail (&state->sent, g_strdup (text));
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_CHANGED, g_variant_new_string (text));
  state->epoch = atomr_view_gtk_tree_get_epoch (mirror->tree);
}

static void
entry_activate_cb (GtkEntry           *entry,
                   AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_ACTIVATE,
                              g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
entry_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_entry_new ();
  mirror->data = g_new0 (EntryState, 1);
  g_signal_connect (mirror->widget, "changed", G_CALLBACK (entry_changed_cb), mirror);
  g_signal_connect (mirror->widget, "activate", G_CALLBACK (entry_activate_cb), mirror);
}

static void
entry_release (AtomrViewGtkMirror *mirror)
{
  entry_state_free (mirror->data);
}

/* Pops the sent texts up to @text; FALSE when @text was not among them. */
static gboolean
entry_take_echo (EntryState *state,
                 const char *text)
{
  GList *link = g_queue_find_custom (&state->sent, text, (GCompareFunc) g_strcmp0);

  if (link == NULL)
    return FALSE;
  while (g_queue_peek_head_link (&state->sent) != link)
    g_free (g_queue_pop_head (&state->sent));
  g_free (g_queue_pop_head (&state->sent));
  return TRUE;
}

static void
entry_apply_text (AtomrViewGtkMirror *mirror,
                  GVariant           *value)
{
  GtkEditable *editable = GTK_EDITABLE (mirror->widget);
  EntryState *state = mirror->data;
  const char *text = get_string (value, "");
  int position;

  if (g_strcmp0 (gtk_editable_get_text (editable), text) == 0)
    {
      g_queue_clear_full (&state->sent, g_free);
      return;
    }
  /* An echo of the user's own typing, unless the user did something else since. */
  if (state->epoch == atomr_view_gtk_tree_get_epoch (mirror->tree) && entry_take_echo (state, text))
    return;
  g_queue_clear_full (&state->sent, g_free);
  position = gtk_editable_get_position (editable);
  gtk_editable_set_text (editable, text);
  if (focus_within (mirror->widget))
    gtk_editable_set_position (editable, MIN (position, (int) g_utf8_strlen (text, -1)));
}

static void
entry_apply_placeholder (AtomrViewGtkMirror *mirror,
                         GVariant           *value)
{
  gtk_entry_set_placeholder_text (GTK_ENTRY (mirror->widget), get_string (value, NULL));
}

static void
entry_apply_editable (AtomrViewGtkMirror *mirror,
                      GVariant           *value)
{
  gtk_editable_set_editable (GTK_EDITABLE (mirror->widget), get_boolean (value, TRUE));
}

static const PropSpec entry_props[] = {
  { ATOMR_VIEW_PROP_TEXT, "s", entry_apply_text, NULL },
  { ATOMR_VIEW_PROP_PLACEHOLDER, "s", entry_apply_placeholder, NULL },
  { ATOMR_VIEW_PROP_EDITABLE, "b", entry_apply_editable, NULL },
  { NULL },
};

/* -- check and switch ------------------------------------------------------ */

static void
check_toggled_cb (GtkCheckButton     *check,
                  AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_TOGGLED,
                              g_variant_new_boolean (gtk_check_button_get_active (check)));
}

static void
check_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_check_button_new ();
  g_signal_connect (mirror->widget, "toggled", G_CALLBACK (check_toggled_cb), mirror);
}

static void
check_apply_label (AtomrViewGtkMirror *mirror,
                   GVariant           *value)
{
  gtk_check_button_set_label (GTK_CHECK_BUTTON (mirror->widget), get_string (value, NULL));
}

static void
check_apply_active (AtomrViewGtkMirror *mirror,
                    GVariant           *value)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mirror->widget), get_boolean (value, FALSE));
}

static const PropSpec check_props[] = {
  { ATOMR_VIEW_PROP_LABEL, "s", check_apply_label, NULL },
  { ATOMR_VIEW_PROP_ACTIVE, "b", check_apply_active, NULL },
  { NULL },
};

static void
switch_active_cb (GtkSwitch          *widget,
                  GParamSpec         *pspec,
                  AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_TOGGLED,
                              g_variant_new_boolean (gtk_switch_get_active (widget)));
}

static void
switch_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_switch_new ();
  g_signal_connect (mirror->widget, "notify::active", G_CALLBACK (switch_active_cb), mirror);
}

static void
switch_apply_active (AtomrViewGtkMirror *mirror,
                     GVariant           *value)
{
  gtk_switch_set_active (GTK_SWITCH (mirror->widget), get_boolean (value, FALSE));
}

static const PropSpec switch_props[] = {
  { ATOMR_VIEW_PROP_ACTIVE, "b", switch_apply_active, NULL },
  { NULL },
};

/* -- slider ------------------------------------------------------------------ */

static void
range_value_changed_cb (GtkRange           *range,
                        AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_VALUE_CHANGED,
                              g_variant_new_double (gtk_range_get_value (range)));
}

static void
slider_create (AtomrViewGtkMirror *mirror)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, 100, 1, 10, 0);

  mirror->widget = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, adjustment);
  g_signal_connect (mirror->widget, "value-changed", G_CALLBACK (range_value_changed_cb), mirror);
}

static GtkAdjustment *
slider_adjustment (AtomrViewGtkMirror *mirror)
{
  return gtk_range_get_adjustment (GTK_RANGE (mirror->widget));
}

static void
slider_apply_value (AtomrViewGtkMirror *mirror,
                    GVariant           *value)
{
  gtk_range_set_value (GTK_RANGE (mirror->widget),
                       get_number (value, gtk_adjustment_get_lower (slider_adjustment (mirror))));
}

static void
slider_apply_min (AtomrViewGtkMirror *mirror,
                  GVariant           *value)
{
  gtk_adjustment_set_lower (slider_adjustment (mirror), get_number (value, 0));
}

static void
slider_apply_max (AtomrViewGtkMirror *mirror,
                  GVariant           *value)
{
  gtk_adjustment_set_upper (slider_adjustment (mirror), get_number (value, 100));
}

static void
slider_apply_step (AtomrViewGtkMirror *mirror,
                   GVariant           *value)
{
  double step = get_number (value, 1);

  gtk_adjustment_set_step_increment (slider_adjustment (mirror), step);
  gtk_adjustment_set_page_increment (slider_adjustment (mirror), step * 10);
}

static void
slider_apply_orientation (AtomrViewGtkMirror *mirror,
                          GVariant           *value)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (mirror->widget),
                                  parse_orientation (value, GTK_ORIENTATION_HORIZONTAL));
}

static gboolean
check_positive (GVariant  *value,
                GError   **error)
{
  if (get_number (value, 1) > 0)
    return TRUE;
  g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
               _("it must be greater than 0"));
  return FALSE;
}

/* In name order, as nodes keep them: max, min and step come before value. */
static const PropSpec slider_props[] = {
  { ATOMR_VIEW_PROP_MAX, "d", slider_apply_max, NULL },
  { ATOMR_VIEW_PROP_MIN, "d", slider_apply_min, NULL },
  { ATOMR_VIEW_PROP_ORIENTATION, "s", slider_apply_orientation, check_orientation },
  { ATOMR_VIEW_PROP_STEP, "d", slider_apply_step, check_positive },
  { ATOMR_VIEW_PROP_VALUE, "d", slider_apply_value, NULL },
  { NULL },
};

/* -- progress and spinner ---------------------------------------------------- */

static void
progress_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_progress_bar_new ();
}

static void
progress_apply_fraction (AtomrViewGtkMirror *mirror,
                         GVariant           *value)
{
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (mirror->widget), CLAMP (get_number (value, 0), 0.0, 1.0));
}

static void
progress_apply_text (AtomrViewGtkMirror *mirror,
                     GVariant           *value)
{
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (mirror->widget), get_string (value, NULL));
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (mirror->widget), value != NULL);
}

static const PropSpec progress_props[] = {
  { ATOMR_VIEW_PROP_FRACTION, "d", progress_apply_fraction, NULL },
  { ATOMR_VIEW_PROP_TEXT, "s", progress_apply_text, NULL },
  { NULL },
};

static void
spinner_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (mirror->widget));
}

static void
spinner_apply_spinning (AtomrViewGtkMirror *mirror,
                        GVariant           *value)
{
  gtk_spinner_set_spinning (GTK_SPINNER (mirror->widget), get_boolean (value, TRUE));
}

static const PropSpec spinner_props[] = {
  { ATOMR_VIEW_PROP_SPINNING, "b", spinner_apply_spinning, NULL },
  { NULL },
};

/* -- image ------------------------------------------------------------------- */

typedef struct
{
  char *icon_name;
  char *file;
} ImageState;

static void
image_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_image_new ();
  mirror->data = g_new0 (ImageState, 1);
}

static void
image_release (AtomrViewGtkMirror *mirror)
{
  ImageState *state = mirror->data;

  g_free (state->icon_name);
  g_free (state->file);
  g_free (state);
}

/* A file wins over an icon name; a file that does not load shows the missing-image icon. */
static void
image_update (AtomrViewGtkMirror *mirror)
{
  ImageState *state = mirror->data;
  GtkImage *image = GTK_IMAGE (mirror->widget);

  if (state->file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (state->file);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, NULL);

      if (texture != NULL)
        gtk_image_set_from_paintable (image, GDK_PAINTABLE (texture));
      else
        gtk_image_set_from_icon_name (image, "image-missing");
    }
  else if (state->icon_name != NULL)
    gtk_image_set_from_icon_name (image, state->icon_name);
  else
    gtk_image_clear (image);
}

static void
image_apply_icon_name (AtomrViewGtkMirror *mirror,
                       GVariant           *value)
{
  ImageState *state = mirror->data;

  g_free (state->icon_name);
  state->icon_name = g_strdup (get_string (value, NULL));
  image_update (mirror);
}

static void
image_apply_file (AtomrViewGtkMirror *mirror,
                  GVariant           *value)
{
  ImageState *state = mirror->data;

  g_free (state->file);
  state->file = g_strdup (get_string (value, NULL));
  image_update (mirror);
}

static void
image_apply_pixel_size (AtomrViewGtkMirror *mirror,
                        GVariant           *value)
{
  gtk_image_set_pixel_size (GTK_IMAGE (mirror->widget), (int) get_number (value, -1));
}

static const PropSpec image_props[] = {
  { ATOMR_VIEW_PROP_FILE, "s", image_apply_file, NULL },
  { ATOMR_VIEW_PROP_ICON_NAME, "s", image_apply_icon_name, NULL },
  { ATOMR_VIEW_PROP_PIXEL_SIZE, "i", image_apply_pixel_size, NULL },
  { NULL },
};

/* -- separator and scroll ---------------------------------------------------- */

static void
separator_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
}

static void
separator_apply_orientation (AtomrViewGtkMirror *mirror,
                             GVariant           *value)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (mirror->widget),
                                  parse_orientation (value, GTK_ORIENTATION_HORIZONTAL));
}

static const PropSpec separator_props[] = {
  { ATOMR_VIEW_PROP_ORIENTATION, "s", separator_apply_orientation, check_orientation },
  { NULL },
};

static void
scroll_create (AtomrViewGtkMirror *mirror)
{
  mirror->widget = gtk_scrolled_window_new ();
}

static const PropSpec no_props[] = {
  { NULL },
};

/* -- list -------------------------------------------------------------------- */

typedef struct
{
  GtkListView          *view;
  GtkListItemFactory   *factory;
  AtomrViewGtkRowModel *model;
} ListState;

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AtomrViewGtkTree         *tree)
{
  atomr_view_gtk_tree_bind_row (tree, list_item);
}

static void
list_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                AtomrViewGtkTree         *tree)
{
  atomr_view_gtk_tree_unbind_row (tree, list_item);
}

static void
list_create (AtomrViewGtkMirror *mirror)
{
  ListState *state = g_new0 (ListState, 1);

  state->model = atomr_view_gtk_row_model_new (mirror->children);
  state->factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (state->factory, "bind", G_CALLBACK (list_bind_cb), mirror->tree);
  g_signal_connect (state->factory, "unbind", G_CALLBACK (list_unbind_cb), mirror->tree);
  state->view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                    g_object_ref (G_LIST_MODEL (state->model)))),
                                                  g_object_ref (state->factory)));
  mirror->widget = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (mirror->widget), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (mirror->widget), GTK_WIDGET (state->view));
  mirror->target = G_OBJECT (state->view);
  mirror->data = state;
}

static void
list_release (AtomrViewGtkMirror *mirror)
{
  ListState *state = mirror->data;

  /* Unbind every row while the rows are still there, then stop listening. */
  gtk_list_view_set_model (state->view, NULL);
  g_signal_handlers_disconnect_by_data (state->factory, mirror->tree);
  atomr_view_gtk_row_model_detach (state->model);
  g_object_unref (state->factory);
  g_object_unref (state->model);
  g_free (state);
}

/* -- region ------------------------------------------------------------------ */

/* A box the window actor fills; its placeholder label shows while it is empty. */
typedef struct
{
  GtkWidget *placeholder;
} RegionState;

static void
region_create (AtomrViewGtkMirror *mirror)
{
  RegionState *state = g_new0 (RegionState, 1);

  mirror->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  state->placeholder = gtk_label_new (NULL);
  gtk_widget_add_css_class (state->placeholder, "dim-label");
  gtk_widget_add_css_class (state->placeholder, "atomr-region-placeholder");
  gtk_widget_set_visible (state->placeholder, FALSE);
  gtk_box_append (GTK_BOX (mirror->widget), state->placeholder);
  mirror->data = state;
}

static void
region_release (AtomrViewGtkMirror *mirror)
{
  g_free (mirror->data);
}

static void
region_update (AtomrViewGtkMirror *mirror)
{
  RegionState *state = mirror->data;
  const char *text = gtk_label_get_text (GTK_LABEL (state->placeholder));

  gtk_widget_set_visible (state->placeholder, atomr_view_gtk_mirror_get_n_children (mirror) == 0 && *text != '\0');
}

static void
region_apply_placeholder (AtomrViewGtkMirror *mirror,
                          GVariant           *value)
{
  RegionState *state = mirror->data;

  gtk_label_set_text (GTK_LABEL (state->placeholder), get_string (value, ""));
  region_update (mirror);
}

static const PropSpec region_props[] = {
  { ATOMR_VIEW_PROP_PLACEHOLDER, "s", region_apply_placeholder, NULL },
  { NULL },
};

/* -- GtkWidget types ------------------------------------------------------- */

static void
toggle_button_toggled_cb (GtkToggleButton    *button,
                          AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_TOGGLED,
                              g_variant_new_boolean (gtk_toggle_button_get_active (button)));
}

static void
editable_changed_cb (GtkEditable        *editable,
                     AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_CHANGED,
                              g_variant_new_string (gtk_editable_get_text (editable)));
}

static void
editable_activate_cb (GtkEditable        *editable,
                      AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_ACTIVATE,
                              g_variant_new_string (gtk_editable_get_text (editable)));
}

static void
spin_button_value_changed_cb (GtkSpinButton      *button,
                              AtomrViewGtkMirror *mirror)
{
  atomr_view_gtk_mirror_emit (mirror, ATOMR_VIEW_SIGNAL_VALUE_CHANGED,
                              g_variant_new_double (gtk_spin_button_get_value (button)));
}

/* The events of the core kinds, for the GTK types they are made of. */
static void
widget_create (AtomrViewGtkMirror *mirror)
{
  GType type = mirror->kind->type;
  GtkWidget *widget = g_object_new (type, NULL);

  mirror->widget = widget;
  if (g_type_is_a (type, GTK_TYPE_TOGGLE_BUTTON))
    g_signal_connect (widget, "toggled", G_CALLBACK (toggle_button_toggled_cb), mirror);
  else if (g_type_is_a (type, GTK_TYPE_BUTTON))
    g_signal_connect (widget, "clicked", G_CALLBACK (button_clicked_cb), mirror);
  else if (g_type_is_a (type, GTK_TYPE_CHECK_BUTTON))
    g_signal_connect (widget, "toggled", G_CALLBACK (check_toggled_cb), mirror);
  else if (g_type_is_a (type, GTK_TYPE_SWITCH))
    g_signal_connect (widget, "notify::active", G_CALLBACK (switch_active_cb), mirror);
  else if (g_type_is_a (type, GTK_TYPE_RANGE))
    g_signal_connect (widget, "value-changed", G_CALLBACK (range_value_changed_cb), mirror);

  if (g_type_is_a (type, GTK_TYPE_SPIN_BUTTON))
    g_signal_connect (widget, "value-changed", G_CALLBACK (spin_button_value_changed_cb), mirror);
  else if (g_type_is_a (type, GTK_TYPE_EDITABLE))
    g_signal_connect (widget, "changed", G_CALLBACK (editable_changed_cb), mirror);
  if (g_type_is_a (type, GTK_TYPE_EDITABLE) && g_signal_lookup ("activate", type) != 0)
    g_signal_connect (widget, "activate", G_CALLBACK (editable_activate_cb), mirror);
}

/* -- the table --------------------------------------------------------------- */

#define CORE_KIND(kind_name, get_type, ...) \
  { .name = kind_name, .target_type = get_type, __VA_ARGS__ }

static const AtomrViewGtkKind core_kinds[] = {
  CORE_KIND (ATOMR_VIEW_KIND_CONTAINER, gtk_box_get_type, .props = container_props,
             .children = ATOMR_VIEW_GTK_CHILDREN_MANY, .create = container_create),
  CORE_KIND (ATOMR_VIEW_KIND_TEXT, gtk_label_get_type, .props = text_props, .create = text_create),
  CORE_KIND (ATOMR_VIEW_KIND_BUTTON, gtk_button_get_type, .props = button_props, .create = button_create,
             .release = button_release),
  CORE_KIND (ATOMR_VIEW_KIND_TEXT_INPUT, gtk_entry_get_type, .props = entry_props, .create = entry_create,
             .release = entry_release),
  CORE_KIND (ATOMR_VIEW_KIND_CHECK, gtk_check_button_get_type, .props = check_props, .create = check_create),
  CORE_KIND (ATOMR_VIEW_KIND_SWITCH, gtk_switch_get_type, .props = switch_props, .create = switch_create),
  CORE_KIND (ATOMR_VIEW_KIND_SLIDER, gtk_scale_get_type, .props = slider_props, .create = slider_create),
  CORE_KIND (ATOMR_VIEW_KIND_PROGRESS, gtk_progress_bar_get_type, .props = progress_props,
             .create = progress_create),
  CORE_KIND (ATOMR_VIEW_KIND_SPINNER, gtk_spinner_get_type, .props = spinner_props, .create = spinner_create),
  CORE_KIND (ATOMR_VIEW_KIND_IMAGE, gtk_image_get_type, .props = image_props, .create = image_create,
             .release = image_release),
  CORE_KIND (ATOMR_VIEW_KIND_SEPARATOR, gtk_separator_get_type, .props = separator_props,
             .create = separator_create),
  CORE_KIND (ATOMR_VIEW_KIND_SCROLL, gtk_scrolled_window_get_type, .props = no_props,
             .children = ATOMR_VIEW_GTK_CHILDREN_ONE, .fills = TRUE, .create = scroll_create),
  CORE_KIND (ATOMR_VIEW_KIND_LIST, gtk_list_view_get_type, .props = no_props,
             .children = ATOMR_VIEW_GTK_CHILDREN_ROWS, .fills = TRUE, .create = list_create,
             .release = list_release),
  CORE_KIND (ATOMR_VIEW_KIND_REGION, gtk_box_get_type, .props = region_props,
             .children = ATOMR_VIEW_GTK_CHILDREN_MANY, .create = region_create, .release = region_release,
             .children_changed = region_update),
};

/* name -> kind; the UI thread only. Kinds of GtkWidget types are made on first use and kept. */
static GHashTable *kinds;
static GtkBuilder *type_resolver;

static void
ensure_kinds (void)
{
  if (kinds != NULL)
    return;
  kinds = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (core_kinds); i++)
    g_hash_table_insert (kinds, (gpointer) core_kinds[i].name, (gpointer) &core_kinds[i]);
  /* GtkBuilder knows how to find a type that was never used yet by its name. */
  type_resolver = gtk_builder_new ();
}

static gboolean
child_property_holds_widget (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "child");

  return pspec != NULL && (pspec->flags & G_PARAM_WRITABLE) != 0 &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), GTK_TYPE_WIDGET);
}

static const AtomrViewGtkKind *
widget_kind_new (const char  *name,
                 GError     **error)
{
  AtomrViewGtkKind *kind;
  GType type;

  if (!g_ascii_isupper (name[0]))
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND,
                   _("the kind “%s” is neither a core kind nor a GTK widget type"), name);
      return NULL;
    }
  type = gtk_builder_get_type_from_name (type_resolver, name);
  if (type == G_TYPE_INVALID || !g_type_is_a (type, GTK_TYPE_WIDGET))
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND,
                   _("the kind “%s” is neither a core kind nor a GTK widget type"), name);
      return NULL;
    }
  if (G_TYPE_IS_ABSTRACT (type) || g_type_is_a (type, GTK_TYPE_NATIVE))
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND,
                   G_TYPE_IS_ABSTRACT (type) ? _("the widget type “%s” is abstract")
                                             : _("the widget type “%s” cannot be put inside a window"),
                   name);
      return NULL;
    }

  kind = g_new0 (AtomrViewGtkKind, 1);
  kind->name = g_intern_string (name);
  kind->type = type;
  kind->props = no_props;
  kind->create = widget_create;
  if (g_type_is_a (type, GTK_TYPE_BOX))
    kind->children = ATOMR_VIEW_GTK_CHILDREN_MANY;
  else if (child_property_holds_widget (type))
    kind->children = ATOMR_VIEW_GTK_CHILDREN_ONE;
  else
    kind->children = ATOMR_VIEW_GTK_CHILDREN_NONE;
  return kind;
}

const AtomrViewGtkKind *
atomr_view_gtk_kind_lookup (const char  *name,
                            GError     **error)
{
  /* In front of the tables, the kinds of the interned names seen last: a
   * scene names a handful of kinds, again and again. */
  static struct { const char *name; const AtomrViewGtkKind *kind; } recent[8];
  static guint next_slot;
  const AtomrViewGtkKind *kind;

  for (guint i = 0; i < G_N_ELEMENTS (recent); i++)
    if (recent[i].name == name)
      return recent[i].kind;
  ensure_kinds ();
  kind = g_hash_table_lookup (kinds, name);
  if (kind == NULL && (kind = widget_kind_new (name, error)) != NULL)
    g_hash_table_insert (kinds, (gpointer) kind->name, (gpointer) kind);
  /* Only an interned name may stand for its kind by its address. */
  if (kind != NULL && g_intern_string (name) == name)
    {
      recent[next_slot].name = name;
      recent[next_slot].kind = kind;
      next_slot = (next_slot + 1) % G_N_ELEMENTS (recent);
    }
  return kind;
}

AtomrViewGtkChildren
atomr_view_gtk_kind_get_children (const AtomrViewGtkKind *kind)
{
  return kind->children;
}

/* -- props ------------------------------------------------------------------- */

static const PropSpec *
find_spec (const PropSpec *specs,
           const char     *name)
{
  for (; specs->name != NULL; specs++)
    if (strcmp (specs->name, name) == 0)
      return specs;
  return NULL;
}

static const PropSpec *
find_prop (const AtomrViewGtkKind *kind,
           const char             *name)
{
  const PropSpec *spec = find_spec (kind->props, name);

  return spec != NULL ? spec : find_spec (common_props, name);
}

/* A GObject property of the kind's widget that a prop may set, or NULL with an error. */
static GParamSpec *
find_property (const AtomrViewGtkKind  *kind,
               const char              *name,
               GError                 **error)
{
  GType type = kind_target_type (kind);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

  if (pspec == NULL)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_PROPERTY,
                   _("it has no prop “%s”, and %s has no property of that name"), name, g_type_name (type));
      return NULL;
    }
  if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_PROPERTY,
                   (pspec->flags & G_PARAM_WRITABLE) == 0
                     ? _("the property “%s” of %s is read-only")
                     : _("the property “%s” of %s can only be set when the widget is made"),
                   name, g_type_name (type));
      return NULL;
    }
  return pspec;
}

/* Where a prop of a kind goes: one of our specs, or a GObject property of
 * the kind's widget. Found once per kind and name, as rows are checked and
 * made by the thousand; like the kinds, the table lives as long as the
 * process and is used on the UI thread. */
typedef struct
{
  const AtomrViewGtkKind *kind;
  const char             *name;
  const PropSpec         *spec;
  GParamSpec             *pspec;
  gboolean                typed;   /* every node has the right type here: the scene layer saw to it */
  GVariant               *passed;  /* the last value that passed the check (rows share values);
                                    * kept, like the table, for the life of the process */
  char                   *passed_text;  /* the same for a string: rows keep strings as text */
} PropTarget;

static GHashTable *prop_targets;   /* PropTarget, its own key */

static guint
prop_target_hash (gconstpointer data)
{
  const PropTarget *target = data;

  return g_str_hash (target->name) ^ g_direct_hash (target->kind);
}

static gboolean
prop_target_equal (gconstpointer a,
                   gconstpointer b)
{
  const PropTarget *first = a, *second = b;

  return first->kind == second->kind && strcmp (first->name, second->name) == 0;
}

/* In front of the table, the targets found last, by the address of their
 * interned name: a row's nodes name the same few kinds and props again and
 * again. */
#define RECENT_TARGETS 64   /* a power of two */

static PropTarget *recent_targets[RECENT_TARGETS];

static PropTarget *
find_target (const AtomrViewGtkKind  *kind,
             const char              *name,
             GError                 **error)
{
  PropTarget probe = { kind, name, NULL, NULL, FALSE, NULL };
  PropTarget **recent = &recent_targets[address_hash (kind, name) & (RECENT_TARGETS - 1)];
  const GVariantType *scene_type;
  PropTarget *target;

  if (*recent != NULL && (*recent)->kind == kind && (*recent)->name == name)
    return *recent;
  if (prop_targets == NULL)
    prop_targets = g_hash_table_new (prop_target_hash, prop_target_equal);
  if ((target = g_hash_table_lookup (prop_targets, &probe)) != NULL)
    {
      if (target->name == name)
        *recent = target;
      return target;
    }

  probe.spec = find_prop (kind, name);
  if (probe.spec == NULL)
    {
      if ((probe.pspec = find_property (kind, name, error)) == NULL)
        return NULL;
      /* The property belongs to the class: keep the class. */
      g_type_class_ref (kind_target_type (kind));
    }
  else if ((scene_type = atomr_view_kind_get_prop_type (kind->name, name)) != NULL)
    {
      /* Nodes are refused with another type than the vocabulary's. */
      probe.typed = strcmp ((const char *) scene_type, probe.spec->type) == 0;
    }
  target = g_memdup2 (&probe, sizeof probe);
  target->name = g_intern_string (name);
  g_hash_table_add (prop_targets, target);
  if (target->name == name)
    *recent = target;
  return target;
}

static const char *
describe_type (const char *type)
{
  if (strcmp (type, "s") == 0)
    return _("a string");
  if (strcmp (type, "b") == 0)
    return _("a boolean");
  if (strcmp (type, "i") == 0)
    return _("a whole number");
  if (strcmp (type, "d") == 0)
    return _("a number");
  if (strcmp (type, "as") == 0)
    return _("a list of strings");
  if (strcmp (type, "(dd)") == 0)
    return _("a vector (x, y)");
  if (strcmp (type, "(dddd)") == 0)
    return _("a colour (red, green, blue, alpha)");
  return type;
}

static gboolean
check_value (const PropTarget  *target,
             const char        *name,
             GVariant          *value,
             GError           **error)
{
  const PropSpec *spec;
  GValue gvalue = G_VALUE_INIT;
  gboolean converted;

  if ((spec = target->spec) != NULL)
    {
      if (!target->typed && !atomr_view_gtk_variant_fits (value, spec->type))
        {
          g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                       _("the prop “%s” must be %s, not a value of type “%s”"),
                       name, describe_type (spec->type), g_variant_get_type_string (value));
          return FALSE;
        }
      if (spec->check != NULL && !spec->check (value, error))
        {
          g_prefix_error (error, _("the prop “%s”: "), name);
          return FALSE;
        }
      return TRUE;
    }
  converted = atomr_view_gtk_value_from_variant (target->pspec, value, &gvalue, error);
  if (G_IS_VALUE (&gvalue))
    g_value_unset (&gvalue);
  if (!converted)
    {
      g_prefix_error (error, _("the prop “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}

/* Checks the prop at @index of @node. A value is made from a string kept as
 * text only when the check looks at it, and not for a text that passed last. */
static gboolean
check_prop (const AtomrViewGtkKind  *kind,
            AtomrViewNode           *node,
            guint                    index,
            GError                 **error)
{
  const char *name = atomr_view_node_get_prop_name (node, index);
  PropTarget *target = find_target (kind, name, error);
  const char *text;
  GVariant *value;

  if (target == NULL)
    return FALSE;
  /* The scene layer saw to the type, and there is nothing else to look at. */
  if (target->spec != NULL && target->typed && target->spec->check == NULL)
    return TRUE;
  text = atomr_view_node_get_prop_string (node, index);
  if (text != NULL && target->passed_text != NULL && strcmp (text, target->passed_text) == 0)
    return TRUE;
  value = atomr_view_node_get_prop_value (node, index);
  /* Nodes built on one thread share equal numbers (atomr-view-value-cache.c):
   * 10 000 rows hold one spacing, checked once. */
  if (value == target->passed)
    return TRUE;
  if (!check_value (target, name, value, error))
    return FALSE;
  g_clear_pointer (&target->passed, g_variant_unref);
  target->passed = g_variant_ref (value);
  g_free (target->passed_text);
  target->passed_text = g_strdup (text);
  return TRUE;
}

gboolean
atomr_view_gtk_kind_check_prop (const AtomrViewGtkKind  *kind,
                                AtomrViewNode           *node,
                                guint                    index,
                                GError                 **error)
{
  return check_prop (kind, node, index, error);
}

gboolean
atomr_view_gtk_kind_check_node (const AtomrViewGtkKind  *kind,
                                AtomrViewNode           *node,
                                GError                 **error)
{
  guint n_props = atomr_view_node_get_n_props (node);
  guint n_children = atomr_view_node_get_n_children (node);

  for (guint i = 0; i < n_props; i++)
    if (!check_prop (kind, node, i, error))
      return FALSE;

  if (kind->children == ATOMR_VIEW_GTK_CHILDREN_NONE && n_children > 0)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                   _("it cannot have children"));
      return FALSE;
    }
  if (kind->children == ATOMR_VIEW_GTK_CHILDREN_ONE && n_children > 1)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_INVALID_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "it holds one child, not %u", "it holds one child, not %u",
                                n_children),
                   n_children);
      return FALSE;
    }
  return TRUE;
}

void
atomr_view_gtk_kind_set_prop (AtomrViewGtkMirror *mirror,
                              const char         *name,
                              GVariant           *value)
{
  g_autoptr(GError) error = NULL;
  const PropTarget *target = find_target (mirror->kind, name, &error);
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  /* Checked before: these cannot fail. */
  if (target == NULL)
    {
      g_critical ("%s", error->message);
      return;
    }
  if (target->spec != NULL)
    {
      target->spec->apply (mirror, value);
      return;
    }
  pspec = target->pspec;
  if (value == NULL)
    {
      g_value_init (&gvalue, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_param_value_set_default (pspec, &gvalue);
      g_object_set_property (mirror->target, name, &gvalue);
    }
  else if (!atomr_view_gtk_value_from_variant (pspec, value, &gvalue, &error))
    g_critical ("%s", error->message);
  else
    g_object_set_property (mirror->target, name, &gvalue);
}

/* -- widgets ------------------------------------------------------------------- */

void
atomr_view_gtk_kind_create (AtomrViewGtkMirror *mirror)
{
  const AtomrViewGtkKind *kind = mirror->kind;
  AtomrViewNode *node = mirror->node;
  guint n_props = atomr_view_node_get_n_props (node);

  kind->create (mirror);
  g_object_ref_sink (mirror->widget);
  if (mirror->target == NULL)
    mirror->target = G_OBJECT (mirror->widget);
  if (kind->fills)
    {
      gtk_widget_set_hexpand (mirror->widget, TRUE);
      gtk_widget_set_vexpand (mirror->widget, TRUE);
    }
  for (guint i = 0; i < n_props; i++)
    atomr_view_gtk_kind_set_prop (mirror, atomr_view_node_get_prop_name (node, i),
                                  atomr_view_node_get_prop_value (node, i));
}

void
atomr_view_gtk_kind_release (AtomrViewGtkMirror *mirror)
{
  if (mirror->widget == NULL)
    return;
  g_signal_handlers_disconnect_by_data (mirror->widget, mirror);
  if (mirror->kind->release != NULL)
    mirror->kind->release (mirror);
  mirror->data = NULL;
  mirror->target = NULL;
  g_clear_pointer (&mirror->css_classes, g_strfreev);
  g_clear_object (&mirror->widget);
}

void
atomr_view_gtk_kind_insert_child (AtomrViewGtkMirror *parent,
                                  AtomrViewGtkMirror *child,
                                  AtomrViewGtkMirror *prev)
{
  if (parent->kind->children == ATOMR_VIEW_GTK_CHILDREN_MANY)
    gtk_box_insert_child_after (GTK_BOX (parent->widget), child->widget, prev ? prev->widget : NULL);
  else
    g_object_set (parent->widget, "child", child->widget, NULL);
}

void
atomr_view_gtk_kind_move_child (AtomrViewGtkMirror *parent,
                                AtomrViewGtkMirror *child,
                                AtomrViewGtkMirror *prev)
{
  if (parent->kind->children == ATOMR_VIEW_GTK_CHILDREN_MANY)
    gtk_box_reorder_child_after (GTK_BOX (parent->widget), child->widget, prev ? prev->widget : NULL);
}

void
atomr_view_gtk_kind_remove_child (AtomrViewGtkMirror *parent,
                                  AtomrViewGtkMirror *child)
{
  g_autoptr(GtkWidget) current = NULL;

  if (parent->kind->children == ATOMR_VIEW_GTK_CHILDREN_MANY)
    {
      gtk_box_remove (GTK_BOX (parent->widget), child->widget);
      return;
    }
  /* A replacement may already hold the place. */
  g_object_get (parent->widget, "child", &current, NULL);
  if (current == child->widget || (current != NULL && gtk_widget_is_ancestor (child->widget, current)))
    g_object_set (parent->widget, "child", NULL, NULL);
}

void
atomr_view_gtk_kind_children_changed (AtomrViewGtkMirror *parent)
{
  if (parent->kind->children_changed != NULL)
    parent->kind->children_changed (parent);
}

AtomrViewGtkRowModel *
atomr_view_gtk_kind_get_rows (AtomrViewGtkMirror *list)
{
  ListState *state = list->data;

  g_return_val_if_fail (list->kind->children == ATOMR_VIEW_GTK_CHILDREN_ROWS, NULL);

  /* Asked once per row patched: no cast checks. */
  return state->model;
}
