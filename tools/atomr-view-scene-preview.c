/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <atomr-view-gtk.h>

#include "atomr-view-scene-preview.h"

/* Shows a scene file in a window and follows the file: each time it is
 * saved, the window shows the new scene (through the same diff and patches
 * as an application), or keeps the last good one and says why. What the
 * user does in the window is printed, one event a line. */

#define WINDOW_ID "preview"

typedef struct
{
  AtomrViewGtkBackend *backend;
  GFile               *file;
  AtomrViewScene      *shown;
  gboolean             check;
  char                *screenshot;
  gboolean             done;
  int                  status;
} Preview;

static AtomrViewScene *
load (Preview  *preview,
      GError  **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (preview->file, NULL, &contents, &length, NULL, error))
    return NULL;
  return atomr_view_scene_new_from_json (contents, (gssize) length, error);
}

/* Shows the file's scene; FALSE, with the reason printed, when it cannot. */
static gboolean
show (Preview *preview)
{
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (preview->file);

  scene = load (preview, &error);
  if (scene == NULL ||
      !atomr_view_backend_render_scene (ATOMR_VIEW_BACKEND (preview->backend), WINDOW_ID, preview->shown, scene,
                                        &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return FALSE;
    }
  g_clear_pointer (&preview->shown, atomr_view_scene_unref);
  preview->shown = g_steal_pointer (&scene);
  return TRUE;
}

static gboolean
save_screenshot (Preview  *preview,
                 GError  **error)
{
  GtkWidget *window = GTK_WIDGET (atomr_view_gtk_backend_get_window (preview->backend, WINDOW_ID));
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window painted nothing"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, preview->screenshot))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”"), preview->screenshot);
      return FALSE;
    }
  return TRUE;
}

static void
print_event (AtomrViewEvent *event)
{
  g_autofree char *path = g_strjoinv ("/", (char **) atomr_view_event_get_path (event));
  GVariant *value = atomr_view_event_get_value (event);
  g_autofree char *text = value != NULL ? g_variant_print (value, FALSE) : NULL;

  g_print ("%s %s%s%s\n", atomr_view_event_get_signal (event), *path != '\0' ? path : "/",
           text != NULL ? " " : "", text != NULL ? text : "");
}

static void
event_cb (AtomrViewBackend *backend,
          AtomrViewEvent   *event,
          Preview          *preview)
{
  const char *signal = atomr_view_event_get_signal (event);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (signal, ATOMR_VIEW_SIGNAL_FRAME))
    {
      /* The first frame is on screen: what --check and --screenshot wait for. */
      if (preview->screenshot != NULL && !preview->done && !save_screenshot (preview, &error))
        {
          g_printerr ("%s\n", error->message);
          preview->status = 1;
        }
      if (preview->check || preview->screenshot != NULL)
        preview->done = TRUE;
      return;
    }
  print_event (event);
  if (g_str_equal (signal, ATOMR_VIEW_SIGNAL_CLOSE_REQUEST))
    preview->done = TRUE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 Preview           *preview)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED)
    show (preview);
}

int
atomr_view_scene_preview (int    argc,
                          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Preview preview = { 0 };
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &preview.check,
      N_("Show the scene until its first frame is painted, then exit: 0 if it could be shown"), NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &preview.screenshot,
      N_("Save the first frame of the window as a PNG file, then exit"), N_("PNG") },
    { NULL },
  };

  context = g_option_context_new (_("FILE — show a JSON scene in a window"));
  g_option_context_set_summary (context, _("Edits to the file show as they are saved. Events are printed, one a line."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr (_("Give one scene file; see --help\n"));
      g_free (preview.screenshot);
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr (_("Cannot open a display\n"));
      g_free (preview.screenshot);
      return 1;
    }

  preview.file = g_file_new_for_commandline_arg (argv[1]);
  preview.backend = atomr_view_gtk_backend_new ();
  g_signal_connect (preview.backend, "event", G_CALLBACK (event_cb), &preview);
  title = g_file_get_basename (preview.file);
  if (!atomr_view_backend_open_window (ATOMR_VIEW_BACKEND (preview.backend), WINDOW_ID, title, &error))
    {
      g_printerr ("%s\n", error->message);
      preview.status = 1;
    }
  else if (!show (&preview))
    preview.status = 1;
  else
    {
      if (!preview.check && preview.screenshot == NULL)
        {
          monitor = g_file_monitor_file (preview.file, G_FILE_MONITOR_NONE, NULL, NULL);
          if (monitor != NULL)
            g_signal_connect (monitor, "changed", G_CALLBACK (file_changed_cb), &preview);
        }
      while (!preview.done)
        g_main_context_iteration (NULL, TRUE);
    }

  if (monitor != NULL)
    g_signal_handlers_disconnect_by_data (monitor, &preview);
  g_signal_handlers_disconnect_by_data (preview.backend, &preview);
  g_clear_object (&preview.backend);
  g_clear_pointer (&preview.shown, atomr_view_scene_unref);
  g_clear_object (&preview.file);
  g_free (preview.screenshot);
  return preview.status;
}
